#include "app/demoserver.h"

#include "core/casenumber.h"
#include "core/ticketparser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace CaseLens::Gui {

namespace {

// Generous for a JSON body holding a case number; anything bigger is not ours.
constexpr qsizetype MaxHeaderBytes = 16 * 1024;
constexpr qsizetype MaxBodyBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    default:
        return "Error";
    }
}

// The contract's error envelope.
QByteArray errorBody(int status, const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("Response"), false},
                                     {QStringLiteral("Message"), message},
                                     {QStringLiteral("Code"), status}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

struct DemoServer::Request
{
    QByteArray method;
    QByteArray path;
    QByteArray version;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

DemoServer::DemoServer(QObject *parent)
    : DemoServer(defaultDirectory(), parent)
{}

DemoServer::DemoServer(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    // A fresh key per run: the demo server answers only this app instance.
    , m_apiKey(QStringLiteral("demo-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // A loopback listener: a system proxy (all_proxy, ...) must not apply.
    m_server.setProxy(QNetworkProxy::NoProxy);
    connect(&m_server, &QTcpServer::newConnection, this, &DemoServer::onNewConnection);
}

DemoServer::~DemoServer()
{
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool DemoServer::listen()
{
    return m_server.isListening() || m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl DemoServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
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

void DemoServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_buffers[socket] += socket->readAll();
            processBuffer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_busy.remove(socket);
            socket->deleteLater();
        });
    }
}

void DemoServer::processBuffer(QTcpSocket *socket)
{
    // One request at a time per connection, in order (keep-alive, pipelining).
    while (!m_busy.value(socket)) {
        QByteArray &buffer = m_buffers[socket];
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > MaxHeaderBytes)
                send(socket, {413, errorBody(413, QStringLiteral("Request Too Large"))}, false);
            return;
        }
        Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        request.version = requestLine.value(2);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        if (request.headers.contains("transfer-encoding")) {
            send(socket, {400, errorBody(400, QStringLiteral("Chunked bodies are not supported"))}, false);
            return;
        }
        bool lengthOk = true;
        const QByteArray lengthText = request.headers.value("content-length", "0");
        const qsizetype length = lengthText.toLongLong(&lengthOk);
        if (!lengthOk || length < 0 || length > MaxBodyBytes) {
            send(socket, {413, errorBody(413, QStringLiteral("Request Too Large"))}, false);
            return;
        }
        if (buffer.size() < headerEnd + 4 + length)
            return; // wait for the rest of the body
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        ++m_requestCount;

        const QByteArray connection = request.headers.value("connection").toLower();
        const bool keepAlive =
            request.version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive";
        const Response response = answer(request);
        if (m_delay.count() <= 0) {
            send(socket, response, keepAlive);
            if (!keepAlive)
                return;
            continue;
        }
        m_busy.insert(socket, true);
        QTimer::singleShot(m_delay, this, [this, guard = QPointer<QTcpSocket>(socket), response, keepAlive] {
            if (!guard)
                return;
            m_busy.insert(guard, false);
            send(guard, response, keepAlive);
            if (keepAlive)
                processBuffer(guard);
        });
        return;
    }
}

DemoServer::Response DemoServer::answer(const Request &request) const
{
    if (request.path != "/tickets/fetchSingleTicket")
        return {404, errorBody(404, QStringLiteral("Not Found"))};
    if (request.method != "POST")
        return {405, errorBody(405, QStringLiteral("Method Not Allowed"))};
    if (request.headers.value("authorization") != "Bearer " + m_apiKey.toUtf8())
        return {401, errorBody(401, QStringLiteral("Invalid or Missing Bearer Token"))};

    const QString asked = QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString();
    if (asked.isEmpty())
        return {400, errorBody(400, QStringLiteral("Missing caseNumber"))};
    // Validated before it becomes part of a path: only letters and digits.
    const ParsedCaseNumber parsed = CaseNumber::parse(asked);
    if (parsed.ok()) {
        QFile file(m_directory + u'/' + parsed.text() + QStringLiteral(".json"));
        if (file.open(QIODevice::ReadOnly))
            return {200, file.readAll()};
    }
    return {404, errorBody(404, QStringLiteral("Ticket Not Found or Access Denied"))};
}

void DemoServer::send(QTcpSocket *socket, const Response &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) +
                      "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                      QByteArray::number(response.body.size()) +
                      "\r\nConnection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
    socket->write(head + response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

} // namespace CaseLens::Gui
