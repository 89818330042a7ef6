#include "support/fakeserver.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace CaseLens::Testing {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray headBytes(const FakeResponse &r, qint64 contentLength, bool chunked)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' +
                      (r.reason.isEmpty() ? reasonPhrase(r.status) : r.reason) + "\r\n";
    if (!r.contentType.isEmpty())
        head += "Content-Type: " + r.contentType + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto &[name, value] : r.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    return head;
}

} // namespace

FakeResponse FakeResponse::json(int status, const QJsonObject &object)
{
    FakeResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

FakeResponse FakeResponse::ticket(const QJsonObject &data)
{
    return json(200, QJsonObject{{QStringLiteral("Response"), true}, {QStringLiteral("Data"), data}});
}

FakeResponse FakeResponse::error(int status, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("Response"), false},
                                    {QStringLiteral("Message"), message},
                                    {QStringLiteral("Code"), status}});
}

FakeResponse FakeResponse::redirect(int status, const QUrl &location)
{
    FakeResponse r;
    r.status = status;
    r.contentType.clear();
    r.headers.append({"Location", location.toEncoded()});
    return r;
}

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
}

FakeServer::~FakeServer()
{
    closeAllConnections();
}

bool FakeServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_server.serverPort());
    return u;
}

void FakeServer::serveTickets(const QHash<QString, QJsonObject> &ticketsByCase)
{
    setHandler([ticketsByCase](const RecordedRequest &request) {
        const QString caseNumber =
            QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString();
        const auto it = ticketsByCase.constFind(caseNumber);
        if (it == ticketsByCase.constEnd())
            return FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied"));
        return FakeResponse::ticket(*it);
    });
}

void FakeServer::closeAllConnections()
{
    const auto sockets = m_sockets;
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

void FakeServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_busy.value(socket))
                --m_inFlight;
            m_busy.remove(socket);
            m_buffers.remove(socket);
            m_sockets.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void FakeServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (m_busy.value(socket))
        return; // the next request is handled when this one is answered
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    RecordedRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);

    m_busy[socket] = true;
    m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    handle(socket, request);
}

void FakeServer::handle(QTcpSocket *socket, const RecordedRequest &request)
{
    FakeResponse response;
    if (!m_queue.isEmpty())
        response = m_queue.takeFirst();
    else if (m_handler)
        response = m_handler(request);
    else
        response = FakeResponse::error(500, QStringLiteral("No response configured in the fake server"));

    if (response.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response] {
            if (guard)
                respond(guard, response);
        });
    } else {
        respond(socket, response);
    }
}

void FakeServer::requestDone(QTcpSocket *socket)
{
    if (m_busy.value(socket)) {
        m_busy[socket] = false;
        --m_inFlight;
    }
    if (!m_buffers.value(socket).isEmpty())
        QTimer::singleShot(0, this, [this, guard = QPointer<QTcpSocket>(socket)] {
            if (guard)
                onReadyRead(guard);
        });
}

void FakeServer::respond(QTcpSocket *socket, const FakeResponse &r)
{
    using B = FakeResponse::Behaviour;
    QPointer<QTcpSocket> guard(socket);
    switch (r.behaviour) {
    case B::Normal:
        socket->write(headBytes(r, r.body.size(), false) + r.body);
        requestDone(socket);
        return;
    case B::CloseAfterStatusLine:
        socket->write("HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n");
        socket->disconnectFromHost();
        return;
    case B::HangAfterHeaders:
        socket->write(headBytes(r, std::max<qint64>(r.body.size(), 1000), false));
        return;
    case B::ResetMidBody:
        socket->write(headBytes(r, r.body.size(), false) + r.body.left(r.body.size() / 2));
        socket->flush();
        QTimer::singleShot(50, this, [guard] {
            if (guard)
                guard->abort();
        });
        return;
    case B::TruncatedBody:
        socket->write(headBytes(r, r.body.size(), false) + r.body.left(r.body.size() / 2));
        socket->disconnectFromHost();
        return;
    case B::Drip: {
        const QByteArray all = headBytes(r, r.body.size(), false) + r.body;
        auto *timer = new QTimer(socket);
        auto position = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, all, position] {
            if (*position >= all.size()) {
                timer->stop();
                requestDone(socket);
                return;
            }
            socket->write(all.mid((*position)++, 1));
        });
        timer->start(r.dripIntervalMs);
        return;
    }
    case B::EndlessBody: {
        socket->write(headBytes(r, 0, true));
        const QByteArray chunk =
            QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, ' ') + "\r\n";
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [socket, chunk] {
            if (socket->bytesToWrite() < 4 * chunk.size())
                socket->write(chunk);
        });
        timer->start(1);
        return;
    }
    case B::NoAnswer:
        return;
    case B::CloseImmediately:
        socket->disconnectFromHost();
        return;
    case B::Raw:
        socket->write(r.rawBytes);
        socket->disconnectFromHost();
        return;
    }
}

} // namespace CaseLens::Testing
