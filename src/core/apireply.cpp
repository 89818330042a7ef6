#include "core/apireply.h"

#include "core/apiclient.h"
#include "core/ticketparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace CaseLens {

namespace {
// lupdate files strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::ApiClient)
};
} // namespace

QString RetryNotice::message() const
{
    const qint64 seconds = std::max<qint64>(1, (delay.count() + 999) / 1000);
    const QString what =
        reason.kind() == ErrorKind::RateLimited || (reason.httpStatus() >= 502 && reason.httpStatus() <= 504)
            ? Tr::tr("Server busy")
            : Tr::tr("Connection problem");
    return Tr::tr("%1, retrying in %2 s (attempt %3 of %4)")
        .arg(what)
        .arg(seconds)
        .arg(attempt)
        .arg(maxAttempts);
}

ApiReply::ApiReply(ApiClient *client, QString path, Lane lane, bool isWrite)
    : QObject(client)
    , m_client(client)
    , m_path(std::move(path))
    , m_lane(lane)
    , m_isWrite(isWrite)
{}

ApiReply::~ApiReply()
{
    // Quietly: whoever deletes a reply is not listening any more.
    if (!m_finished && m_client)
        m_client->withdraw(this, false);
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    if (m_client)
        m_client->withdraw(this, true);
    else
        finish(ParsedAnswer::failed(Error(ErrorKind::Cancelled, Tr::tr("Cancelled."))), m_attempts);
}

void ApiReply::finish(const ParsedAnswer &answer, int attempts)
{
    if (m_finished)
        return;
    m_finished = true;
    m_attempts = attempts;
    m_error = answer.error;
    takeValue(answer);
    Q_EMIT finished();
}

TicketReply::TicketReply(ApiClient *client, const CaseNumber &caseNumber, Lane lane)
    : ResultReply(client, QStringLiteral("/tickets/fetchSingleTicket"), lane, false)
    , m_caseNumber(caseNumber)
{}

ParsedAnswer TicketReply::parse(const QByteArray &body, int status, const QByteArray &contentType,
                                const CaseNumber &caseNumber)
{
    return answer(parseTicketResponse(body, status, contentType, caseNumber.toString()));
}

QString TicketListQuery::path() const
{
    return status == TicketStatus::Closed ? QStringLiteral("/tickets/fetchClosedTickets")
                                          : QStringLiteral("/tickets/fetchOpenTickets");
}

QByteArray TicketListQuery::body() const
{
    QJsonObject object;
    if (!search.trimmed().isEmpty())
        object.insert(QStringLiteral("search"), search.trimmed());
    if (priority != Priority::Unknown)
        object.insert(QStringLiteral("priority"), int(priority));
    if (!platform.isEmpty())
        object.insert(QStringLiteral("platform"), platform);
    object.insert(QStringLiteral("page"), std::max(1, page));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

TicketListReply::TicketListReply(ApiClient *client, TicketListQuery query, Lane lane)
    : ResultReply(client, query.path(), lane, false)
    , m_query(std::move(query))
{}

} // namespace CaseLens
