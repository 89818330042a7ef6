#include "app/demoserver.h"

#include "core/casenumber.h"
#include "core/ticketparser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace CaseLens::Gui {

using Loopback::HttpRequest;
using Loopback::HttpResponse;

namespace {

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
        QFile file(m_directory + u'/' + parsed.text() + QStringLiteral(".json"));
        // A bundled ticket, else one of the queue's generated tickets.
        std::optional<QByteArray> body;
        if (file.open(QIODevice::ReadOnly))
            body = file.readAll();
        else
            body = m_queue.generatedTicket(parsed.text());
        if (body) {
            HttpResponse response;
            response.contentType = "application/json; charset=utf-8";
            response.body = *body;
            return response;
        }
    }
    return errorResponse(404, QStringLiteral("Ticket Not Found or Access Denied"));
}

} // namespace CaseLens::Gui
