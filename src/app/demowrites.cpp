#include "app/demowrites.h"

#include "app/demoqueue.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace CaseLens::Gui {

using Loopback::HttpResponse;

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

HttpResponse jsonAnswer(int status, const QJsonObject &fields)
{
    QJsonObject object = fields;
    object.insert(u"Response"_s, true);
    HttpResponse response = HttpResponse::json(status, object);
    response.contentType = "application/json; charset=utf-8";
    return response;
}

HttpResponse errorAnswer(int status, const QString &message)
{
    HttpResponse response = HttpResponse::error(status, message);
    response.contentType = "application/json; charset=utf-8";
    return response;
}

// The next Id in a Notes or Statistics array: one more than the largest.
int nextId(const QJsonArray &entries)
{
    int id = 0;
    for (const QJsonValue &entry : entries)
        id = std::max(id, entry.toObject().value(u"Id").toInt());
    return id + 1;
}

} // namespace

DemoWrites::DemoWrites(DemoQueue &queue, TicketSource source, const QJsonObject &owner)
    : m_queue(queue)
    , m_source(std::move(source))
    , m_ownerName(owner.value(u"ProfileData").toObject().value(u"FullName").toString())
    , m_ownerEmail(owner.value(u"Email").toString())
    , m_ownerToken(owner.value(u"UserToken").toString())
{}

std::optional<QByteArray> DemoWrites::ticket(const QString &caseNumber) const
{
    const auto it = m_written.constFind(caseNumber);
    if (it == m_written.constEnd())
        return std::nullopt;
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, *it}}).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> DemoWrites::current(const QString &caseNumber) const
{
    if (caseNumber.isEmpty())
        return std::nullopt;
    if (const auto it = m_written.constFind(caseNumber); it != m_written.constEnd())
        return *it;
    const std::optional<QByteArray> served = m_source(caseNumber);
    if (!served)
        return std::nullopt;
    return QJsonDocument::fromJson(*served).object().value(u"Data").toObject();
}

void DemoWrites::record(QJsonObject &data, const QString &action, const QString &note) const
{
    const QString now = nowText();
    QJsonArray statistics = data.value(u"Statistics").toArray();
    statistics.append(QJsonObject{{u"Id"_s, nextId(statistics)},
                                  {u"Date"_s, now},
                                  {u"UserToken"_s, m_ownerToken},
                                  {u"Action"_s, action}});
    data.insert(u"Statistics"_s, statistics);
    if (note.isEmpty())
        return;
    QJsonArray notes = data.value(u"Notes").toArray();
    notes.append(QJsonObject{{u"Id"_s, nextId(notes)}, {u"Date"_s, now}, {u"Note"_s, note}});
    data.insert(u"Notes"_s, notes);
}

HttpResponse DemoWrites::resolve(const QByteArray &body)
{
    const QString caseNumber = QJsonDocument::fromJson(body).object().value(u"CaseId").toString();
    if (caseNumber.isEmpty())
        return errorAnswer(400, u"Missing CaseId"_s);
    std::optional<QJsonObject> data = current(caseNumber);
    if (!data || data->value(u"Status").toBool() || data->value(u"Status").toString() == u"Closed")
        return errorAnswer(404, u"Ticket Not Found or Already Closed"_s);
    const QString now = nowText();
    data->insert(u"Status"_s, true);
    data->insert(u"Completion"_s, 100);
    data->insert(u"CloseDate"_s, now);
    data->insert(u"ClosedBy"_s, m_ownerName);
    record(*data, u"resolve"_s, u"Ticket resolved by %1."_s.arg(m_ownerName));
    m_written.insert(caseNumber, *data);
    m_queue.markClosed(caseNumber);
    return jsonAnswer(200, {{u"Data"_s, QJsonObject{{u"CaseNumber"_s, caseNumber},
                                                    {u"Subject"_s, data->value(u"Subject")},
                                                    {u"Status"_s, true},
                                                    {u"CloseDate"_s, now},
                                                    {u"ClosedBy"_s, m_ownerName}}}});
}

HttpResponse DemoWrites::create(const QByteArray &body)
{
    const QJsonObject request = QJsonDocument::fromJson(body).object();
    const QString title = request.value(u"Title").toString().trimmed();
    const QString description = request.value(u"Description").toString();
    const int priority = request.value(u"Priority").toInt();
    if (title.isEmpty() || !request.contains(u"Description"))
        return errorAnswer(400, u"Missing required fields: Title, Description, Priority"_s);
    if (title.size() > 200 || description.size() > 20000)
        return errorAnswer(400, u"Title or Description too long"_s);
    if (priority < 1 || priority > 3)
        return errorAnswer(400, u"Invalid priority. Use 1 (Low), 2 (Medium) or 3 (High)."_s);
    // The demo's only admin is its owner.
    const QString assignTo = request.value(u"AssignTo").toString().trimmed();
    QJsonValue assignee = QJsonValue::Null;
    if (!assignTo.isEmpty()) {
        if (assignTo.compare(m_ownerName, Qt::CaseInsensitive) != 0 &&
            assignTo.compare(m_ownerEmail, Qt::CaseInsensitive) != 0)
            return errorAnswer(400, u"No admin matches AssignTo"_s);
        assignee = QJsonObject{{u"FullName"_s, m_ownerName}, {u"Email"_s, m_ownerEmail}};
    }
    const QString caseNumber = newCaseNumber();
    const QString now = nowText();
    QJsonObject data{{u"CaseNumber"_s, caseNumber},
                     {u"Date"_s, now},
                     {u"Subject"_s, title},
                     {u"Description"_s, description},
                     {u"Priority"_s, priority},
                     {u"Status"_s, false},
                     {u"ClosedBy"_s, QJsonValue::Null},
                     {u"CloseDate"_s, QJsonValue::Null},
                     {u"Completion"_s, 0},
                     {u"Pin"_s, false},
                     {u"Views"_s, 0},
                     {u"ResourceAffected"_s, u"api"_s},
                     {u"NotifyUsers"_s, QJsonArray{m_ownerEmail}},
                     {u"Collaborators"_s, QJsonArray{}},
                     {u"Files"_s, QJsonArray{}},
                     {u"Documentation"_s, QJsonArray{}},
                     {u"AccountInfo"_s, QJsonObject{{u"UserToken"_s, m_ownerToken},
                                                    {u"FullName"_s, m_ownerName},
                                                    {u"Email"_s, m_ownerEmail}}}};
    record(data, u"create"_s, u"This ticket was created through the API."_s);
    m_written.insert(caseNumber, data);
    m_queue.addNew(caseNumber, title, description, now, priority, u"api"_s);
    return jsonAnswer(201, {{u"Data"_s, QJsonObject{{u"CaseNumber"_s, caseNumber},
                                                    {u"Subject"_s, title},
                                                    {u"Priority"_s, priority},
                                                    {u"ResourceAffected"_s, u"api"_s},
                                                    {u"AssignedTo"_s, assignee},
                                                    {u"CreationDate"_s, now},
                                                    {u"Status"_s, u"Open"_s}}}});
}

HttpResponse DemoWrites::update(const QByteArray &body)
{
    const QJsonObject request = QJsonDocument::fromJson(body).object();
    const QString caseNumber = request.value(u"CaseId").toString();
    if (caseNumber.isEmpty())
        return errorAnswer(400, u"Missing CaseId"_s);
    const bool hasTitle = request.contains(u"Title");
    const bool hasDescription = request.contains(u"Description");
    if (!hasTitle && !hasDescription)
        return errorAnswer(400, u"Nothing to update: send Title or Description"_s);
    std::optional<QJsonObject> data = current(caseNumber);
    if (!data)
        return errorAnswer(404, u"Ticket Not Found"_s);
    if (data->value(u"Status").toBool())
        return errorAnswer(400, u"Cannot update closed ticket"_s);
    const QString title = request.value(u"Title").toString().trimmed();
    if (hasTitle && (title.isEmpty() || title.size() > 200))
        return errorAnswer(400, u"Title must be 1 to 200 characters"_s);
    if (hasTitle)
        data->insert(u"Subject"_s, title);
    if (hasDescription)
        data->insert(u"Description"_s, request.value(u"Description").toString());
    record(*data, u"update"_s);
    m_written.insert(caseNumber, *data);
    m_queue.setText(caseNumber, data->value(u"Subject").toString(), data->value(u"Description").toString());
    QJsonObject ticket;
    for (const QString &key : {u"CaseNumber"_s, u"Subject"_s, u"Description"_s, u"Priority"_s, u"Status"_s})
        ticket.insert(key, data->value(key));
    return jsonAnswer(200, {{u"Ticket"_s, ticket}});
}

QString DemoWrites::newCaseNumber() const
{
    // Seven upper-case letters and digits, as real case numbers look.
    static constexpr char16_t Alphabet[] = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString caseNumber;
    do {
        caseNumber.clear();
        for (int i = 0; i < 7; ++i)
            caseNumber.append(
                QChar(Alphabet[QRandomGenerator::global()->bounded(int(std::size(Alphabet)) - 1)]));
    } while (current(caseNumber));
    return caseNumber;
}

} // namespace CaseLens::Gui
