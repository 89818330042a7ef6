#include "app/demoserver.h"

#include "core/casenumber.h"
#include "core/ticketparser.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace CaseLens::Gui {

using Loopback::HttpRequest;
using Loopback::HttpResponse;

namespace {

// The demo plan: 100,000 calls a month, 60 a minute. The month's count
// starts as if the agent had used the API before the demo began, and goes
// up with every request the demo server answers.
constexpr qint64 DemoCallsPerMonth = 100'000;
constexpr qint64 DemoCallsPerMinute = 60;
constexpr qint64 DemoCallsBefore = 1'200;

// The demo's key owner: Dana Whitfield, the support engineer whose token the
// bundled tickets' Statistics and Collaborators carry, so the ticket view
// shows her entries as "You", under the name those tickets give her.
QJsonObject demoProfile()
{
    return {{u"UserToken"_s, u"7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91"_s},
            {u"Nickname"_s, u"dana"_s},
            {u"Email"_s, u"dana.whitfield@sweeppea.com"_s},
            {u"UserType"_s, 2},
            {u"Status"_s, u"Active"_s},
            {u"CreationDate"_s, u"2021-09-06T08:30:00.000Z"_s},
            {u"LastLogin"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {u"ProfileData"_s,
             QJsonObject{{u"FullName"_s, u"Dana Whitfield"_s}, {u"MobilePhone"_s, u"5550142236"_s}}}};
}

QJsonObject demoPlan()
{
    return {{u"PlanName"_s, u"CaseLens demo"_s},
            {u"MaxApiCallsAllowed"_s, DemoCallsPerMonth},
            {u"MaxApiCallsPerMinute"_s, DemoCallsPerMinute}};
}

// The customer of the living ticket (DemoServer::setFollowUps) writes again
// while the replay of her failed webhooks waits; the texts come round in turn.
const std::array<QString, 6> &followUpTexts()
{
    static const std::array<QString, 6> texts{
        u"Any news on the replay? Our marketing team is asking about the missing entries from Feb 10\u201313."_s,
        u"<p>Quick check-in: a few deliveries from this morning returned <b>401</b> again. "
        "Could that be the replay starting?</p>"_s,
        u"We exported our CRM log for Feb 10\u201313 in case it helps to match the failed delivery IDs. "
        "Should I attach it here?"_s,
        u"<p>All of today's deliveries return <b>200</b>. We are only waiting for the old ones now.</p>"_s,
        u"Our auditors need the Feb 10\u201313 entries by Friday. Is there an ETA for the replay?"_s,
        u"<p>Following up again &mdash; is there anything we need to do on our side before the replay "
        "runs?</p>"_s};
    return texts;
}

// Far above the bundled tickets' note ids and those the demo's writes add
// (one more than the largest): a follow-up's id never changes or collides.
constexpr int FollowUpIdBase = 900'000;

// Generous for a JSON body holding a case number; anything bigger is not ours.
constexpr Loopback::RequestLimits Limits{16 * 1024, 64 * 1024};

// The API's error envelope, as the real server labels it.
HttpResponse errorResponse(int status, const QString &message)
{
    HttpResponse response = HttpResponse::error(status, message);
    response.contentType = "application/json; charset=utf-8";
    return response;
}

} // namespace

DemoServer::DemoServer(QObject *parent)
    : DemoServer(defaultDirectory(), parent)
{}

DemoServer::DemoServer(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    // A fresh key per run: the demo server answers only this app instance.
    , m_apiKey(QStringLiteral("demo-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_queue(directory)
    , m_writes(
          m_queue, [this](const QString &caseNumber) { return servedTicket(caseNumber); }, demoProfile())
    , m_clock([] { return std::chrono::steady_clock::now(); })
    , m_started(m_clock())
    , m_startedUtc(QDateTime::currentDateTimeUtc())
{
    m_server.setLimits(Limits);
    m_server.setKeepRequests(false); // it lives as long as the app; it only counts
    m_server.setHandler([this](const HttpRequest &request) { return answer(request); });

    addRoute("POST", "/tickets/fetchSingleTicket",
             [this](const HttpRequest &request) { return fetchSingleTicket(request); });
    addRoute("POST", "/tickets/fetchOpenTickets",
             [this](const HttpRequest &request) { return m_queue.list(request.body, false); });
    addRoute("POST", "/tickets/fetchClosedTickets",
             [this](const HttpRequest &request) { return m_queue.list(request.body, true); });
    addRoute("POST", "/tickets/resolve",
             [this](const HttpRequest &request) { return m_writes.resolve(request.body); });
    addRoute("POST", "/tickets/create",
             [this](const HttpRequest &request) { return m_writes.create(request.body); });
    addRoute("POST", "/tickets/update",
             [this](const HttpRequest &request) { return m_writes.update(request.body); });
    addRoute("POST", "/account/profile", [this](const HttpRequest &) {
        return accountAnswer({{u"Data"_s, demoProfile()}});
    });
    addRoute("POST", "/account/plan", [this](const HttpRequest &) {
        return accountAnswer({{u"Data"_s, demoPlan()}});
    });
    addRoute("POST", "/account/health-check", [this](const HttpRequest &) {
        return accountAnswer({{u"Message"_s, u"API is healthy"_s}});
    });
}

DemoServer::~DemoServer() = default;

bool DemoServer::listen()
{
    return m_server.listen();
}

QUrl DemoServer::url() const
{
    return m_server.url();
}

void DemoServer::setFollowUps(const QString &caseNumber, std::chrono::milliseconds period)
{
    m_followUpCase = caseNumber;
    m_followUpPeriod = std::max(period, std::chrono::milliseconds(1));
}

void DemoServer::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_started = m_clock();
}

void DemoServer::addRoute(const QByteArray &method, const QByteArray &path, Handler handler)
{
    m_routes.insert(path, Route{method, std::move(handler)});
}

QStringList DemoServer::caseNumbers(const QString &directory)
{
    QStringList cases;
    const QStringList files = QDir(directory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const ParsedCaseNumber parsed = CaseNumber::parse(QFileInfo(file).completeBaseName());
        // Only files named exactly as the case they hold can be served.
        if (parsed.ok() && parsed.text() == QFileInfo(file).completeBaseName())
            cases.append(parsed.text());
    }
    cases.sort();
    return cases;
}

QList<DemoCase> DemoServer::catalog(const QString &directory)
{
    QList<DemoCase> result;
    const QStringList cases = caseNumbers(directory);
    for (const QString &caseNumber : cases) {
        QFile file(directory + u'/' + caseNumber + QStringLiteral(".json"));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const TicketResult parsed =
            parseTicketResponse(file.readAll(), 200, QByteArrayLiteral("application/json"), caseNumber);
        DemoCase entry;
        entry.caseNumber = caseNumber;
        if (parsed.ok()) {
            entry.subject = parsed.ticket.subject;
            entry.status = parsed.ticket.status;
            entry.priority = parsed.ticket.priority;
        }
        result.append(entry);
    }
    return result;
}

HttpResponse DemoServer::answer(const HttpRequest &request) const
{
    const auto route = m_routes.constFind(request.path);
    if (route == m_routes.constEnd())
        return errorResponse(404, QStringLiteral("Not Found"));
    if (request.method != route->method)
        return errorResponse(405, QStringLiteral("Method Not Allowed"));
    if (request.header("authorization") != "Bearer " + m_apiKey.toUtf8())
        return errorResponse(401, QStringLiteral("Invalid or Missing Bearer Token"));
    return route->handler(request);
}

HttpResponse DemoServer::fetchSingleTicket(const HttpRequest &request) const
{
    const QString asked = QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString();
    if (asked.isEmpty())
        return errorResponse(400, QStringLiteral("Missing caseNumber"));
    // Validated before it becomes part of a path: only letters and digits.
    const ParsedCaseNumber parsed = CaseNumber::parse(asked);
    if (parsed.ok()) {
        // A ticket the demo's writes changed or made, else as served before.
        std::optional<QByteArray> body = m_writes.ticket(parsed.text());
        if (!body)
            body = servedTicket(parsed.text());
        if (body) {
            HttpResponse response;
            response.contentType = "application/json; charset=utf-8";
            response.body = withFollowUps(parsed.text(), *body);
            return response;
        }
    }
    return errorResponse(404, QStringLiteral("Ticket Not Found or Access Denied"));
}

std::optional<QByteArray> DemoServer::servedTicket(const QString &caseNumber) const
{
    // Only a valid case number becomes part of a path: letters and digits.
    const ParsedCaseNumber parsed = CaseNumber::parse(caseNumber);
    if (!parsed.ok() || parsed.text() != caseNumber)
        return std::nullopt;
    // A bundled ticket, else one of the queue's generated tickets.
    QFile file(m_directory + u'/' + caseNumber + QStringLiteral(".json"));
    if (file.open(QIODevice::ReadOnly))
        return file.readAll();
    return m_queue.generatedTicket(caseNumber);
}

QByteArray DemoServer::withFollowUps(const QString &caseNumber, const QByteArray &body) const
{
    if (caseNumber != m_followUpCase)
        return body;
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock() - m_started);
    const auto count = int(std::min<qint64>(MaxFollowUps, elapsed / m_followUpPeriod));
    if (count <= 0)
        return body;
    QJsonObject answer = QJsonDocument::fromJson(body).object();
    QJsonObject data = answer.value(u"Data").toObject();
    QJsonArray notes = data.value(u"Notes").toArray();
    for (int i = 0; i < count; ++i) {
        const QDateTime written = m_startedUtc.addMSecs(qint64(i + 1) * m_followUpPeriod.count());
        notes.append(QJsonObject{{u"Id"_s, FollowUpIdBase + i + 1},
                                 {u"Date"_s, written.toString(Qt::ISODateWithMs)},
                                 {u"Note"_s, followUpTexts().at(std::size_t(i) % followUpTexts().size())}});
    }
    // Oldest first, as the API sends them: a note the agent added through the
    // demo's writes (dated when written) falls between the follow-ups.
    QList<QJsonValue> sorted;
    for (const QJsonValue &note : std::as_const(notes))
        sorted.append(note);
    std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a.toObject().value(u"Date").toString() < b.toObject().value(u"Date").toString();
    });
    notes = QJsonArray();
    for (const QJsonValue &note : std::as_const(sorted))
        notes.append(note);
    data.insert(u"Notes"_s, notes);
    answer.insert(u"Data"_s, data);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

HttpResponse DemoServer::accountAnswer(QJsonObject fields) const
{
    fields.insert(u"Response"_s, true);
    // This server's requests so far, this one included, count as the month's calls.
    fields.insert(u"Telemetry"_s, QJsonObject{{u"DataConsumed"_s, double(m_server.bytesSent())},
                                              {u"APICalls"_s, DemoCallsBefore + m_server.requestCount()},
                                              {u"MaxAPICalls"_s, DemoCallsPerMonth}});
    HttpResponse response = HttpResponse::json(200, fields);
    response.contentType = "application/json; charset=utf-8";
    return response;
}

} // namespace CaseLens::Gui
