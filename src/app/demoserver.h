#pragma once

#include "core/ticket.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <chrono>

class QTcpSocket;

namespace CaseLens::Gui {

// One bundled demo ticket, for the welcome screen's list.
struct DemoCase
{
    QString caseNumber;
    QString subject;
    TicketStatus status = TicketStatus::Unknown;
    Priority priority = Priority::Unknown;
};

// A tiny HTTP/1.1 server on 127.0.0.1 that answers
// POST /tickets/fetchSingleTicket from bundled API responses (<CASE>.json in
// a directory, by default the :/demo resources). Demo mode points the app's
// real ApiClient here, so the real client and parser run against it.
// It speaks just enough HTTP: keep-alive, Content-Length bodies, the API's
// error envelopes (401 without the demo key, 404 for unknown cases).
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    static QString defaultDirectory() { return QStringLiteral(":/demo"); }

    explicit DemoServer(QObject *parent = nullptr);
    explicit DemoServer(const QString &directory, QObject *parent = nullptr);
    ~DemoServer() override;

    bool listen();                  // 127.0.0.1, a free port
    [[nodiscard]] QUrl url() const; // http://127.0.0.1:PORT
    [[nodiscard]] QString apiKey() const { return m_apiKey; }
    [[nodiscard]] QString directory() const { return m_directory; }

    // Simulated server latency, to make the loading state visible.
    void setResponseDelay(std::chrono::milliseconds delay) { m_delay = delay; }
    [[nodiscard]] int requestCount() const { return m_requestCount; }

    // The case numbers the directory holds, sorted.
    [[nodiscard]] static QStringList caseNumbers(const QString &directory = defaultDirectory());
    // The same, with subject, status and priority (read by the core parser).
    [[nodiscard]] static QList<DemoCase> catalog(const QString &directory = defaultDirectory());

private:
    struct Request;
    struct Response
    {
        int status = 200;
        QByteArray body;
    };

    void onNewConnection();
    void processBuffer(QTcpSocket *socket);
    [[nodiscard]] Response answer(const Request &request) const;
    void send(QTcpSocket *socket, const Response &response, bool keepAlive);

    QTcpServer m_server;
    QString m_directory;
    QString m_apiKey;
    std::chrono::milliseconds m_delay{0};
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_busy; // a delayed answer is pending
    int m_requestCount = 0;
};

} // namespace CaseLens::Gui
