#include "core/createoperation.h"

#include <QRegularExpression>

namespace CaseLens {

QString descriptionHtmlFromText(const QString &text)
{
    QString plain = text;
    plain.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    while (plain.endsWith(u'\n'))
        plain.chop(1);
    const QString html = plain.toHtmlEscaped();
    // The tags the API allows come back, in lower case and without attributes.
    static const QRegularExpression allowed(QStringLiteral("&lt;(/?)(b|strong|i|hr|br)\\s*/?&gt;"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString result;
    qsizetype last = 0;
    for (auto it = allowed.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        result += QStringView(html).mid(last, m.capturedStart() - last);
        result += QStringLiteral("<") + m.captured(1) + m.captured(2).toLower() + QStringLiteral(">");
        last = m.capturedEnd();
    }
    result += QStringView(html).mid(last);
    return result.replace(u'\n', QStringLiteral("<br>"));
}

QString CreateOutcome::message() const
{
    switch (kind) {
    case Kind::Created:
        return tr("The ticket was created: %1").arg(caseNumber);
    case Kind::Unknown:
        return tr("CaseLens could not tell whether the ticket was created. Check My tickets before trying "
                  "again.");
    case Kind::Failed:
        break;
    }
    return tr("The ticket was not created. %1").arg(error.message());
}

CreateOperation::CreateOperation(ApiClient *client, ApiClient::NewTicket ticket, QObject *parent)
    : WriteOperation(client, parent)
    , m_ticket(std::move(ticket))
{}

CreateOperation::~CreateOperation() = default;

void CreateOperation::start()
{
    if (!begin())
        return;
    m_startedAt = QDateTime::currentDateTimeUtc();
    await<CreateReply>(client()->createTicket(m_ticket),
                       [this](const CreateResult &result) { onCreated(result); });
}

void CreateOperation::onCreated(const CreateResult &result)
{
    if (result.ok()) {
        m_outcome.kind = CreateOutcome::Kind::Created;
        m_outcome.caseNumber = result.value.caseNumber;
        m_outcome.created = result.value;
        finish();
        return;
    }
    m_outcome.error = result.error;
    if (!mayHaveHappened(result.error)) {
        m_outcome.kind = CreateOutcome::Kind::Failed;
        finish();
        return;
    }
    // Sending it again could make two tickets. The newest open tickets come
    // first in the list: look there for this one.
    m_outcome.answerLost = true;
    TicketListQuery query;
    query.status = TicketStatus::Open;
    query.search = m_ticket.title.trimmed();
    await<TicketListReply>(client()->fetchTickets(query, Lane::User, Freshness::AfterWrite),
                           [this](const TicketListResult &listed) { onListed(listed); });
}

void CreateOperation::onListed(const TicketListResult &result)
{
    // The list cuts subjects to 100 characters.
    const QString title = m_ticket.title.trimmed();
    const QDateTime since = m_startedAt.addSecs(-ClockSlackSeconds);
    const TicketSummary *found = nullptr;
    for (const TicketSummary &row : result.list.tickets) {
        const bool sameTitle =
            row.subject == title || (row.subject.size() >= 100 && title.startsWith(row.subject));
        // A ticket of the same title made earlier is not this one.
        if (sameTitle && row.canOpen() && row.created.isValid() && row.created >= since &&
            (!found || row.created > found->created))
            found = &row;
    }
    if (found) {
        m_outcome.kind = CreateOutcome::Kind::Created;
        m_outcome.caseNumber = found->caseNumber;
    } else {
        m_outcome.kind = CreateOutcome::Kind::Unknown;
    }
    finish();
}

} // namespace CaseLens
