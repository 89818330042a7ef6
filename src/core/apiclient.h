#pragma once

#include "core/ticket.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace CaseLens {

using RequestId = quint64;

// Told to the caller while a request waits to be retried, so a UI can say
// "Server busy, retrying in 2 s (attempt 2 of 4)".
struct RetryNotice
{
    int attempt = 0; // the attempt about to be made, 2..maxAttempts
    int maxAttempts = 0;
    std::chrono::milliseconds delay{0};
    Error reason; // why the previous attempt failed

    [[nodiscard]] QString message() const;
};

// Talks to the Sweeppea API. Owns no global state: the QNetworkAccessManager
// is injected. One request is on the wire at a time (the API serves one
// request per endpoint at a time); later ones wait in a queue. Every request
// ends in exactly one finished() signal, also when it is refused before
// sending, cancelled, or fails.
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

    // The key is kept in memory only and never logged.
    void setApiKey(const QString &key);
    [[nodiscard]] bool hasApiKey() const { return !m_apiKey.isEmpty(); }

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }
    void setMaxResponseSize(qint64 bytes) { m_maxResponseSize = bytes; }
    [[nodiscard]] qint64 maxResponseSize() const { return m_maxResponseSize; }

    // Retries after 429/503/transient network errors: delays baseDelay,
    // 2*baseDelay, 4*baseDelay...; Retry-After honoured up to maxRetryAfter.
    // Tests shorten the delays; the defaults follow the API contract.
    void setRetryPolicy(int maxRetries, std::chrono::milliseconds baseDelay,
                        std::chrono::milliseconds maxRetryAfter = std::chrono::seconds(30));
    [[nodiscard]] int maxRetries() const { return m_maxRetries; }

    // Queues a fetch of one ticket. The case number is normalised first; an
    // invalid one finishes (asynchronously) with InvalidInput and nothing is
    // sent. A case already queued or in flight is not queued twice: its
    // existing id is returned.
    RequestId fetchTicket(const QString &caseNumber);

    void cancel(RequestId id);
    void cancelAll();

    [[nodiscard]] bool isBusy() const { return m_active != nullptr || !m_queue.isEmpty(); }
    [[nodiscard]] int pendingCount() const;

Q_SIGNALS:
    // A request left the queue and went on the wire (also for each retry).
    void started(CaseLens::RequestId id, const QString &caseNumber);
    void retrying(CaseLens::RequestId id, const QString &caseNumber, const CaseLens::RetryNotice &notice);
    void finished(CaseLens::RequestId id, const QString &caseNumber, const CaseLens::TicketResult &result);

private:
    struct Request;

    void startNext();
    void send(Request &request);
    void onReadyRead();
    void onReplyFinished();
    void parseAndFinish(int status);
    void finishActive(const TicketResult &result);
    void finishLater(RequestId id, const QString &caseNumber, const TicketResult &result);
    void scheduleRetry(const Error &reason, std::chrono::milliseconds retryAfter);
    void abortActive(const Error &reason);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_apiKey;
    std::chrono::milliseconds m_timeout{std::chrono::seconds(30)};
    qint64 m_maxResponseSize = 32 * 1024 * 1024;
    int m_maxRetries = 3;
    std::chrono::milliseconds m_retryBaseDelay{std::chrono::seconds(1)};
    std::chrono::milliseconds m_maxRetryAfter{std::chrono::seconds(30)};

    RequestId m_nextId = 1;
    QQueue<std::shared_ptr<Request>> m_queue;
    std::shared_ptr<Request> m_active;
};

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::RetryNotice)
