#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace CaseLens::Testing {

// A request as the fake server saw it on the wire.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// What the fake server answers, including ways to misbehave on purpose.
struct FakeResponse
{
    enum class Behaviour {
        Normal,               // status line, headers, body
        CloseAfterStatusLine, // sends the status line, then closes
        HangAfterHeaders,     // sends headers (with a Content-Length), then nothing, keeps the socket open
        ResetMidBody,         // sends headers and half the body, then aborts the connection (RST)
        TruncatedBody,        // Content-Length says more than is sent, then closes cleanly
        Drip,                 // sends the response one byte per dripInterval
        EndlessBody,          // chunked body that never ends (until the client goes away)
        NoAnswer,             // reads the request and never answers
        CloseImmediately,     // closes the connection without answering
        Raw,                  // writes rawBytes verbatim, then closes
    };

    int status = 200;
    QByteArray reason;                            // default from status
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers
    QByteArray contentType = "application/json";
    QByteArray body;
    Behaviour behaviour = Behaviour::Normal;
    int delayMs = 0; // before answering
    int dripIntervalMs = 1000;
    QByteArray rawBytes;

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }

    static FakeResponse json(int status, const QJsonObject &object);
    static FakeResponse ticket(const QJsonObject &data);           // {"Response":true,"Data":data}
    static FakeResponse error(int status, const QString &message); // the contract's error envelope
    static FakeResponse redirect(int status, const QUrl &location);
};

// A small HTTP/1.1 server on 127.0.0.1 that tests start. It records every
// request, answers from a queue (then a fallback handler, then a default),
// and measures whether requests ever overlapped.
class FakeServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const RecordedRequest &)>;

    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    bool listen();                  // random port on 127.0.0.1
    [[nodiscard]] QUrl url() const; // http://127.0.0.1:PORT
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

    void enqueue(const FakeResponse &response) { m_queue.append(response); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // Serves tickets by case number from the body; unknown cases get the
    // contract's 404 envelope.
    void serveTickets(const QHash<QString, QJsonObject> &ticketsByCase);

    [[nodiscard]] const QList<RecordedRequest> &requests() const { return m_requests; }
    [[nodiscard]] int requestCount() const { return int(m_requests.size()); }
    [[nodiscard]] int maxConcurrentRequests() const { return m_maxInFlight; }
    [[nodiscard]] int openConnections() const { return int(m_sockets.size()); }

    void closeAllConnections();

Q_SIGNALS:
    void requestReceived(const CaseLens::Testing::RecordedRequest &request);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const RecordedRequest &request);
    void respond(QTcpSocket *socket, const FakeResponse &response);
    void requestDone(QTcpSocket *socket);

    QTcpServer m_server;
    QList<FakeResponse> m_queue;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_busy; // socket has a request being answered
    QList<QTcpSocket *> m_sockets;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

} // namespace CaseLens::Testing
