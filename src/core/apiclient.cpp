#include "core/apiclient.h"
#include <QCoreApplication>

#include "core/casenumber.h"
#include "core/logging.h"
#include "core/pluralcount.h"
#include "core/ticketparser.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QSslError>
#include <QSysInfo>
#include <QThreadPool>
#include <QTimer>

using namespace std::chrono_literals;

namespace CaseLens {

namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::ApiClient)
};

const QString fetchSingleTicketPath = QStringLiteral("/tickets/fetchSingleTicket");

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

QString hostAndPort(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

// Network errors that may go away by themselves: worth a retry.
bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
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

} // namespace

QString RetryNotice::message() const
{
    const qint64 seconds = std::max<qint64>(1, (delay.count() + 999) / 1000);
    const QString what = reason.kind() == ErrorKind::RateLimited || reason.httpStatus() == 503
                             ? Tr::tr("Server busy")
                             : Tr::tr("Connection problem");
    return Tr::tr("%1, retrying in %2 s (attempt %3 of %4)")
        .arg(what)
        .arg(seconds)
        .arg(attempt)
        .arg(maxAttempts);
}

struct ApiClient::Request
{
    RequestId id = 0;
    QString caseNumber;
    int attempt = 0; // attempts made so far
    QPointer<QNetworkReply> reply;
    QByteArray body;
    QByteArray contentType;
    QTimer deadline;
    QTimer retryTimer;
    QElapsedTimer elapsed;
    Error abortReason;    // set when we abort the reply ourselves
    bool parsing = false; // the answer is being parsed on the thread pool
    QStringList sslErrors;
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
    qRegisterMetaType<CaseLens::TicketResult>();
    qRegisterMetaType<CaseLens::RetryNotice>();
    qRegisterMetaType<CaseLens::RequestId>("CaseLens::RequestId");
}

ApiClient::~ApiClient()
{
    if (m_active && m_active->reply) {
        m_active->reply->disconnect(this);
        m_active->reply->abort();
        m_active->reply->deleteLater();
    }
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
    if (!error.isError()) {
        m_baseUrl = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    }
    return error;
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

int ApiClient::pendingCount() const
{
    return int(m_queue.size()) + (m_active ? 1 : 0);
}

RequestId ApiClient::fetchTicket(const QString &input)
{
    const ParsedCaseNumber parsed = CaseNumber::parse(input);
    if (!parsed.ok()) {
        const RequestId id = m_nextId++;
        finishLater(id, input.trimmed(), {{}, parsed.error()});
        return id;
    }
    const struct
    {
        QString caseNumber;
    } normalized{parsed.text()};
    if (m_active && m_active->caseNumber == normalized.caseNumber)
        return m_active->id;
    for (const auto &queued : std::as_const(m_queue)) {
        if (queued->caseNumber == normalized.caseNumber)
            return queued->id;
    }
    auto request = std::make_shared<Request>();
    request->id = m_nextId++;
    request->caseNumber = normalized.caseNumber;
    m_queue.enqueue(request);
    if (!m_active)
        QTimer::singleShot(0, this, &ApiClient::startNext);
    return request->id;
}

void ApiClient::cancel(RequestId id)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i)->id == id) {
            const auto request = m_queue.takeAt(i);
            finishLater(id, request->caseNumber, {{}, Error(ErrorKind::Cancelled, Tr::tr("Cancelled."))});
            return;
        }
    }
    if (m_active && m_active->id == id)
        abortActive(Error(ErrorKind::Cancelled, Tr::tr("Cancelled.")));
}

void ApiClient::cancelAll()
{
    while (!m_queue.isEmpty()) {
        const auto request = m_queue.dequeue();
        finishLater(request->id, request->caseNumber,
                    {{}, Error(ErrorKind::Cancelled, Tr::tr("Cancelled."))});
    }
    if (m_active)
        abortActive(Error(ErrorKind::Cancelled, Tr::tr("Cancelled.")));
}

void ApiClient::finishLater(RequestId id, const QString &caseNumber, const TicketResult &result)
{
    // Callers always get their id before the result, also for refusals.
    QTimer::singleShot(0, this, [this, id, caseNumber, result] { Q_EMIT finished(id, caseNumber, result); });
}

void ApiClient::startNext()
{
    if (m_active || m_queue.isEmpty())
        return;
    m_active = m_queue.dequeue();
    if (m_apiKey.isEmpty()) {
        finishActive({{},
                      Error(ErrorKind::NoApiKey,
                            Tr::tr("No API key is set. Add your Sweeppea API key in Settings."))});
        return;
    }
    if (const Error urlError = validateBaseUrl(m_baseUrl); urlError.isError()) {
        finishActive({{}, urlError});
        return;
    }
    send(*m_active);
}

void ApiClient::send(Request &request)
{
    ++request.attempt;
    request.body.clear();
    request.contentType.clear();
    request.abortReason = {};
    request.sslErrors.clear();

    QUrl url = m_baseUrl;
    url.setPath(url.path() + fetchSingleTicketPath);

    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // Every redirect is checked by hand (see below): Qt's default policy would
    // forward the Authorization header to another origin.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::UserVerifiedRedirectPolicy);
    networkRequest.setMaximumRedirectsAllowed(5);

    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("caseNumber"), request.caseNumber}})
                                   .toJson(QJsonDocument::Compact);

    request.elapsed.start();
    QNetworkReply *reply = m_network->post(networkRequest, payload);
    request.reply = reply;
    // Read as data arrives so the size cap holds without Qt buffering the rest.
    reply->setReadBufferSize(256 * 1024);

    connect(reply, &QNetworkReply::readyRead, this, &ApiClient::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiClient::onReplyFinished);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        if (!m_active || m_active->reply != reply)
            return;
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > m_maxResponseSize)
            abortActive(
                Error(ErrorKind::TooLarge,
                      Tr::tr("The ticket is too large to show (over %1 MB).").arg(m_maxResponseSize >> 20),
                      (announced == 1 ? Tr::tr("Announced size: %1 byte", nullptr, 1)
                                      : Tr::tr("Announced size: %1 bytes", nullptr, pluralCount(announced)))
                          .arg(QLocale().toString(announced))));
        else if (announced > 0)
            // One allocation instead of ~20 reallocations (and copies) of a
            // growing body for a 5 MB ticket (benchmarks/, docs/performance.md).
            m_active->body.reserve(announced);
    });
    connect(reply, &QNetworkReply::redirected, this, [this, reply, url](const QUrl &target) {
        if (!m_active || m_active->reply != reply)
            return;
        if (sameOrigin(url, target) && target.scheme() == u"https") {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        // Only the origin: a hostile server may put the key in the path.
        qCInfo(lcNet) << "refused redirect to"
                      << target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
        abortActive(Error(
            ErrorKind::ServerError,
            Tr::tr("The server tried to send CaseLens to another address (%1). CaseLens did not follow "
                   "it, to keep your API key safe.")
                .arg(target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery)),
            Tr::tr("Redirect to %1 refused").arg(target.toDisplayString(QUrl::RemoveUserInfo))));
    });
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and we report why.
        if (!m_active || m_active->reply != reply)
            return;
        for (const QSslError &e : errors)
            m_active->sslErrors << e.errorString();
    });
#endif

    request.deadline.setSingleShot(true);
    request.deadline.disconnect();
    connect(&request.deadline, &QTimer::timeout, this, [this] {
        const auto seconds = int(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count());
        abortActive(Error(
            ErrorKind::Timeout,
            seconds == 1
                ? Tr::tr("The server did not answer within %n second. Check your connection and try again.",
                         nullptr, seconds)
                : Tr::tr("The server did not answer within %n seconds. Check your connection and try again.",
                         nullptr, seconds)));
    });
    request.deadline.start(m_timeout);

    qCDebug(lcNet).noquote() << "POST" << url.path() << "attempt" << request.attempt;
    Q_EMIT started(request.id, request.caseNumber);
}

void ApiClient::onReadyRead()
{
    if (!m_active || !m_active->reply || sender() != m_active->reply)
        return;
    m_active->body += m_active->reply->readAll();
    if (m_active->body.size() > m_maxResponseSize) {
        const qint64 size = m_active->body.size();
        m_active->body.clear();
        abortActive(Error(
            ErrorKind::TooLarge,
            Tr::tr("The ticket is too large to show (over %1 MB).").arg(m_maxResponseSize >> 20),
            Tr::tr("Received more than %1 bytes", nullptr, pluralCount(size)).arg(QLocale().toString(size))));
    }
}

void ApiClient::abortActive(const Error &reason)
{
    if (!m_active)
        return;
    if (m_active->retryTimer.isActive() || m_active->parsing) {
        m_active->retryTimer.stop();
        finishActive({{}, reason});
        return;
    }
    m_active->abortReason = reason;
    if (m_active->reply)
        m_active->reply->abort(); // finished() follows synchronously
}

void ApiClient::onReplyFinished()
{
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    if (!m_active || m_active->reply != reply) {
        if (reply)
            reply->deleteLater();
        return;
    }
    Request &request = *m_active;
    request.deadline.stop();
    reply->deleteLater();
    request.reply = nullptr;
    if (request.abortReason.kind() != ErrorKind::TooLarge && reply->isOpen())
        request.body += reply->readAll();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    // The path we sent: after a redirect, url() is the server's target.
    qCInfo(lcNet).noquote() << "POST" << reply->request().url().path() << "status" << status << "in"
                            << request.elapsed.elapsed() << "ms," << request.body.size() << "bytes";

    if (request.abortReason.isError()) {
        finishActive({{}, request.abortReason});
        return;
    }

    // A complete HTTP answer: let the parser judge it (statuses, envelopes).
    // (Qt's codes below 200 are transport failures; 2xx-4xx ones mirror HTTP statuses.)
    const bool complete = status > 0 && (networkError == QNetworkReply::NoError || networkError >= 201);
    if (complete) {
        request.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if ((status == 429 || status == 503) && request.attempt <= m_maxRetries) {
            std::chrono::milliseconds retryAfter{-1};
            bool ok = false;
            const qint64 seconds = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
            if (ok && seconds >= 0)
                retryAfter =
                    std::min<std::chrono::milliseconds>(std::chrono::seconds(seconds), m_maxRetryAfter);
            scheduleRetry(
                parseTicketResponse(request.body, status, request.contentType, request.caseNumber).error,
                retryAfter);
            return;
        }
        parseAndFinish(status);
        return;
    }

    Error error;
    const QString where = hostAndPort(reply->url());
    switch (networkError) {
    case QNetworkReply::ConnectionRefusedError:
        error = {
            ErrorKind::Network,
            Tr::tr(
                "Could not connect to the server at %1 (connection refused). Check the server URL and your "
                "connection.")
                .arg(where),
            reply->errorString()};
        break;
    case QNetworkReply::HostNotFoundError:
        error = {ErrorKind::Network,
                 Tr::tr("The server %1 could not be found. Check your internet connection.")
                     .arg(reply->url().host()),
                 reply->errorString()};
        break;
    case QNetworkReply::TimeoutError:
        error = {ErrorKind::Timeout,
                 Tr::tr("The server did not answer in time. Check your connection and try again."),
                 reply->errorString()};
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        error = {ErrorKind::Tls,
                 request.sslErrors.isEmpty()
                     ? Tr::tr("A secure connection to %1 could not be made.").arg(where)
                     : Tr::tr("A secure connection to %1 could not be made: %2")
                           .arg(where, request.sslErrors.join(QStringLiteral("; "))),
                 reply->errorString()};
        break;
    case QNetworkReply::RemoteHostClosedError:
        error = {ErrorKind::Network,
                 Tr::tr("The server closed the connection before its answer was complete. Try again."),
                 reply->errorString()};
        break;
    default:
        if (networkError >= QNetworkReply::ProxyConnectionRefusedError &&
            networkError <= QNetworkReply::UnknownProxyError)
            error = {ErrorKind::Network,
                     Tr::tr("The proxy server refused or failed the connection. Check your proxy "
                            "settings."),
                     reply->errorString()};
        else
            error = {ErrorKind::Network,
                     Tr::tr("A network error stopped the request. Check your connection and try "
                            "again."),
                     reply->errorString()};
        break;
    }
    if (isTransientNetworkError(networkError) && request.attempt <= m_maxRetries) {
        scheduleRetry(error, std::chrono::milliseconds(-1));
        return;
    }
    finishActive({{}, error});
}

void ApiClient::parseAndFinish(int status)
{
    Request &request = *m_active;
    // Small answers (the typical ticket) are parsed right here: a thread hop
    // would cost more than the parse. Large ones are parsed on the thread
    // pool so the GUI thread never stalls; the request stays active (and
    // the queue waits) until the result is back.
    if (request.body.size() < AsyncParseThreshold) {
        finishActive(parseTicketResponse(request.body, status, request.contentType, request.caseNumber));
        return;
    }
    request.parsing = true;
    auto promise = std::make_shared<QPromise<TicketResult>>();
    QFuture<TicketResult> future = promise->future();
    QThreadPool::globalInstance()->start([promise, body = std::move(request.body), status,
                                          contentType = request.contentType,
                                          caseNumber = request.caseNumber] {
        promise->start();
        promise->addResult(parseTicketResponse(body, status, contentType, caseNumber));
        promise->finish();
    });
    request.body.clear();
    // The continuation runs on this object's thread, and not at all once the
    // client is gone.
    future.then(this, [this, id = request.id](const TicketResult &result) {
        if (m_active && m_active->id == id && m_active->parsing)
            finishActive(result);
    });
}

void ApiClient::scheduleRetry(const Error &reason, std::chrono::milliseconds retryAfter)
{
    Request &request = *m_active;
    const std::chrono::milliseconds delay =
        retryAfter.count() >= 0 ? retryAfter : m_retryBaseDelay * (1 << (request.attempt - 1));
    const RetryNotice notice{request.attempt + 1, m_maxRetries + 1, delay, withoutKey(reason, m_apiKey)};
    qCInfo(lcNet).noquote() << "retrying"
                            << "in" << delay.count() << "ms, attempt" << notice.attempt << "of"
                            << notice.maxAttempts;
    request.retryTimer.setSingleShot(true);
    request.retryTimer.disconnect();
    connect(&request.retryTimer, &QTimer::timeout, this, [this] {
        if (m_active)
            send(*m_active);
    });
    request.retryTimer.start(delay);
    Q_EMIT retrying(request.id, request.caseNumber, notice);
}

void ApiClient::finishActive(const TicketResult &result)
{
    const std::shared_ptr<Request> request = std::move(m_active);
    m_active.reset();
    request->deadline.stop();
    request->retryTimer.stop();
    TicketResult final = result;
    final.error = withoutKey(final.error, m_apiKey);
    if (final.error.kind() == ErrorKind::RateLimited ||
        (final.error.httpStatus() == 503 && request->attempt > 1))
        final.error = Error(final.error.kind(),
                            final.error.message() + u' ' +
                                (request->attempt == 1
                                     ? Tr::tr("(Gave up after %n attempt.)", nullptr, 1)
                                     : Tr::tr("(Gave up after %n attempts.)", nullptr, request->attempt)),
                            final.error.detail(), final.error.httpStatus(), final.error.serverMessage());
    if (!m_queue.isEmpty())
        QTimer::singleShot(0, this, &ApiClient::startNext);
    Q_EMIT finished(request->id, request->caseNumber, final);
}

} // namespace CaseLens
