#include "loopback/httpserver.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace CaseLens::Loopback {

namespace {

constexpr qsizetype MaxRejectedBytes = 64 * 1024;
// An endless stream sends a chunk, and the next one a moment after Qt has
// handed it to the kernel: a client that stops reading stops the stream.
// The pause is what any network has between packets. Without it, a server
// on the same machine kept the kernel's buffer full, and Qt's HTTP thread
// read on in one loop, never returning to its event loop: an abort or the
// next request waited behind it, and the data reached the client's thread
// in megabytes at a time (tst_secrets failed that way under ASan beside
// another test).
constexpr int StreamPauseMs = 1;

QByteArray pathOf(const HttpRequest &request)
{
    const qsizetype query = request.path.indexOf('?');
    return query < 0 ? request.path : request.path.left(query);
}

} // namespace

struct HttpServer::Connection
{
    bool busy = false;         // a request is being answered; later ones wait in the buffer
    bool closing = false;      // no further request is read
    bool keepAlive = true;     // of the request being answered
    QByteArray buffer;         // received, not yet parsed
    QByteArray path;           // of the request being answered
    bool routed = false;       // ...and whether a route answers it (counted apart)
    QElapsedTimer received;    // since the request being answered was complete
    QByteArray stream;         // repeated while the client reads (endless answers)
    bool streamPaused = false; // the next chunk waits for StreamPauseMs
    QByteArray sentPath;       // of the last Normal response...
    QElapsedTimer sentClock;   // ...since its request was complete...
    qint64 unsentBytes = 0;    // ...and how much of it Qt still holds
};

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{}

HttpServer::~HttpServer()
{
    // The sockets die with the listener (their parent); nothing of theirs
    // may call back into a server being destroyed.
    for (const auto &[socket, connection] : m_connections) {
        socket->disconnect(this);
        socket->abort();
    }
    m_connections.clear();
}

bool HttpServer::listen(const QHostAddress &address)
{
    if (isListening())
        return true;
    delete m_listener;
    if (m_tls) {
        auto *tlsListener = new QSslServer(this);
        tlsListener->setSslConfiguration(*m_tls);
        m_listener = tlsListener;
    } else {
        m_listener = new QTcpServer(this);
    }
    // A loopback listener: a system proxy (all_proxy, ...) must not apply.
    m_listener->setProxy(QNetworkProxy::NoProxy);
    // newConnection counts every accepted connection; a TLS connection
    // becomes pending only once its handshake is done.
    connect(m_listener, &QTcpServer::newConnection, this, [this] { ++m_acceptedConnections; });
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptConnections);
    return m_listener->listen(address, 0);
}

bool HttpServer::isListening() const
{
    return m_listener && m_listener->isListening();
}

quint16 HttpServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QUrl HttpServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_listener ? m_listener->serverAddress().toString() : QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

int HttpServer::maxConcurrentRequests(const QByteArray &path) const
{
    return m_maxInFlightByPath.value(path);
}

void HttpServer::closeAllConnections()
{
    std::vector<QTcpSocket *> sockets;
    for (const auto &[socket, connection] : m_connections)
        sockets.push_back(socket);
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        drop(socket); // if abort() did not report the disconnection
    }
}

HttpServer::Connection *HttpServer::find(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    return it == m_connections.end() ? nullptr : it->second.get();
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        m_connections.emplace(socket, std::make_unique<Connection>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this,
                [this, socket](qint64 bytes) { onBytesWritten(socket, bytes); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        if (socket->bytesAvailable() > 0) // arrived with the TLS handshake
            readFrom(socket);
    }
}

void HttpServer::drop(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->second->busy)
        finishRequest(*it->second);
    m_connections.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
}

void HttpServer::readFrom(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection)
        return;
    if (connection->closing) {
        socket->skip(socket->bytesAvailable()); // refused or answered for good: nothing more is read
        return;
    }
    connection->buffer += socket->readAll();
    serve(socket);
}

void HttpServer::serve(QTcpSocket *socket)
{
    // One request at a time per connection, in order; the connection may
    // go away inside any step (a handler or a listener may close it).
    for (Connection *connection = find(socket); connection && !connection->busy && !connection->closing;
         connection = find(socket)) {
        ParsedRequest parsed = takeRequest(connection->buffer, m_limits);
        switch (parsed.outcome) {
        case ParsedRequest::Outcome::Incomplete:
            return;
        case ParsedRequest::Outcome::Complete:
            begin(socket, parsed.request);
            break;
        case ParsedRequest::Outcome::Malformed:
        case ParsedRequest::Outcome::TooLarge:
        case ParsedRequest::Outcome::Chunked:
            refuse(socket, parsed.outcome);
            return;
        }
    }
}

void HttpServer::refuse(QTcpSocket *socket, ParsedRequest::Outcome outcome)
{
    Connection &connection = *find(socket);
    HttpResponse answer;
    switch (outcome) {
    case ParsedRequest::Outcome::Malformed:
        m_rejectedBytes += connection.buffer.left(MaxRejectedBytes - m_rejectedBytes.size());
        answer = HttpResponse::error(400, QStringLiteral("Bad Request"));
        break;
    case ParsedRequest::Outcome::TooLarge:
        answer = HttpResponse::error(413, QStringLiteral("Request Too Large"));
        break;
    default:
        answer = HttpResponse::error(400, QStringLiteral("Chunked bodies are not supported"));
        break;
    }
    connection.closing = true;
    connection.buffer.clear();
    send(socket, answer.head(answer.body.size(), false, false) + answer.body);
    socket->disconnectFromHost();
}

HttpResponse HttpServer::answerFor(const HttpRequest &request)
{
    if (const auto route = m_routes.constFind(pathOf(request)); route != m_routes.cend())
        return (*route)(request);
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    if (m_handler)
        return m_handler(request);
    return HttpResponse::error(500, QStringLiteral("No response configured in the loopback server"));
}

void HttpServer::begin(QTcpSocket *socket, const HttpRequest &request)
{
    Connection &connection = *find(socket);
    connection.busy = true;
    connection.keepAlive = request.wantsKeepAlive();
    connection.path = pathOf(request);
    connection.received.start();
    connection.routed = m_routes.contains(connection.path);
    if (connection.routed) {
        m_routedRequests.append(request);
    } else {
        ++m_requestCount;
        m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
    }
    int &inFlightToPath = m_inFlightByPath[connection.path];
    int &maxToPath = m_maxInFlightByPath[connection.path];
    maxToPath = std::max(maxToPath, ++inFlightToPath);
    if (m_keepRequests && !connection.routed)
        m_requests.append(request);

    Q_EMIT requestReceived(request);
    const HttpResponse response = answerFor(request);
    if (!find(socket))
        return; // closed by a listener or the handler
    if (response.delayMs > 0) {
        // Only this connection waits; the socket as context drops the
        // answer if the connection goes away first.
        QTimer::singleShot(response.delayMs, socket, [this, socket, response] {
            if (!find(socket))
                return;
            respond(socket, response);
            serve(socket);
        });
        return;
    }
    respond(socket, response);
}

void HttpServer::finishRequest(Connection &connection)
{
    if (!connection.busy)
        return;
    connection.busy = false;
    if (!connection.routed)
        --m_inFlight;
    --m_inFlightByPath[connection.path];
}

qint64 HttpServer::send(QTcpSocket *socket, const QByteArray &bytes)
{
    const qint64 written = socket->write(bytes);
    if (written > 0)
        m_bytesSent += written;
    return written;
}

void HttpServer::respond(QTcpSocket *socket, const HttpResponse &r)
{
    using B = HttpResponse::Behaviour;
    Connection &connection = *find(socket);
    const bool keepAlive =
        connection.keepAlive && r.header("connection").compare("close", Qt::CaseInsensitive) != 0;
    switch (r.behaviour) {
    case B::Normal: {
        const QByteArray bytes = r.head(r.body.size(), false, keepAlive) + r.body;
        connection.sentPath = connection.path;
        connection.sentClock = connection.received;
        connection.unsentBytes += bytes.size();
        send(socket, bytes);
        finishRequest(connection);
        if (!keepAlive) {
            connection.closing = true;
            socket->disconnectFromHost();
        }
        return;
    }
    case B::CloseAfterStatusLine:
        send(socket, "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + HttpResponse::reasonPhrase(r.status) +
                         "\r\n");
        connection.closing = true;
        socket->disconnectFromHost();
        return;
    case B::HangAfterHeaders:
        send(socket, r.head(std::max<qint64>(r.body.size(), 1000), false, keepAlive));
        return;
    case B::ResetMidBody:
        send(socket, r.head(r.body.size(), false, keepAlive) + r.body.left(r.body.size() / 2));
        socket->flush();
        // A moment for the half body to leave, then a reset rather than a FIN.
        QTimer::singleShot(50, socket, [socket] { socket->abort(); });
        return;
    case B::TruncatedBody:
        send(socket, r.head(r.body.size(), false, keepAlive) + r.body.left(r.body.size() / 2));
        connection.closing = true;
        socket->disconnectFromHost();
        return;
    case B::Drip: {
        const QByteArray all = r.head(r.body.size(), false, keepAlive) + r.body;
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket,
                [this, socket, timer, all, position = qsizetype(0)]() mutable {
                    if (!find(socket))
                        return; // the connection is gone (its socket awaits deletion)
                    if (position < all.size()) {
                        send(socket, all.mid(position++, 1));
                        return;
                    }
                    timer->deleteLater();
                    finishRequest(*find(socket));
                    serve(socket);
                });
        timer->start(r.dripIntervalMs);
        return;
    }
    case B::EndlessBody: {
        send(socket, r.head(0, true, keepAlive));
        const QByteArray chunk = r.streamChunk.isEmpty() ? QByteArray(64 * 1024, ' ') : r.streamChunk;
        connection.stream = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        topUpStream(socket);
        return;
    }
    case B::RawThenEndless:
        send(socket, r.rawBytes);
        connection.stream = r.streamChunk;
        topUpStream(socket);
        return;
    case B::NoAnswer:
        return;
    case B::CloseImmediately:
        connection.closing = true;
        socket->disconnectFromHost();
        return;
    case B::Raw:
        send(socket, r.rawBytes);
        connection.closing = true;
        socket->disconnectFromHost();
        return;
    }
}

void HttpServer::topUpStream(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || connection->stream.isEmpty() || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (connection->streamPaused || socket->bytesToWrite() > 0)
        return; // Qt still holds some: bytesWritten comes back here
    connection->streamPaused = true;
    send(socket, connection->stream);
    QTimer::singleShot(StreamPauseMs, socket, [this, socket] {
        if (Connection *c = find(socket)) {
            c->streamPaused = false;
            topUpStream(socket);
        }
    });
}

void HttpServer::onBytesWritten(QTcpSocket *socket, qint64 bytes)
{
    Connection *connection = find(socket);
    if (!connection)
        return;
    if (connection->unsentBytes > 0) {
        connection->unsentBytes -= bytes;
        if (connection->unsentBytes <= 0)
            Q_EMIT responseSent(connection->sentPath, connection->sentClock.nsecsElapsed());
    }
    // An endless answer goes on as fast as the client reads it.
    topUpStream(socket);
}

} // namespace CaseLens::Loopback
