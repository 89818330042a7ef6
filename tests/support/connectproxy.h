#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace CaseLens::Testing {

// An HTTP proxy on 127.0.0.1 for tests, as corporate proxies behave: it
// tunnels CONNECT host:port (https) and forwards requests with an absolute
// URI (plain http: "POST http://127.0.0.1:8080/path HTTP/1.1"), one request
// per proxy connection. It can misbehave on purpose (Mode) and demand Basic
// authentication (407 with Proxy-Authenticate until Proxy-Authorization
// carries the expected pair). It counts the requests it saw and remembers
// every pair of credentials it was sent.
class ConnectProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectProxy)

public:
    enum class Mode {
        Forward,    // pass everything on
        Refuse,     // close each connection as soon as it is accepted
        DropMidway, // forward the request, then close before the answer is complete
    };

    explicit ConnectProxy(QObject *parent = nullptr);
    ~ConnectProxy() override;

    bool listen(); // 127.0.0.1, a free port
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString hostPort() const; // "127.0.0.1:PORT"

    void setMode(Mode mode) { m_mode = mode; }
    // Demand "Proxy-Authorization: Basic base64(user:password)"; an empty
    // user turns the demand off.
    void requireCredentials(const QString &user, const QString &password);
    // The answer to a wrong pair: 407 again (default), or another status as
    // some proxies send (tinyproxy: 401).
    void setWrongCredentialsStatus(int status) { m_wrongCredentialsStatus = status; }

    // Requests (CONNECT or forwarded) the proxy read, including refused ones.
    [[nodiscard]] int requestCount() const { return m_requestCount; }
    // Requests answered 407.
    [[nodiscard]] int challengeCount() const { return m_challengeCount; }
    // "user:password" of every Proxy-Authorization it received, in order.
    [[nodiscard]] const QList<QString> &credentialsSeen() const { return m_credentialsSeen; }

private:
    struct Tunnel;
    void accept();
    void readRequest(Tunnel *tunnel);
    void startForwarding(Tunnel *tunnel, const QByteArray &target, bool isConnect, const QByteArray &head,
                         const QByteArray &rest);
    void close(Tunnel *tunnel);

    QTcpServer *m_listener;
    Mode m_mode = Mode::Forward;
    int m_wrongCredentialsStatus = 407;
    QByteArray m_expectedAuthorization; // "Basic ..."; empty: none needed
    int m_requestCount = 0;
    int m_challengeCount = 0;
    QList<QString> m_credentialsSeen;
    QList<Tunnel *> m_tunnels;
};

} // namespace CaseLens::Testing
