#include "support/writeserver.h"

#include "support/sampledata.h"

#include "core/writeoperation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

#include <utility>

using namespace Qt::StringLiterals;

namespace CaseLens::Testing {

namespace {
QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

FakeTicketStore::FakeTicketStore(FakeServer &server)
    : m_server(server)
{
    m_server.setHandler([this](const RecordedRequest &request) { return answer(request); });
}

void FakeTicketStore::addOpen(const QString &caseNumber, const QString &subject)
{
    QJsonObject data = sampleTicketData(caseNumber);
    data.insert(u"Subject"_s, subject);
    data.insert(u"Status"_s, false);
    data.insert(u"ClosedBy"_s, QJsonValue::Null);
    data.insert(u"CloseDate"_s, QJsonValue::Null);
    data.insert(u"Completion"_s, 40);
    m_tickets.insert(caseNumber, data);
    m_order.removeAll(caseNumber);
    m_order.append(caseNumber);
}

void FakeTicketStore::addClosed(const QString &caseNumber, const QString &subject, const QString &closedBy)
{
    addOpen(caseNumber, subject);
    QJsonObject &data = m_tickets[caseNumber];
    data.insert(u"Status"_s, true);
    data.insert(u"ClosedBy"_s, closedBy);
    data.insert(u"CloseDate"_s, u"2025-01-28T16:45:30.250Z"_s);
    data.insert(u"Completion"_s, 100);
}

int FakeTicketStore::requestCount(const QByteArray &path) const
{
    return int(bodies(path).size());
}

QList<QJsonObject> FakeTicketStore::bodies(const QByteArray &path) const
{
    QList<QJsonObject> result;
    for (const RecordedRequest &request : m_server.requests()) {
        if (request.path == path)
            result << QJsonDocument::fromJson(request.body).object();
    }
    return result;
}

FakeResponse FakeTicketStore::answer(const RecordedRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (request.path == "/tickets/fetchSingleTicket") {
        const auto it = m_tickets.constFind(body.value(u"caseNumber").toString());
        if (it == m_tickets.constEnd())
            return FakeResponse::error(404, u"Ticket Not Found or Access Denied"_s);
        return FakeResponse::ticket(*it);
    }
    if (request.path == "/tickets/fetchOpenTickets")
        return openList(body);

    FakeResponse (FakeTicketStore::*write)(const QJsonObject &) = nullptr;
    if (request.path == "/tickets/resolve")
        write = &FakeTicketStore::resolve;
    else if (request.path == "/tickets/create")
        write = &FakeTicketStore::create;
    else if (request.path == "/tickets/update")
        write = &FakeTicketStore::update;
    else
        return FakeResponse::error(404, u"No such endpoint"_s);

    const WriteFate fate = std::exchange(writeFate, WriteFate::Answer);
    FakeResponse response = fate == WriteFate::NotDoneAnswerLost ? FakeResponse{} : (this->*write)(body);
    if (fate != WriteFate::Answer)
        response.behaviour = FakeResponse::Behaviour::CloseImmediately; // reads it, closes without a word
    return response;
}

FakeResponse FakeTicketStore::resolve(const QJsonObject &body)
{
    const QString caseNumber = body.value(u"CaseId").toString();
    const auto it = m_tickets.find(caseNumber);
    if (it == m_tickets.end() || it->value(u"Status").toBool())
        return FakeResponse::error(404, u"Ticket Not Found or Already Closed"_s);
    it->insert(u"Status"_s, true);
    it->insert(u"ClosedBy"_s, ownerName);
    it->insert(u"CloseDate"_s, nowText());
    it->insert(u"Completion"_s, 100);
    return FakeResponse::json(200, {{u"Response"_s, true},
                                    {u"Data"_s, QJsonObject{{u"CaseNumber"_s, caseNumber},
                                                            {u"Subject"_s, it->value(u"Subject")},
                                                            {u"Status"_s, true},
                                                            {u"CloseDate"_s, it->value(u"CloseDate")},
                                                            {u"ClosedBy"_s, ownerName}}}});
}

FakeResponse FakeTicketStore::create(const QJsonObject &body)
{
    const int priority = body.value(u"Priority").toInt();
    if (body.value(u"Title").toString().isEmpty() || priority < 1 || priority > 3)
        return FakeResponse::error(400, u"Missing or invalid fields"_s);
    const QString caseNumber = nextCaseNumber;
    addOpen(caseNumber, body.value(u"Title").toString());
    QJsonObject &data = m_tickets[caseNumber];
    data.insert(u"Date"_s, nowText());
    data.insert(u"Description"_s, body.value(u"Description"));
    data.insert(u"Priority"_s, priority);
    return FakeResponse::json(201, {{u"Response"_s, true},
                                    {u"Data"_s, QJsonObject{{u"CaseNumber"_s, caseNumber},
                                                            {u"Subject"_s, data.value(u"Subject")},
                                                            {u"Priority"_s, priority},
                                                            {u"ResourceAffected"_s, u"api"_s},
                                                            {u"AssignedTo"_s, QJsonValue::Null},
                                                            {u"CreationDate"_s, data.value(u"Date")},
                                                            {u"Status"_s, u"Open"_s}}}});
}

FakeResponse FakeTicketStore::update(const QJsonObject &body)
{
    const auto it = m_tickets.find(body.value(u"CaseId").toString());
    if (it == m_tickets.end())
        return FakeResponse::error(404, u"Ticket Not Found"_s);
    if (it->value(u"Status").toBool())
        return FakeResponse::error(400, u"Cannot update closed ticket"_s);
    if (body.contains(u"Title"))
        it->insert(u"Subject"_s, body.value(u"Title"));
    if (body.contains(u"Description"))
        it->insert(u"Description"_s, body.value(u"Description"));
    QJsonObject ticket;
    for (const auto &key : {u"CaseNumber"_s, u"Subject"_s, u"Description"_s, u"Priority"_s, u"Status"_s})
        ticket.insert(key, it->value(key));
    return FakeResponse::json(200, {{u"Response"_s, true}, {u"Ticket"_s, ticket}});
}

FakeResponse FakeTicketStore::openList(const QJsonObject &body) const
{
    const QString search = body.value(u"search").toString();
    QJsonArray rows;
    for (auto it = m_order.crbegin(); it != m_order.crend() && rows.size() < 20; ++it) {
        const QJsonObject &t = m_tickets[*it];
        if (t.value(u"Status").toBool() ||
            !t.value(u"Subject").toString().contains(search, Qt::CaseInsensitive))
            continue;
        rows.append(QJsonObject{{u"CaseNumber"_s, *it},
                                {u"Subject"_s, t.value(u"Subject").toString().left(100)},
                                {u"Date"_s, t.value(u"Date")},
                                {u"Priority"_s, t.value(u"Priority")},
                                {u"ResourceAffected"_s, t.value(u"ResourceAffected")}});
    }
    return FakeResponse::json(200, {{u"Response"_s, true},
                                    {u"Data"_s, QJsonObject{{u"TotalTickets"_s, rows.size()},
                                                            {u"Page"_s, 1},
                                                            {u"Limit"_s, 20},
                                                            {u"TotalPages"_s, 1},
                                                            {u"Tickets"_s, rows}}}});
}

bool WriteFixture::startStore(const QString &apiKey)
{
    if (!startServerAndClient(apiKey))
        return false;
    m_client->setRetryPolicy(3, std::chrono::milliseconds(5), std::chrono::milliseconds(20));
    m_client->setTimeout(std::chrono::seconds(3));
    m_store = std::make_unique<FakeTicketStore>(*m_server);
    m_store->addOpen(u"HYXTNJV"_s, u"Winners list export fails"_s);
    return true;
}

void WriteFixture::stopStore()
{
    stopServerAndClient();
    m_store.reset();
}

bool WriteFixture::runOnce(WriteOperation &operation, int timeoutMs)
{
    QSignalSpy finished(&operation, &WriteOperation::finished);
    operation.start();
    operation.start();
    if (!operation.isRunning())
        return false;
    return finished.wait(timeoutMs) && !operation.isRunning() && finished.size() == 1;
}

} // namespace CaseLens::Testing
