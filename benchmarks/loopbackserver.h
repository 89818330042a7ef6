#pragma once

// The benchmarks' stand-in for the API: the shared loopback server
// (src/loopback) on a thread of its own, so that its work never lands on
// the GUI thread being measured. It answers every POST with a prepared body
// chosen by the request's case number (fetchOpenTickets: by its page), and
// records its own time per
// answer: from the complete request to the last response byte handed to
// the kernel ("server time").

#include "loopback/httpserver.h"
#include "loopback/httpserverthread.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <atomic>

namespace CaseLens::Bench {

class LoopbackServer final
{
    Q_DISABLE_COPY_MOVE(LoopbackServer)

public:
    // bodies: case number -> complete response body; listPages: the
    // complete answers of fetchOpenTickets pages 1, 2, ... (other pages: 400)
    explicit LoopbackServer(QHash<QByteArray, QByteArray> bodies, QList<QByteArray> listPages = {})
        : m_bodies(std::move(bodies))
        , m_listPages(std::move(listPages))
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
        const QJsonObject asked = QJsonDocument::fromJson(request.body).object();
        Loopback::HttpResponse response;
        if (request.path.endsWith("/tickets/fetchOpenTickets")) {
            const qsizetype page = asked.value(u"page").toInt(1);
            if (page < 1 || page > m_listPages.size())
                return Loopback::HttpResponse::error(400, QStringLiteral("No such page"));
            response.body = m_listPages.at(page - 1);
            return response;
        }
        const auto it = m_bodies.constFind(asked.value(u"caseNumber").toString().toUtf8());
        if (it == m_bodies.constEnd())
            return Loopback::HttpResponse::error(404, QStringLiteral("Not found"));
        response.body = *it;
        return response;
    }

    // Declared before m_thread: the thread stops (m_thread is destroyed)
    // before anything it reads goes away.
    const QHash<QByteArray, QByteArray> m_bodies;
    const QList<QByteArray> m_listPages;
    std::atomic<qint64> m_lastServerNs{0};
    Loopback::HttpServerThread m_thread;
};

} // namespace CaseLens::Bench
