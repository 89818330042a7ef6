#include "core/apiclient.h"

#include "core/logging.h"
#include "core/networkerrors.h"
#include "core/pluralcount.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QSslError>
#include <QSysInfo>
#include <QThreadPool>

#include <algorithm>
#include <cstring>

using namespace std::chrono_literals;

namespace CaseLens {

namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::ApiClient)
};

Error cancelled()
{
    return {ErrorKind::Cancelled, Tr::tr("Cancelled.")};
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

// A server (or a proxy's error page) may echo the Authorization header back.
// Whatever it says, the key never reaches a message, a details view or the
// CLI's output. (Keys this short are not real keys; replacing them would
// only garble the text.)
Error withoutKey(const Error &e, const QString &key)
{
    if (key.size() < 6)
        return e;
    if (!e.message().contains(key) && !e.detail().contains(key) && !e.serverMessage().contains(key))
        return e;
    const QString hidden = Tr::tr("[your API key]");
    return Error(e.kind(), QString(e.message()).replace(key, hidden),
                 QString(e.detail()).replace(key, hidden), e.httpStatus(),
                 QString(e.serverMessage()).replace(key, hidden));
}

// A request body Qt cannot send twice. Qt's HTTP layer resends a request by
// itself when a kept-alive connection drops before the answer, whatever the
// method; for a write that could mean doing it twice. With a sequential
// device and DoNotBufferUploadDataAttribute, such a resend fails with
// ContentReSendError instead.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min(max, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

// One request to the server as the dispatcher sees it: what is sent, who
// waits for the answer, and the state of the exchange (with its retries).
struct ApiClient::Call
{
    enum class State { Queued, Sending, WaitingToRetry, ReadyToRetry, Parsing, Done };

    QString path;
    QByteArray payload;
    bool isWrite = false;
    Parser parse;
    QList<ApiReply *> replies; // waiting for the answer; a call nobody waits for is dropped

    State state = State::Queued;
    int attempt = 0; // attempts made so far
    QPointer<QNetworkReply> reply;
    QByteArray body;
    QByteArray contentType;
    QTimer deadline;
    QTimer retryTimer;
    QElapsedTimer elapsed;
    Error abortReason; // set when the client aborts the exchange itself
    QList<QSslError> sslErrors;
    QList<QSslCertificate> peerChain; // what the server presented, for the certificate report
    int status = 0;                   // of the last HTTP answer
    QString reasonPhrase;             // its status line's text

    [[nodiscard]] Lane lane() const
    {
        for (const ApiReply *r : replies) {
            if (r->lane() == Lane::User)
                return Lane::User;
        }
        return Lane::Background;
    }
};

// One endpoint's serial queue: at most one call on the wire, user calls
// ahead of background ones.
struct ApiClient::Endpoint
{
    std::shared_ptr<Call> active;
    QList<std::shared_ptr<Call>> queue;

    void enqueue(const std::shared_ptr<Call> &call)
    {
        if (call->lane() == Lane::Background) {
            queue.append(call);
            return;
        }
        qsizetype at = 0;
        while (at < queue.size() && queue.at(at)->lane() == Lane::User)
            ++at;
        queue.insert(at, call);
    }
};

QUrl ApiClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api-v3.sweeppea.com"));
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(defaultBaseUrl())
{
    Q_ASSERT(network);
    qRegisterMetaType<CaseLens::RetryNotice>();
    m_limiterTimer.setSingleShot(true);
    connect(&m_limiterTimer, &QTimer::timeout, this, &ApiClient::dispatch);
}

ApiClient::~ApiClient()
{
    // Replies (children) are deleted after this: they find no calls left.
    for (const auto &endpoint : std::as_const(m_endpoints)) {
        if (endpoint->active && endpoint->active->reply) {
            endpoint->active->reply->disconnect(this);
            endpoint->active->reply->abort();
            endpoint->active->reply->deleteLater();
        }
    }
    m_endpoints.clear();
}

bool ApiClient::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error ApiClient::validateBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {ErrorKind::InvalidInput,
                Tr::tr("The server URL is not valid. Use e.g. https://api-v3.sweeppea.com."),
                url.toDisplayString()};
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http") {
        if (isLoopbackHost(url.host()))
            return {};
        return {ErrorKind::InvalidInput,
                Tr::tr("CaseLens sends your API key only over https. Plain http is allowed only for this "
                       "computer (localhost)."),
                url.toDisplayString()};
    }
    return {ErrorKind::InvalidInput, Tr::tr("The server URL must start with https://."),
            url.toDisplayString()};
}

QByteArray ApiClient::userAgent()
{
    return "CaseLens/" CASELENS_VERSION " (" + QSysInfo::prettyProductName().toUtf8() + ')';
}

Error ApiClient::setBaseUrl(const QUrl &url)
{
    Error error = validateBaseUrl(url);
    if (!error.isError())
        m_baseUrl = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return error;
}

void ApiClient::setCaFile(const QString &path)
{
    if (path == m_caFile)
        return;
    m_caFile = path;
    m_companyCa.reset();
    m_companyTls.reset();
    // A kept-alive connection was verified with the old trust.
    m_network->clearConnectionCache();
}

Error ApiClient::loadCaFile()
{
    if (m_caFile.isEmpty())
        return {};
    if (!m_companyCa) {
        m_companyCa = CompanyCa::load(m_caFile);
        if (!m_companyCa->error.isError())
            m_companyTls =
                CompanyCa::trusting(QSslConfiguration::defaultConfiguration(), m_companyCa->certificates);
    }
    return m_companyCa->error;
}

std::optional<QSslConfiguration> ApiClient::companyTls()
{
    if (loadCaFile().isError())
        return std::nullopt;
    return m_companyTls;
}

void ApiClient::setApiKey(const QString &key)
{
    m_apiKey = key.trimmed();
}

void ApiClient::setRetryPolicy(int maxRetries, std::chrono::milliseconds baseDelay,
                               std::chrono::milliseconds maxRetryAfter)
{
    m_maxRetries = std::max(0, maxRetries);
    m_retryBaseDelay = baseDelay;
    m_maxRetryAfter = maxRetryAfter;
}

void ApiClient::setCallsPerMinute(int calls)
{
    m_limiter.setCallsPerMinute(calls);
    scheduleDispatch();
}

void ApiClient::setClock(RateLimiter::Clock clock)
{
    m_limiter.setClock(std::move(clock));
}

int ApiClient::pendingCount() const
{
    int count = 0;
    for (const auto &endpoint : std::as_const(m_endpoints))
        count += int(endpoint->queue.size()) + (endpoint->active ? 1 : 0);
    return count;
}

bool ApiClient::hasUserRequests() const
{
    const auto isUser = [](const std::shared_ptr<Call> &call) { return call && call->lane() == Lane::User; };
    return std::any_of(m_endpoints.cbegin(), m_endpoints.cend(),
                       [&isUser](const std::shared_ptr<Endpoint> &endpoint) {
                           return isUser(endpoint->active) ||
                                  std::any_of(endpoint->queue.cbegin(), endpoint->queue.cend(), isUser);
                       });
}

// --- Requests ------------------------------------------------------------------

void ApiClient::submit(ApiReply *reply, const QByteArray &payload, Parser parse, Freshness freshness)
{
    std::shared_ptr<Endpoint> &endpoint = m_endpoints[reply->path()];
    if (!endpoint)
        endpoint = std::make_shared<Endpoint>();
    if (!reply->isWrite()) {
        // The same read already waiting or on its way: one request, one
        // answer for everybody. A user joining a background read moves it
        // to the user lane.
        const auto sameRead = [&](const std::shared_ptr<Call> &call) {
            return call && !call->isWrite && call->payload == payload && call->state != Call::State::Done;
        };
        if (freshness == Freshness::MayShare && sameRead(endpoint->active)) {
            endpoint->active->replies.append(reply);
            return;
        }
        for (qsizetype i = 0; i < endpoint->queue.size(); ++i) {
            const std::shared_ptr<Call> call = endpoint->queue.at(i);
            if (!sameRead(call))
                continue;
            call->replies.append(reply);
            endpoint->queue.removeAt(i);
            endpoint->enqueue(call);
            scheduleDispatch();
            return;
        }
    }
    auto call = std::make_shared<Call>();
    call->path = reply->path();
    call->payload = payload;
    call->isWrite = reply->isWrite();
    call->parse = std::move(parse);
    call->replies.append(reply);
    endpoint->enqueue(call);
    scheduleDispatch();
}

void ApiClient::withdraw(ApiReply *reply, bool notify)
{
    // A copy: finishing a call emits signals, and their slots may queue more.
    const QList<std::shared_ptr<Endpoint>> endpoints = m_endpoints.values();
    for (const auto &endpoint : endpoints) {
        const auto holds = [reply](const std::shared_ptr<Call> &call) {
            return call && call->replies.contains(reply);
        };
        std::shared_ptr<Call> call;
        if (holds(endpoint->active)) {
            call = endpoint->active;
        } else {
            for (const auto &queued : std::as_const(endpoint->queue)) {
                if (holds(queued))
                    call = queued;
            }
        }
        if (!call)
            continue;
        call->replies.removeOne(reply);
        if (call->replies.isEmpty()) {
            // Nobody waits any more: the call goes too.
            if (call == endpoint->active) {
                if (call->state == Call::State::Sending) {
                    abortNetwork(call, cancelled()); // finishes the call
                } else {
                    releaseEndpoint(call); // a retry or a parse nobody waits for
                    call->state = Call::State::Done;
                }
            } else {
                endpoint->queue.removeOne(call);
            }
        }
        break;
    }
    if (notify)
        reply->finish(ParsedAnswer::failed(cancelled()), 0);
}

void ApiClient::abortAll()
{
    QList<QPointer<ApiReply>> replies;
    for (const auto &endpoint : std::as_const(m_endpoints)) {
        if (endpoint->active) {
            for (ApiReply *r : std::as_const(endpoint->active->replies))
                replies.append(r);
        }
        for (const auto &call : std::as_const(endpoint->queue)) {
            for (ApiReply *r : std::as_const(call->replies))
                replies.append(r);
        }
    }
    for (const QPointer<ApiReply> &reply : std::as_const(replies)) {
        if (reply)
            reply->abort();
    }
}

// --- Dispatching -----------------------------------------------------------------

void ApiClient::scheduleDispatch()
{
    // Callers always hold their reply before anything happens to it.
    if (m_dispatchScheduled)
        return;
    m_dispatchScheduled = true;
    QTimer::singleShot(0, this, &ApiClient::dispatch);
}

void ApiClient::dispatch()
{
    m_dispatchScheduled = false;
    bool blocked = false;     // something waits for the limiter
    bool userWaiting = false; // ... and it is a user's request

    // A copy: starting and refusing calls emits signals, and their slots may
    // queue more.
    const QList<std::shared_ptr<Endpoint>> endpoints = m_endpoints.values();
    // Retries first: they were already waiting their turn.
    for (const auto &endpoint : endpoints) {
        const std::shared_ptr<Call> call = endpoint->active;
        if (!call || call->state != Call::State::ReadyToRetry)
            continue;
        if (m_limiter.tryAcquire()) {
            send(call);
        } else {
            blocked = true;
            userWaiting = userWaiting || call->lane() == Lane::User;
        }
    }
    // Then the user lane of every free endpoint, then the background lane,
    // which waits while a user's request waits for the limiter.
    for (const Lane lane : {Lane::User, Lane::Background}) {
        if (lane == Lane::Background && userWaiting)
            break;
        for (const auto &endpoint : endpoints) {
            while (!endpoint->active && !endpoint->queue.isEmpty() &&
                   endpoint->queue.constFirst()->lane() == lane) {
                const std::shared_ptr<Call> next =
                    endpoint->queue.constFirst(); // a copy: it leaves the queue
                if (!startCall(*endpoint, next))
                    continue; // refused before sending: the next one may go
                if (endpoint->active)
                    break;
                blocked = true;
                userWaiting = userWaiting || lane == Lane::User;
                break;
            }
        }
    }
    if (blocked && !m_limiterTimer.isActive())
        m_limiterTimer.start(m_limiter.timeUntilAvailable());
}

bool ApiClient::startCall(Endpoint &endpoint, const std::shared_ptr<Call> &call)
{
    // Refusals cost no call: nothing is sent.
    Error refusal;
    if (m_apiKey.isEmpty())
        refusal =
            Error(ErrorKind::NoApiKey, Tr::tr("No API key is set. Add your Sweeppea API key in Settings."));
    else
        refusal = validateBaseUrl(m_baseUrl);
    // Plain http (loopback, the demo) needs no certificate.
    if (!refusal.isError() && m_baseUrl.scheme() == u"https")
        refusal = loadCaFile();
    if (refusal.isError()) {
        endpoint.queue.removeFirst();
        finishCall(call, ParsedAnswer::failed(refusal));
        return false;
    }
    if (!m_limiter.tryAcquire())
        return true; // stays first in its queue
    endpoint.queue.removeFirst();
    endpoint.active = call;
    send(call);
    return true;
}

void ApiClient::send(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    call->state = Call::State::Sending;
    call->body.clear();
    call->contentType.clear();
    call->abortReason = {};
    call->sslErrors.clear();
    call->peerChain.clear();
    call->status = 0;
    call->reasonPhrase.clear();

    QUrl url = m_baseUrl;
    url.setPath(url.path() + call->path);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // Every redirect is checked by hand (see below): Qt's default policy would
    // forward the Authorization header to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    if (m_companyTls && url.scheme() == u"https")
        request.setSslConfiguration(*m_companyTls);

    call->elapsed.start();
    QNetworkReply *reply = nullptr;
    if (call->isWrite) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, call->payload.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(call->payload, nullptr);
        reply = m_network->post(request, body);
        body->setParent(reply);
    } else {
        reply = m_network->post(request, call->payload);
    }
    call->reply = reply;
    // Read as data arrives so the size cap holds without Qt buffering the rest.
    reply->setReadBufferSize(256 * 1024);

    const std::weak_ptr<Call> weak = call;
    const auto current = [weak, reply]() -> std::shared_ptr<Call> {
        std::shared_ptr<Call> c = weak.lock();
        return c && c->reply == reply ? c : nullptr;
    };
    connect(reply, &QNetworkReply::readyRead, this, [this, current] {
        if (const auto c = current())
            onReadyRead(c);
    });
    connect(reply, &QNetworkReply::finished, this, [this, current, reply] {
        if (const auto c = current())
            onReplyFinished(c);
        else
            reply->deleteLater();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, current, reply] {
        const auto c = current();
        if (!c)
            return;
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > m_maxResponseSize)
            abortNetwork(
                c, Error(ErrorKind::TooLarge,
                         Tr::tr("The ticket is too large to show (over %1 MB).").arg(m_maxResponseSize >> 20),
                         Tr::tr("Announced size: %Ln byte(s)", nullptr, pluralCount(announced))));
        else if (announced > 0)
            // One allocation instead of ~20 reallocations (and copies) of a
            // growing body for a 5 MB ticket (benchmarks/, docs/performance.md).
            c->body.reserve(announced);
    });
    connect(reply, &QNetworkReply::redirected, this, [this, current, reply, url](const QUrl &target) {
        const auto c = current();
        if (!c)
            return;
        if (sameOrigin(url, target) && target.scheme() == u"https") {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        // Only the origin: a hostile server may put the key in the path.
        const QString origin =
            target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
        qCInfo(lcNet) << "refused redirect to" << origin;
        abortNetwork(
            c, Error(ErrorKind::ServerError,
                     Tr::tr("The server tried to send CaseLens to another address (%1). CaseLens did not "
                            "follow it, to keep your API key safe.")
                         .arg(origin),
                     Tr::tr("Redirect to %1 refused").arg(target.toDisplayString(QUrl::RemoveUserInfo))));
    });
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, [current, reply](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and we report why.
        if (const auto c = current()) {
            c->sslErrors << errors;
            c->peerChain = reply->sslConfiguration().peerCertificateChain();
        }
    });
#endif

    call->deadline.setSingleShot(true);
    call->deadline.disconnect();
    connect(&call->deadline, &QTimer::timeout, this, [this, weak] {
        const auto c = weak.lock();
        if (!c)
            return;
        const auto seconds = int(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count());
        abortNetwork(c,
                     Error(ErrorKind::Timeout,
                           Tr::tr("The server did not answer within %n second(s). Check your connection and "
                                  "try again.",
                                  nullptr, seconds)));
    });
    call->deadline.start(m_timeout);

    qCDebug(lcNet).noquote() << "POST" << url.path() << "attempt" << call->attempt;
    const QList<ApiReply *> replies = call->replies;
    for (ApiReply *r : replies)
        Q_EMIT r->started();
}

void ApiClient::onReadyRead(const std::shared_ptr<Call> &call)
{
    // Straight into the body (reserved from Content-Length): no temporary
    // QByteArray per chunk, one copy of each byte.
    // (At most the reply's read buffer, 256 KB; the cap is checked below.)
    const qint64 available = call->reply->bytesAvailable();
    if (available > 0) {
        const qsizetype had = call->body.size();
        if (call->body.capacity() < had + available) // no Content-Length: grow geometrically
            call->body.reserve(std::max<qsizetype>(2 * call->body.capacity(), had + available));
        call->body.resize(had + available);
        const qint64 got = call->reply->read(call->body.data() + had, available);
        call->body.truncate(had + std::max<qint64>(got, 0));
    }
    if (call->body.size() > m_maxResponseSize) {
        const qint64 size = call->body.size();
        call->body.clear();
        abortNetwork(
            call, Error(ErrorKind::TooLarge,
                        Tr::tr("The ticket is too large to show (over %1 MB).").arg(m_maxResponseSize >> 20),
                        Tr::tr("Received more than %Ln byte(s)", nullptr, pluralCount(size))));
    }
}

void ApiClient::abortNetwork(const std::shared_ptr<Call> &call, const Error &reason)
{
    if (call->state != Call::State::Sending || !call->reply) {
        finishCall(call, ParsedAnswer::failed(reason));
        return;
    }
    call->abortReason = reason;
    call->reply->abort(); // finished() follows synchronously
}

void ApiClient::onReplyFinished(const std::shared_ptr<Call> &call)
{
    QNetworkReply *reply = call->reply;
    call->deadline.stop();
    reply->deleteLater();
    call->reply = nullptr;
    if (call->abortReason.kind() != ErrorKind::TooLarge && reply->isOpen())
        call->body += reply->readAll();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();
    // The path we sent: after a redirect, url() is the server's target.
    qCInfo(lcNet).noquote() << "POST" << reply->request().url().path() << "status" << status << "in"
                            << call->elapsed.elapsed() << "ms," << call->body.size() << "bytes";

    if (call->abortReason.isError()) {
        finishCall(call, ParsedAnswer::failed(call->abortReason));
        return;
    }

    // A complete HTTP answer: let the parser judge it (statuses, envelopes).
    // (Qt's codes below 200 are transport failures; 2xx-4xx ones mirror HTTP statuses.)
    const bool complete = status > 0 && (code == QNetworkReply::NoError || code >= 201);
    if (complete) {
        call->contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        call->status = status;
        call->reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        if (Error::fromHttpStatus(status).mayRetry(call->isWrite) && call->attempt <= m_maxRetries) {
            std::chrono::milliseconds retryAfter{-1};
            bool ok = false;
            const qint64 seconds = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
            if (ok && seconds >= 0)
                retryAfter =
                    std::min<std::chrono::milliseconds>(std::chrono::seconds(seconds), m_maxRetryAfter);
            scheduleRetry(call, call->parse(call->body, status, call->contentType).error, retryAfter);
            return;
        }
        parseAndFinish(call, status);
        return;
    }

    // Qt's code by name beside its words: what IT searches for.
    const QString qtError =
        Tr::tr("Qt network error %1 (%2): %3")
            .arg(int(code))
            .arg(QString::fromLatin1(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(code)))
            .arg(reply->errorString());
    const Error error =
        NetworkErrors(*m_network, m_proxyAuth)
            .fromFailure({int(code), qtError, reply->url(), call->isWrite, call->sslErrors, call->peerChain});
    if (error.mayRetry(call->isWrite) && call->attempt <= m_maxRetries) {
        scheduleRetry(call, error, std::chrono::milliseconds(-1));
        return;
    }
    finishCall(call, ParsedAnswer::failed(error));
}

void ApiClient::scheduleRetry(const std::shared_ptr<Call> &call, const Error &reason,
                              std::chrono::milliseconds retryAfter)
{
    const std::chrono::milliseconds delay =
        retryAfter.count() >= 0 ? retryAfter : m_retryBaseDelay * (1 << (call->attempt - 1));
    const RetryNotice notice{call->attempt + 1, m_maxRetries + 1, delay, withoutKey(reason, m_apiKey)};
    qCInfo(lcNet).noquote() << "retrying in" << delay.count() << "ms, attempt" << notice.attempt << "of"
                            << notice.maxAttempts;
    call->state = Call::State::WaitingToRetry;
    call->retryTimer.setSingleShot(true);
    call->retryTimer.disconnect();
    const std::weak_ptr<Call> weak = call;
    connect(&call->retryTimer, &QTimer::timeout, this, [this, weak] {
        // The endpoint stays held: the retry goes before anything queued
        // behind it, as soon as the limiter allows.
        if (const auto c = weak.lock(); c && c->state == Call::State::WaitingToRetry) {
            c->state = Call::State::ReadyToRetry;
            dispatch();
        }
    });
    call->retryTimer.start(delay);
    const QList<ApiReply *> replies = call->replies;
    for (ApiReply *r : replies)
        Q_EMIT r->retrying(notice);
}

void ApiClient::parseAndFinish(const std::shared_ptr<Call> &call, int status)
{
    // The endpoint stays held until the answer is read, so that answers
    // arrive in the order their requests were made.
    call->state = Call::State::Parsing;
    call->deadline.stop();
    // Small answers (the typical ticket) are parsed right here: a thread hop
    // would cost more than the parse. Large ones are parsed on the thread
    // pool so the GUI thread never stalls.
    if (m_parseInPlace || call->body.size() < AsyncParseThreshold) {
        finishCall(call, call->parse(call->body, status, call->contentType));
        return;
    }
    auto promise = std::make_shared<QPromise<ParsedAnswer>>();
    QFuture<ParsedAnswer> future = promise->future();
    QThreadPool::globalInstance()->start([promise, parse = call->parse, body = std::move(call->body), status,
                                          contentType = call->contentType] {
        promise->start();
        promise->addResult(parse(body, status, contentType));
        promise->finish();
    });
    call->body.clear();
    // The continuation runs on this object's thread, and not at all once the
    // client is gone.
    const std::weak_ptr<Call> weak = call;
    future.then(this, [this, weak](const ParsedAnswer &answer) {
        if (const auto c = weak.lock(); c && c->state == Call::State::Parsing)
            finishCall(c, answer);
    });
}

void ApiClient::releaseEndpoint(const std::shared_ptr<Call> &call)
{
    const auto endpoint = m_endpoints.value(call->path);
    if (endpoint && endpoint->active == call)
        endpoint->active.reset();
    call->deadline.stop();
    call->retryTimer.stop();
    scheduleDispatch();
}

void ApiClient::finishCall(const std::shared_ptr<Call> &call, const ParsedAnswer &answer)
{
    if (call->state == Call::State::Done)
        return;
    releaseEndpoint(call);
    call->state = Call::State::Done;

    ParsedAnswer final = answer;
    final.error = withoutKey(final.error.withReasonPhrase(call->status, call->reasonPhrase), m_apiKey);
    if (final.error.kind() == ErrorKind::RateLimited ||
        (final.error.httpStatus() >= 502 && final.error.httpStatus() <= 504 && call->attempt > 1))
        final.error = Error(final.error.kind(),
                            final.error.message() + u' ' +
                                Tr::tr("(Gave up after %n attempt(s).)", nullptr, std::max(1, call->attempt)),
                            final.error.detail(), final.error.httpStatus(), final.error.serverMessage());
    const QList<ApiReply *> replies = std::exchange(call->replies, {});
    for (ApiReply *r : replies)
        r->finish(final, call->attempt);
    if (answer.telemetry)
        emit telemetryReceived(*answer.telemetry);
}

} // namespace CaseLens
