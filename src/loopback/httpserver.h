#pragma once

#include "loopback/httpmessage.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;

namespace CaseLens::Loopback {

// A small HTTP/1.1 server on a loopback address (127.0.0.1 or ::1), or
// HTTPS with setTlsConfiguration(). It reads requests (keep-alive, several
// per connection, answered in order; Content-Length bodies), answers each
// from a queue, then a handler, and can misbehave on purpose (see
// HttpResponse::Behaviour). It records what it saw: the requests, how many
// were in flight at once, per path too.
//
// It is an ordinary QObject: it works on the thread it lives on, and
// everything about it is read on that thread. HttpServerThread runs one on
// a thread of its own.
class HttpServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    // Before listen(): serve HTTPS with this certificate and key.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    // Bigger requests are answered 413 and their connection closed.
    void setLimits(const RequestLimits &limits) { m_limits = limits; }
    // requests() keeps every request (the default). A server that lives as
    // long as the app does (demo mode) turns it off; the counters remain.
    void setKeepRequests(bool keep) { m_keepRequests = keep; }

    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost)); // on a free port
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QUrl url() const; // http://127.0.0.1:PORT (https with TLS, [::1] on IPv6)

    // Each request is answered by the first queued response, or else by the
    // handler, or else by a 500 that says nothing was configured.
    void enqueue(const HttpResponse &response) { m_queue.append(response); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Requests to path (the target without its query) are answered by handler
    // before the queue, and recorded apart: in routedRequests(), not in
    // requests(), requestCount() or the overall maxConcurrentRequests(). For
    // endpoints a window asks on its own (its queue, its account) while a
    // test counts the requests the agent made.
    void route(const QByteArray &path, Handler handler) { m_routes.insert(path, std::move(handler)); }
    [[nodiscard]] const QList<HttpRequest> &routedRequests() const { return m_routedRequests; }

    [[nodiscard]] const QList<HttpRequest> &requests() const { return m_requests; }
    [[nodiscard]] int requestCount() const { return m_requestCount; }
    // The most requests that were in flight at once (received, and not yet
    // answered in full nor ended by a closed connection); overall, or to one
    // path (the request target without its query).
    [[nodiscard]] int maxConcurrentRequests() const { return m_maxInFlight; }
    [[nodiscard]] int maxConcurrentRequests(const QByteArray &path) const;
    [[nodiscard]] int openConnections() const { return int(m_connections.size()); }
    // Every connection accepted, including those whose TLS handshake failed.
    [[nodiscard]] int acceptedConnections() const { return m_acceptedConnections; }
    [[nodiscard]] qint64 bytesSent() const { return m_bytesSent; }
    // What clients sent that was not an HTTP request (a TLS hello on plain
    // HTTP, say), kept for tests that check what arrived. At most 64 KiB.
    [[nodiscard]] const QByteArray &rejectedBytes() const { return m_rejectedBytes; }

    void closeAllConnections();

Q_SIGNALS:
    void requestReceived(const CaseLens::Loopback::HttpRequest &request);
    // A Normal response's last byte went to the operating system, this many
    // nanoseconds after its request was complete ("server time").
    void responseSent(const QByteArray &path, qint64 nanoseconds);

private:
    struct Connection;

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void serve(QTcpSocket *socket);
    void begin(QTcpSocket *socket, const HttpRequest &request);
    void respond(QTcpSocket *socket, const HttpResponse &response);
    void refuse(QTcpSocket *socket, ParsedRequest::Outcome outcome);
    void finishRequest(Connection &connection);
    void topUpStream(QTcpSocket *socket);
    void onBytesWritten(QTcpSocket *socket, qint64 bytes);
    void drop(QTcpSocket *socket);
    qint64 send(QTcpSocket *socket, const QByteArray &bytes);
    [[nodiscard]] Connection *find(QTcpSocket *socket);
    [[nodiscard]] HttpResponse answerFor(const HttpRequest &request);

    QTcpServer *m_listener = nullptr;
    std::optional<QSslConfiguration> m_tls;
    RequestLimits m_limits;
    bool m_keepRequests = true;
    QList<HttpResponse> m_queue;
    Handler m_handler;
    QHash<QByteArray, Handler> m_routes;
    QList<HttpRequest> m_routedRequests;
    QList<HttpRequest> m_requests;
    std::unordered_map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
    QHash<QByteArray, int> m_inFlightByPath;
    QHash<QByteArray, int> m_maxInFlightByPath;
    int m_requestCount = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_acceptedConnections = 0;
    qint64 m_bytesSent = 0;
    QByteArray m_rejectedBytes;
};

} // namespace CaseLens::Loopback
