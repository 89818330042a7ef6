#pragma once

// A minimal HTTP/1.1 server on 127.0.0.1 for the benchmarks, running on its
// own thread so its work never lands on the GUI thread being measured. It
// answers every POST with a prepared body chosen by the request's case
// number, and records its own time per answer: from the complete request to
// the last response byte handed to the kernel ("server time").

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QStringBuilder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>

namespace CaseLens::Bench {

class LoopbackServer final
{
public:
    // bodies: case number -> complete response body
    explicit LoopbackServer(QHash<QByteArray, QByteArray> bodies)
        : m_bodies(std::move(bodies))
    {
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_dummy, [this] { setUp(); }, Qt::BlockingQueuedConnection);
    }
    ~LoopbackServer()
    {
        QMetaObject::invokeMethod(
            &m_dummy, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    LoopbackServer(const LoopbackServer &) = delete;
    LoopbackServer &operator=(const LoopbackServer &) = delete;

    [[nodiscard]] quint16 port() const { return m_port; }
    // Server time of the last answer, in nanoseconds.
    [[nodiscard]] qint64 lastServerNs() const { return m_lastServerNs.load(); }

private:
    void setUp()
    {
        m_server = std::make_unique<QTcpServer>();
        m_server->listen(QHostAddress::LocalHost, 0);
        m_port = m_server->serverPort();
        QObject::connect(m_server.get(), &QTcpServer::newConnection, m_server.get(), [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        });
    }

    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        auto timer = std::make_shared<QElapsedTimer>();
        auto pending = std::make_shared<qint64>(0);
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket, timer, pending](qint64 n) {
            *pending -= n;
            if (*pending <= 0 && timer->isValid()) {
                m_lastServerNs.store(timer->nsecsElapsed());
                timer->invalidate();
            }
            (void)socket;
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, timer, pending] {
            *buffer += socket->readAll();
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            const QByteArray head = buffer->left(headEnd).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            if (cl >= 0)
                length = head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            timer->start();
            const QByteArray request = buffer->mid(headEnd + 4, length);
            buffer->remove(0, headEnd + 4 + length);
            QByteArray body = R"({"Response":false,"Code":404,"Message":"Not found"})";
            int status = 404;
            for (auto it = m_bodies.cbegin(); it != m_bodies.cend(); ++it) {
                if (request.contains(QByteArray(QByteArray(1, '"') + it.key() + '"'))) {
                    body = it.value();
                    status = 200;
                }
            }
            QByteArray response("HTTP/1.1 ");
            response +=
                QByteArray::number(status) + (status == 200 ? " OK" : " Not Found") +
                "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                "\r\nConnection: keep-alive\r\n\r\n";
            response += body;
            *pending = response.size();
            socket->write(response);
        });
    }

    QHash<QByteArray, QByteArray> m_bodies;
    QThread m_thread;
    struct ThreadObject : QObject
    {
        explicit ThreadObject(QThread *t) { moveToThread(t); }
    } m_dummy{&m_thread};
    std::unique_ptr<QTcpServer> m_server;
    quint16 m_port = 0;
    std::atomic<qint64> m_lastServerNs{0};
};

} // namespace CaseLens::Bench
