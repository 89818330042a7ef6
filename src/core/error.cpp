#include "core/error.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include <QStringList>

using namespace Qt::StringLiterals;

namespace CaseLens {

Error::Error(ErrorKind kind, QString message, QString detail, int httpStatus, QString serverMessage)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
    , m_httpStatus(httpStatus)
    , m_serverMessage(std::move(serverMessage))
{}

QString Error::details() const
{
    QStringList lines;
    if (m_httpStatus > 0)
        lines << tr("HTTP status: %1").arg(m_httpStatus);
    if (!m_serverMessage.isEmpty())
        lines << tr("Server message: %1").arg(m_serverMessage);
    if (!m_detail.isEmpty())
        lines << m_detail;
    lines << tr("Error kind: %1").arg(kindName(m_kind));
    return lines.join(u'\n');
}

QString Error::kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorKind::NoApiKey:
        return QStringLiteral("no-api-key");
    case ErrorKind::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorKind::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorKind::NotFound:
        return QStringLiteral("not-found");
    case ErrorKind::BadRequest:
        return QStringLiteral("bad-request");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case ErrorKind::ServerError:
        return QStringLiteral("server-error");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Tls:
        return QStringLiteral("tls");
    case ErrorKind::TooLarge:
        return QStringLiteral("too-large");
    case ErrorKind::MalformedResponse:
        return QStringLiteral("malformed-response");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Keychain:
        return QStringLiteral("keychain");
    }
    return QStringLiteral("unknown");
}

Error Error::connectionLost(QString message, QString detail)
{
    Error error(ErrorKind::Network, std::move(message), std::move(detail));
    error.m_connectionLost = true;
    return error;
}

bool Error::mayRetry(bool isWrite) const
{
    if (m_kind == ErrorKind::RateLimited || m_httpStatus == 429 || m_httpStatus == 503)
        return true;
    // A gateway that got no (timely) answer from the server cannot say
    // whether the server acted: like a lost connection, reads only.
    if (m_httpStatus == 502 || m_httpStatus == 504)
        return !isWrite;
    return m_connectionLost && !isWrite;
}

bool Error::needsNewKey() const
{
    switch (m_kind) {
    case ErrorKind::NoApiKey:
    case ErrorKind::Unauthorized:
    case ErrorKind::Forbidden:
        return true;
    default:
        return false;
    }
}

Error Error::withReasonPhrase(int httpStatus, const QString &reasonPhrase) const
{
    // The statuses fromHttpStatus() explains in its own words.
    static constexpr std::array explained{400, 401, 403, 404, 407, 408, 413, 429, 451, 502, 503, 504};
    if (httpStatus != m_httpStatus || httpStatus < 300 || !m_serverMessage.isEmpty() ||
        std::find(explained.begin(), explained.end(), m_httpStatus) != explained.end())
        return *this;
    // The phrase comes from the server: one short line, no control characters.
    QString text = reasonPhrase;
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u' ';
    }
    text = text.simplified().left(200);
    if (text.isEmpty())
        return *this;
    Error e = fromHttpStatus(m_httpStatus, text);
    e.m_kind = m_kind;
    e.m_detail = m_detail;
    return e;
}

ForbiddenReason Error::forbiddenReason() const
{
    return m_kind == ErrorKind::Forbidden ? forbiddenReasonOf(m_serverMessage) : ForbiddenReason::None;
}

ForbiddenReason Error::forbiddenReasonOf(const QString &serverMessage)
{
    // The wording varies between API versions ("API access restricted.
    // Wildcard domain (*) required.", "Account is hibernating", "Monthly API
    // limit exceeded"), so look for the words that carry the reason.
    const QString m = serverMessage.toLower();
    const auto mentions = [&m](std::initializer_list<QLatin1StringView> words) {
        return std::any_of(words.begin(), words.end(), [&m](QLatin1StringView w) { return m.contains(w); });
    };
    if (mentions({"wildcard"_L1, "domain"_L1}))
        return ForbiddenReason::WildcardDomainMissing;
    if (mentions({"disabled"_L1, "hibernat"_L1, "inactive"_L1, "suspended"_L1, "deactivated"_L1}))
        return ForbiddenReason::AccountInactive;
    if (mentions({"limit"_L1, "exceeded"_L1, "quota"_L1}))
        return ForbiddenReason::PlanLimitReached;
    return ForbiddenReason::KeyInvalid;
}

QString Error::forbiddenMessage(ForbiddenReason reason)
{
    switch (reason) {
    case ForbiddenReason::AccountInactive:
        return tr("Your Sweeppea account is disabled or hibernating, so it refuses API calls. Contact "
                  "Sweeppea support to reactivate it.");
    case ForbiddenReason::WildcardDomainMissing:
        return tr("Your Sweeppea account accepts API calls only from its listed domains. In Sweeppea, open "
                  "Settings → API and add * to the API domains.");
    case ForbiddenReason::PlanLimitReached:
        return tr("Your plan's API calls are used up. Wait for the limit to reset, or upgrade the plan "
                  "in Sweeppea.");
    case ForbiddenReason::None:
    case ForbiddenReason::KeyInvalid:
        break;
    }
    return tr("Your API key was rejected: it is invalid or revoked. Check the key in Settings, or create "
              "a new one in Sweeppea.");
}

Error Error::fromHttpStatus(int httpStatus, const QString &serverMessage, const QString &caseNumber)
{
    // Prefer the server's own words when it sends them; they are usually the
    // most specific thing we know. Our sentence says what to do next.
    const auto withServer = [&](const QString &ours) {
        return serverMessage.isEmpty() ? ours : ours + u' ' + tr("(Server: %1)").arg(serverMessage);
    };
    switch (httpStatus) {
    case 200:
        return {};
    case 400:
        return {ErrorKind::BadRequest,
                withServer(tr("The server could not understand the request.")),
                {},
                httpStatus,
                serverMessage};
    case 401:
        return {ErrorKind::Unauthorized,
                withServer(tr("Your API key was rejected or is missing. Check the key in Settings.")),
                {},
                httpStatus,
                serverMessage};
    case 403:
        return {ErrorKind::Forbidden,
                withServer(forbiddenMessage(forbiddenReasonOf(serverMessage))),
                {},
                httpStatus,
                serverMessage};
    case 404:
        return {ErrorKind::NotFound,
                caseNumber.isEmpty() ? withServer(tr("No such ticket for this API key."))
                                     : withServer(tr("No ticket %1 for this API key.").arg(caseNumber)),
                {},
                httpStatus,
                serverMessage};
    case 429:
        return {ErrorKind::RateLimited,
                withServer(tr("The server is limiting requests right now. Try again in a minute.")),
                {},
                httpStatus,
                serverMessage};
    case 407:
        // Qt answers a proxy's 407 itself (ProxyAuthenticationRequiredError);
        // a 407 status reaches here only from a proxy Qt did not know about.
        return {ErrorKind::Network,
                withServer(tr("A proxy server between this computer and the server wants a user name and "
                              "password (HTTP 407). Set the proxy and its credentials under Settings → "
                              "Network, or ask IT which proxy to use.")),
                {},
                httpStatus,
                serverMessage};
    case 408:
        return {ErrorKind::Timeout,
                withServer(tr("The server stopped waiting for the request (HTTP 408): the connection was "
                              "too slow or broke off. Try again.")),
                {},
                httpStatus,
                serverMessage};
    case 413:
        return {ErrorKind::BadRequest,
                withServer(tr("The request was too large for the server (HTTP 413). Shorten the text or "
                              "remove pictures from it; if that does not help, a proxy on the way may limit "
                              "request sizes: ask IT.")),
                {},
                httpStatus,
                serverMessage};
    case 451:
        return {ErrorKind::ServerError,
                withServer(tr("The server is not allowed to answer this for legal reasons (HTTP 451). A "
                              "company filter or the service's operator blocks it: ask IT or Sweeppea "
                              "support.")),
                {},
                httpStatus,
                serverMessage};
    case 502:
        return {ErrorKind::ServerError,
                withServer(tr("A gateway between this computer and the server got no valid answer from it "
                              "(HTTP 502). The service or a proxy on the way may be down. Try again in a "
                              "moment.")),
                {},
                httpStatus,
                serverMessage};
    case 503:
        return {ErrorKind::ServerError,
                withServer(tr("The server is busy. Try again in a moment.")),
                {},
                httpStatus,
                serverMessage};
    case 504:
        return {ErrorKind::ServerError,
                withServer(tr("A gateway between this computer and the server gave up waiting for it (HTTP "
                              "504). The service may be slow or down. Try again in a moment.")),
                {},
                httpStatus,
                serverMessage};
    default:
        break;
    }
    if (httpStatus >= 500)
        return {ErrorKind::ServerError,
                withServer(tr("The server had a problem (HTTP %1). Try again later.").arg(httpStatus)),
                {},
                httpStatus,
                serverMessage};
    return {ErrorKind::ServerError,
            withServer(tr("The server answered with an unexpected status (HTTP %1).").arg(httpStatus)),
            {},
            httpStatus,
            serverMessage};
}

} // namespace CaseLens
