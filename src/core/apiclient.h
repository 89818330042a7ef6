#pragma once

#include "core/apireply.h"
#include "core/casenumber.h"
#include "core/companyca.h"
#include "core/ratelimiter.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QJsonObject;
class QNetworkAccessManager;

namespace CaseLens {

// Talks to the Sweeppea API, by its rules (../shared/api/sweeppea-tickets.md):
//  - every endpoint serves one request at a time: one serial queue per
//    endpoint; different endpoints run at the same time;
//  - the account has a number of calls per minute: one shared RateLimiter;
//  - a user's request goes before any background one (Lane);
//  - identical reads waiting or in flight are sent once, and every caller
//    gets its own reply;
//  - writes are never merged, and never sent again after an ambiguous
//    failure (a dropped connection, a timeout): Error::mayRetry().
// Each call returns a reply object (ApiReply) with its own signals.
//
// Owns no global state: the QNetworkAccessManager is injected.
class ProxyAuthenticator;

class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static QUrl defaultBaseUrl();
    // Answers at least this large are parsed off the calling thread.
    static constexpr qsizetype AsyncParseThreshold = 256 * 1024;

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ApiClient() override;

    // Refuses plain http:// except to loopback hosts; returns the reason.
    [[nodiscard]] static Error validateBaseUrl(const QUrl &url);
    [[nodiscard]] static bool isLoopbackHost(const QString &host);
    [[nodiscard]] static QByteArray userAgent();

    // Returns the validation error, and keeps the previous URL, when refused.
    Error setBaseUrl(const QUrl &url);
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }

    // The manager requests go through (its proxy is the session's to set);
    // also for requests that must not go through the client (ticket files:
    // their hosts never get the key).
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }
    // Who answers proxies' demands for credentials on network(): its record
    // of what was sent tells "required" from "rejected" in proxy errors.
    // Optional (without it, only credentials in the proxy's settings count).
    void setProxyAuthenticator(const ProxyAuthenticator *authenticator) { m_proxyAuth = authenticator; }

    // The key is kept in memory only and never logged.
    void setApiKey(const QString &key);

    // A company CA file (PEM, may hold several certificates): trusted for
    // this client's https requests on top of the system's CAs, never instead
    // of them (CompanyCa). Read when the first https request is made, so
    // that start-up does not load the TLS library; a file that cannot be
    // used refuses every https request with the reason (nothing is sent).
    // Empty: none.
    void setCaFile(const QString &path);
    [[nodiscard]] QString caFile() const { return m_caFile; }
    // Reads the file now if it was not read yet; its error, if any (the CLI
    // checks before it sends anything).
    [[nodiscard]] Error loadCaFile();
    // What https to other hosts through network() should trust, such as a
    // ticket file's host behind the same inspecting proxy: the system's CAs
    // plus the company CA, or nothing (Qt's default) when there is none or
    // its file cannot be used.
    [[nodiscard]] std::optional<QSslConfiguration> companyTls();

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }
    void setMaxResponseSize(qint64 bytes) { m_maxResponseSize = bytes; }
    [[nodiscard]] qint64 maxResponseSize() const { return m_maxResponseSize; }
    // Every answer is parsed on this object's thread, however large: for a
    // program with nothing else to do meanwhile (the CLI), the hop to a pool
    // thread only costs (a second malloc arena grown page by page).
    void setParseInPlace(bool inPlace) { m_parseInPlace = inPlace; }
    // What fetchTicket() reads an answer into: the whole ticket, or only what
    // printing its text as it came needs (checkTicketResponse: the same
    // errors and warnings, no typed notes). caselens-cli fetch --json.
    enum class TicketDetail { Full, AsSent };
    void setTicketDetail(TicketDetail detail) { m_ticketDetail = detail; }

    // Retries (Error::mayRetry): delays baseDelay, 2*baseDelay, 4*baseDelay...;
    // Retry-After honoured up to maxRetryAfter. Tests shorten the delays; the
    // defaults follow the API contract.
    void setRetryPolicy(int maxRetries, std::chrono::milliseconds baseDelay,
                        std::chrono::milliseconds maxRetryAfter = std::chrono::seconds(30));
    [[nodiscard]] int maxRetries() const { return m_maxRetries; }

    // The account's calls per minute (RateLimiter::DefaultCallsPerMinute until
    // the plan is known), and the clock the limiter reads (tests).
    void setCallsPerMinute(int calls);
    [[nodiscard]] int callsPerMinute() const { return m_limiter.callsPerMinute(); }
    void setClock(RateLimiter::Clock clock);

    // POST /tickets/fetchSingleTicket.
    [[nodiscard]] TicketReply *fetchTicket(const CaseNumber &caseNumber, Lane lane = Lane::User,
                                           Freshness freshness = Freshness::MayShare);
    // POST /tickets/fetchOpenTickets or /tickets/fetchClosedTickets: one page.
    [[nodiscard]] TicketListReply *fetchTickets(const TicketListQuery &query, Lane lane = Lane::User,
                                                Freshness freshness = Freshness::MayShare);

    // POST /account/profile, /account/plan, /account/health-check.
    [[nodiscard]] ProfileReply *fetchProfile(Lane lane = Lane::User);
    [[nodiscard]] PlanReply *fetchPlan(Lane lane = Lane::User);
    [[nodiscard]] HealthCheckReply *checkHealth(Lane lane = Lane::User);

    // Writes, always in the user lane: never shared, never sent twice after
    // an ambiguous failure (re-read the ticket to learn what happened).
    // POST /tickets/resolve: closes an open ticket (there is no reopening).
    [[nodiscard]] ResolveReply *resolveTicket(const CaseNumber &caseNumber);
    // POST /tickets/create. descriptionHtml: the simple HTML the API allows.
    struct NewTicket
    {
        QString title;
        QString descriptionHtml;
        Priority priority = Priority::Medium;
        QString assignTo; // an admin's name or e-mail; empty: nobody
    };
    [[nodiscard]] CreateReply *createTicket(const NewTicket &ticket);
    // POST /tickets/update: replaces the title and/or the description.
    [[nodiscard]] UpdateReply *updateTicket(const CaseNumber &caseNumber, const std::optional<QString> &title,
                                            const std::optional<QString> &descriptionHtml);

    // Finishes every waiting reply with Cancelled.
    void abortAll();

    // Requests waiting or on the wire (each shared request counts once).
    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] bool isBusy() const { return pendingCount() > 0; }
    // A user's request waits in a queue or is on the wire: a background
    // poller (TicketWatcher) then does not even queue its own.
    [[nodiscard]] bool hasUserRequests() const;

    // Starts what the queues and the limiter allow now. The client calls it
    // itself (also when the limiter frees a slot); a test that moves an
    // injected clock calls it to let the client see the new time.
    void dispatch();

Q_SIGNALS:
    // An answer carried Telemetry (this key's calls this month), whichever
    // endpoint it came from: once per answer, after its replies finished.
    void telemetryReceived(const CaseLens::Telemetry &telemetry);

private:
    friend class ApiReply;
    struct Call;
    struct Endpoint;
    using Parser =
        std::function<ParsedAnswer(const QByteArray &body, int status, const QByteArray &contentType)>;

    // Queues a request for reply (or joins an identical read).
    void submit(ApiReply *reply, const QByteArray &payload, Parser parse,
                Freshness freshness = Freshness::MayShare);
    // A reply of type Reply for path, its answer read by parse(body, status, contentType).
    template <typename Reply, typename Parse>
    Reply *request(const QString &path, const QJsonObject &body, Lane lane, bool isWrite, Parse parse);
    void withdraw(ApiReply *reply, bool notify);
    void scheduleDispatch();
    [[nodiscard]] bool startCall(Endpoint &endpoint, const std::shared_ptr<Call> &call);
    void send(const std::shared_ptr<Call> &call);
    void onReadyRead(const std::shared_ptr<Call> &call);
    void onReplyFinished(const std::shared_ptr<Call> &call);
    void abortNetwork(const std::shared_ptr<Call> &call, const Error &reason);
    void scheduleRetry(const std::shared_ptr<Call> &call, const Error &reason,
                       std::chrono::milliseconds retryAfter);
    void parseAndFinish(const std::shared_ptr<Call> &call, int status);
    void releaseEndpoint(const std::shared_ptr<Call> &call);
    void finishCall(const std::shared_ptr<Call> &call, const ParsedAnswer &answer);
    QNetworkAccessManager *m_network;
    const ProxyAuthenticator *m_proxyAuth = nullptr;
    QUrl m_baseUrl;
    QString m_apiKey;
    QString m_caFile;
    std::optional<CompanyCa> m_companyCa;          // read from m_caFile on first use
    std::optional<QSslConfiguration> m_companyTls; // the requests' TLS setup with the company CA
    std::chrono::milliseconds m_timeout{std::chrono::seconds(30)};
    qint64 m_maxResponseSize = 32 * 1024 * 1024;
    bool m_parseInPlace = false;
    TicketDetail m_ticketDetail = TicketDetail::Full;
    int m_maxRetries = 3;
    std::chrono::milliseconds m_retryBaseDelay{std::chrono::seconds(1)};
    std::chrono::milliseconds m_maxRetryAfter{std::chrono::seconds(30)};

    RateLimiter m_limiter;
    QTimer m_limiterTimer; // wakes dispatch() when the limiter frees a slot
    bool m_dispatchScheduled = false;
    QHash<QString, std::shared_ptr<Endpoint>> m_endpoints; // by path
};

} // namespace CaseLens
