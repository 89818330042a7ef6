#include "support/connectproxy.h"

#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace CaseLens::Testing {

// One client connection and, once the request is accepted, its upstream.
struct ConnectProxy::Tunnel
{
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray buffer; // the client's bytes until the request head is complete
    bool forwarding = false;
    qint64 relayed = 0; // upstream bytes passed to the client
};

ConnectProxy::ConnectProxy(QObject *parent)
    : QObject(parent)
    , m_listener(new QTcpServer(this))
{
    m_listener->setProxy(QNetworkProxy::NoProxy);
    connect(m_listener, &QTcpServer::newConnection, this, &ConnectProxy::accept);
}

ConnectProxy::~ConnectProxy()
{
    const QList<Tunnel *> tunnels = m_tunnels;
    for (Tunnel *tunnel : tunnels)
        close(tunnel);
}

bool ConnectProxy::listen()
{
    return m_listener->listen(QHostAddress(QHostAddress::LocalHost));
}

quint16 ConnectProxy::port() const
{
    return m_listener->serverPort();
}

QString ConnectProxy::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}

void ConnectProxy::requireCredentials(const QString &user, const QString &password)
{
    m_expectedAuthorization =
        user.isEmpty() ? QByteArray() : "Basic " + (user + u':' + password).toUtf8().toBase64();
}

void ConnectProxy::accept()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        if (m_mode == Mode::Refuse) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *tunnel = new Tunnel;
        tunnel->client = socket;
        m_tunnels.append(tunnel);
        connect(socket, &QTcpSocket::readyRead, this, [this, tunnel] { readRequest(tunnel); });
        connect(socket, &QTcpSocket::disconnected, this, [this, tunnel] { close(tunnel); });
    }
}

void ConnectProxy::readRequest(Tunnel *tunnel)
{
    if (tunnel->forwarding) {
        if (tunnel->upstream)
            tunnel->upstream->write(tunnel->client->readAll());
        return;
    }
    tunnel->buffer += tunnel->client->readAll();
    const qsizetype end = tunnel->buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = tunnel->buffer.left(end + 2); // request line and headers, each ending in CRLF
    QByteArray rest = tunnel->buffer.mid(end + 4);
    tunnel->buffer.clear();
    ++m_requestCount;

    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray authorization;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("proxy-authorization:"))
            authorization = line.mid(line.indexOf(':') + 1).trimmed();
    }
    if (authorization.startsWith("Basic "))
        m_credentialsSeen.append(QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6))));

    if (!m_expectedAuthorization.isEmpty() && !authorization.isEmpty() &&
        authorization != m_expectedAuthorization && m_wrongCredentialsStatus != 407) {
        // As tinyproxy does: a pair that was sent and is wrong gets 401.
        tunnel->client->write("HTTP/1.0 " + QByteArray::number(m_wrongCredentialsStatus) +
                              " Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        tunnel->client->disconnectFromHost();
        return;
    }
    if (!m_expectedAuthorization.isEmpty() && authorization != m_expectedAuthorization) {
        ++m_challengeCount;
        tunnel->client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"CaseLens test proxy\"\r\n"
                              "Content-Length: 0\r\n"
                              "Connection: close\r\nProxy-Connection: close\r\n\r\n");
        tunnel->client->disconnectFromHost();
        return;
    }
    const bool isConnect = requestLine.value(0) == "CONNECT";
    startForwarding(tunnel, requestLine.value(1), isConnect, head, rest);
}

void ConnectProxy::startForwarding(Tunnel *tunnel, const QByteArray &target, bool isConnect,
                                   const QByteArray &head, const QByteArray &rest)
{
    QString host;
    int port = 0;
    QByteArray request; // what goes upstream first (plain http: the request in origin form)
    if (isConnect) {
        const QUrl parsed(QStringLiteral("//") + QString::fromLatin1(target));
        host = parsed.host();
        port = parsed.port();
        request = rest;
    } else {
        const QUrl url(QString::fromLatin1(target));
        host = url.host();
        port = url.port(80);
        QList<QByteArray> lines = head.split('\n');
        QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        requestLine[1] = url.path(QUrl::FullyEncoded).toLatin1() +
                         (url.hasQuery() ? '?' + url.query(QUrl::FullyEncoded).toLatin1() : QByteArray());
        request = requestLine.join(' ') + "\r\n";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray lower = lines.at(i).trimmed().toLower();
            if (lower.isEmpty() || lower.startsWith("proxy-") || lower.startsWith("connection:"))
                continue;
            request += lines.at(i).trimmed() + "\r\n";
        }
        // One request per upstream connection: its end is the answer's end.
        request += "Connection: close\r\n\r\n" + rest;
    }

    tunnel->forwarding = true;
    tunnel->upstream = new QTcpSocket(this);
    tunnel->upstream->setProxy(QNetworkProxy::NoProxy);
    QTcpSocket *upstream = tunnel->upstream;
    connect(upstream, &QTcpSocket::connected, this, [tunnel, isConnect, request] {
        if (isConnect)
            tunnel->client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        if (!request.isEmpty())
            tunnel->upstream->write(request);
    });
    connect(upstream, &QTcpSocket::readyRead, this, [this, tunnel] {
        QByteArray bytes = tunnel->upstream->readAll();
        if (m_mode == Mode::DropMidway) {
            // Part of the answer (a TLS handshake or a status line), then nothing.
            tunnel->client->write(bytes.left(std::max<qsizetype>(1, bytes.size() / 2)));
            tunnel->client->flush();
            close(tunnel);
            return;
        }
        tunnel->relayed += bytes.size();
        tunnel->client->write(bytes);
    });
    connect(upstream, &QTcpSocket::disconnected, this, [this, tunnel] {
        tunnel->client->flush();
        tunnel->client->disconnectFromHost();
    });
    connect(upstream, &QTcpSocket::errorOccurred, this, [this, tunnel](QAbstractSocket::SocketError) {
        if (tunnel->upstream->state() != QAbstractSocket::ConnectedState && tunnel->relayed == 0) {
            tunnel->client->write(
                "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            tunnel->client->disconnectFromHost();
        }
    });
    upstream->connectToHost(host, quint16(port));
}

void ConnectProxy::close(Tunnel *tunnel)
{
    if (!m_tunnels.removeOne(tunnel))
        return;
    tunnel->client->disconnect(this);
    tunnel->client->abort();
    tunnel->client->deleteLater();
    if (tunnel->upstream) {
        tunnel->upstream->disconnect(this);
        tunnel->upstream->abort();
        tunnel->upstream->deleteLater();
    }
    delete tunnel;
}

} // namespace CaseLens::Testing
