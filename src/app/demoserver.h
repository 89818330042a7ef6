#pragma once

#include "app/demoqueue.h"
#include "app/demowrites.h"
#include "core/ticket.h"
#include "loopback/httpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace CaseLens::Gui {

// One bundled demo ticket, for the welcome screen's list.
struct DemoCase
{
    QString caseNumber;
    QString subject;
    TicketStatus status = TicketStatus::Unknown;
    Priority priority = Priority::Unknown;
};

// A stand-in for the Sweeppea API on 127.0.0.1, over the shared loopback
// server (src/loopback): it answers POST /tickets/fetchSingleTicket from
// bundled API responses (<CASE>.json in a directory, by default the :/demo
// resources), the ticket lists (POST /tickets/fetchOpenTickets and
// fetchClosedTickets, DemoQueue: those tickets and generated ones, whose
// single tickets it serves too), and the account (POST /account/profile,
// /account/plan, /account/health-check: a demo owner whose token the bundled
// tickets carry, a plan, and Telemetry counting this server's requests), and the writes
// (POST /tickets/resolve, /tickets/create, /tickets/update: DemoWrites, in memory). Demo mode points the
// app's real ApiClient here, so the real client and parser run against it. The API's rules as far as the demo
// needs them: 401 without the demo key, the contract's error envelopes. Endpoints are routes (method, path ->
// handler): a new endpoint is one handler and one addRoute() line in the constructor.
// One ticket lives (issue 14, so that watching can be seen without a key): its customer writes a
// follow-up note about every minute, up to MaxFollowUps, each with a new note id and date.
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
    [[nodiscard]] int requestCount() const { return m_server.requestCount(); }

    // The living ticket: an open bundled one whose customer is waiting for an answer.
    static constexpr auto DefaultFollowUpCase = "ABC1234";
    static constexpr std::chrono::seconds DefaultFollowUpPeriod{60};
    // Memory stays flat however long the demo runs: the notes are made on
    // each fetch from the time since start, never more than this many.
    static constexpr int MaxFollowUps = 50;
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    // Which ticket gains a note every `period` (an empty case: none).
    void setFollowUps(const QString &caseNumber, std::chrono::milliseconds period);
    [[nodiscard]] QString followUpCase() const { return m_followUpCase; }
    // Tests: an injected clock; the follow-ups count from the moment it is set.
    void setClock(Clock clock);

    // The case numbers the directory holds, sorted.
    [[nodiscard]] static QStringList caseNumbers(const QString &directory = defaultDirectory());
    // The same, with subject, status and priority (read by the core parser).
    [[nodiscard]] static QList<DemoCase> catalog(const QString &directory = defaultDirectory());

private:
    using Handler = std::function<Loopback::HttpResponse(const Loopback::HttpRequest &)>;
    struct Route
    {
        QByteArray method;
        Handler handler;
    };

    void addRoute(const QByteArray &method, const QByteArray &path, Handler handler);
    [[nodiscard]] Loopback::HttpResponse answer(const Loopback::HttpRequest &request) const;
    [[nodiscard]] Loopback::HttpResponse fetchSingleTicket(const Loopback::HttpRequest &request) const;
    // A bundled or generated ticket's answer, as it was before any write.
    [[nodiscard]] std::optional<QByteArray> servedTicket(const QString &caseNumber) const;
    // The answer with the follow-up notes written so far, when it is the living ticket.
    [[nodiscard]] QByteArray withFollowUps(const QString &caseNumber, const QByteArray &body) const;
    // {"Response":true, fields..., "Telemetry":{...}}: an account answer.
    [[nodiscard]] Loopback::HttpResponse accountAnswer(QJsonObject fields) const;

    Loopback::HttpServer m_server;
    QString m_directory;
    QString m_apiKey;
    DemoQueue m_queue;
    DemoWrites m_writes;               // resolve, create, update: in memory for this run
    QHash<QByteArray, Route> m_routes; // by path
    QString m_followUpCase = QString::fromLatin1(DefaultFollowUpCase);
    std::chrono::milliseconds m_followUpPeriod = DefaultFollowUpPeriod;
    Clock m_clock;
    std::chrono::steady_clock::time_point m_started;
    QDateTime m_startedUtc; // the follow-ups' dates count from here
};

} // namespace CaseLens::Gui
