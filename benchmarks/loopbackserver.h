#pragma once

// The benchmarks' stand-in for the API: the shared loopback server
// (src/loopback) on a thread of its own, so that its work never lands on
// the GUI thread being measured. It answers every POST with a prepared body
// chosen by the request's case number, and records its own time per
// answer: from the complete request to the last response byte handed to
// the kernel ("server time").

#include "loopback/httpserver.h"
#include "loopback/httpserverthread.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>

namespace CaseLens::Bench {

class LoopbackServer final
{
    Q_DISABLE_COPY_MOVE(LoopbackServer)

public:
    // bodies: case number -> complete response body
    explicit LoopbackServer(QHash<QByteArray, QByteArray> bodies)
        : m_bodies(std::move(bodies))
        , m_thread([this](Loopback::HttpServer &server) {
            server.setKeepRequests(false);
            server.setHandler([this](const Loopback::HttpRequest &request) { return answer(request); });
            // Direct: the time is taken on the server's thread, and read
            // from the GUI thread through the atomic.
            QObject::connect(
                &server, &Loopback::HttpServer::responseSent, &server,
                [this](const QByteArray &, qint64 nanoseconds) { m_lastServerNs.store(nanoseconds); },
                Qt::DirectConnection);
        })
    {}
    ~LoopbackServer() = default;

    [[nodiscard]] quint16 port() const { return m_thread.port(); }
    // Server time of the last answer, in nanoseconds.
    [[nodiscard]] qint64 lastServerNs() const { return m_lastServerNs.load(); }

private:
    // On the server's thread; m_bodies is never written after construction.
    [[nodiscard]] Loopback::HttpResponse answer(const Loopback::HttpRequest &request) const
    {
        const QByteArray caseNumber =
            QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString().toUtf8();
        const auto it = m_bodies.constFind(caseNumber);
        if (it == m_bodies.constEnd())
            return Loopback::HttpResponse::error(404, QStringLiteral("Not found"));
        Loopback::HttpResponse response;
        response.body = *it;
        return response;
    }

    // Declared before m_thread: the thread stops (m_thread is destroyed)
    // before anything it reads goes away.
    const QHash<QByteArray, QByteArray> m_bodies;
    std::atomic<qint64> m_lastServerNs{0};
    Loopback::HttpServerThread m_thread;
};

} // namespace CaseLens::Bench
