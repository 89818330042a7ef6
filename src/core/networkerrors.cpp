#include "core/networkerrors.h"

#include "core/certificatereport.h"
#include "core/hostport.h"
#include "core/proxyauth.h"
#include "core/proxyconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

namespace CaseLens {

namespace {

// The messages keep the context they were translated under.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::ApiClient)
};

} // namespace

NetworkErrors::NetworkErrors(const QNetworkAccessManager &network, const ProxyAuthenticator *proxyAuth)
    : m_network(network)
    , m_proxyAuth(proxyAuth)
{}

Error NetworkErrors::fromFailure(const NetworkFailure &failure) const
{
    const int code = failure.code;
    const QString &errorString = failure.errorString;
    const QUrl &url = failure.url;
    const QString where = hostAndPort(url);
    // Plain http through an HTTP proxy is not tunnelled: Qt's connection is
    // to the proxy itself, and reports the proxy's failures as the server's.
    if (url.scheme() == u"http" && proxyInUse(m_network, url).type() == QNetworkProxy::HttpProxy) {
        if (code == QNetworkReply::ConnectionRefusedError)
            return proxyError(failure, QNetworkReply::ProxyConnectionRefusedError);
        if (code == QNetworkReply::RemoteHostClosedError)
            return proxyError(failure, QNetworkReply::ProxyConnectionClosedError);
        if (code == QNetworkReply::HostNotFoundError)
            return proxyError(failure, QNetworkReply::ProxyNotFoundError);
    }
    switch (QNetworkReply::NetworkError(code)) {
    case QNetworkReply::ConnectionRefusedError:
        return {ErrorKind::Network,
                Tr::tr("Could not connect to the server at %1 (connection refused). Check the server URL and "
                       "your connection.")
                    .arg(where),
                errorString};
    case QNetworkReply::HostNotFoundError:
        return {ErrorKind::Network,
                Tr::tr("The server %1 could not be found. Check your internet connection.")
                    .arg(displayHost(url.host())),
                errorString};
    case QNetworkReply::TimeoutError:
        return {ErrorKind::Timeout,
                Tr::tr("The server did not answer in time. Check your connection and try again."),
                errorString};
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        if (failure.sslErrors.isEmpty())
            return handshakeError(url, errorString);
        return certificateError(
            CertificateReport::make(failure.sslErrors, failure.peerChain, url, QDateTime::currentDateTime()),
            errorString);
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        // Whether the server got (and acted on) the request is unknown.
        return Error::connectionLost(
            failure.isWrite
                ? Tr::tr(
                      "The connection to the server broke before its answer arrived. The change may or may "
                      "not have been made.")
                : Tr::tr("The server closed the connection before its answer was complete. Try again."),
            errorString);
    case QNetworkReply::ContentReSendError:
        // Qt wanted to send a write a second time; it was not allowed to.
        return Error::connectionLost(
            Tr::tr("The connection to the server broke before its answer arrived. The "
                   "change may or may not have been made."),
            errorString);
    default:
        break;
    }
    if (code >= QNetworkReply::ProxyConnectionRefusedError && code <= QNetworkReply::UnknownProxyError)
        return proxyError(failure, code);
    if (code == QNetworkReply::UnknownNetworkError) {
        const QNetworkProxy proxy = proxyInUse(m_network, url);
        if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy) {
            const bool credentialsSent =
                m_proxyAuth ? m_proxyAuth->credentialsSent(proxy) : !proxy.user().isEmpty();
            return proxyError(failure, tunnelError(errorString, credentialsSent));
        }
    }
    return {ErrorKind::Network,
            Tr::tr("A network error stopped the request. Check your connection and try again."), errorString};
}

// A tunnel through a proxy (https through an HTTP proxy's CONNECT, or
// SOCKS5) fails inside Qt's socket engine, and QNetworkReply reports all of
// it as UnknownNetworkError: only the engine's sentence says what happened.
// Matched in English and in the language Qt's own messages are shown in
// (the text given may carry a prefix with Qt's error code).
int NetworkErrors::tunnelError(const QString &errorString, bool credentialsSent)
{
    struct Known
    {
        const char *context;
        const char *text;
        QNetworkReply::NetworkError code;
    };
    static constexpr Known known[] = {
        {"QHttpSocketEngine", "Proxy connection refused", QNetworkReply::ProxyConnectionRefusedError},
        {"QSocks5SocketEngine", "Connection to proxy refused", QNetworkReply::ProxyConnectionRefusedError},
        {"QHttpSocketEngine", "Proxy connection closed prematurely",
         QNetworkReply::ProxyConnectionClosedError},
        {"QSocks5SocketEngine", "Connection to proxy closed prematurely",
         QNetworkReply::ProxyConnectionClosedError},
        {"QHttpSocketEngine", "Proxy server not found", QNetworkReply::ProxyNotFoundError},
        {"QSocks5SocketEngine", "Proxy host not found", QNetworkReply::ProxyNotFoundError},
        {"QHttpSocketEngine", "Proxy server connection timed out", QNetworkReply::ProxyTimeoutError},
        {"QSocks5SocketEngine", "Connection to proxy timed out", QNetworkReply::ProxyTimeoutError},
        {"QSocks5SocketEngine", "Proxy authentication failed",
         QNetworkReply::ProxyAuthenticationRequiredError},
    };
    for (const Known &k : known) {
        if (errorString.contains(QLatin1String(k.text)) ||
            errorString.contains(QCoreApplication::translate(k.context, k.text)))
            return k.code;
    }
    // A proxy that refuses a tunnel after credentials were sent (some answer
    // 401 or 403 instead of another 407) rejected them; anything else is the
    // proxy's failure, named as such.
    return credentialsSent ? QNetworkReply::ProxyAuthenticationRequiredError
                           : QNetworkReply::UnknownProxyError;
}

Error NetworkErrors::proxyError(const NetworkFailure &failure, int code) const
{
    const QString &errorString = failure.errorString;
    const QUrl &url = failure.url;
    const QNetworkProxy proxy = proxyInUse(m_network, url);
    const QString where = proxyAddress(proxy);
    switch (QNetworkReply::NetworkError(code)) {
    case QNetworkReply::ProxyConnectionRefusedError:
        return {
            ErrorKind::Network,
            Tr::tr("Could not connect to the proxy at %1 (connection refused). Check the proxy in Settings "
                   "→ Network or in the system settings, or ask IT whether the proxy is running.")
                .arg(where),
            errorString};
    case QNetworkReply::ProxyConnectionClosedError:
        // As with the server: whether the request got through is unknown.
        return Error::connectionLost(
            failure.isWrite
                ? Tr::tr("The proxy at %1 closed the connection before the server's answer arrived. "
                         "The change may or may not have been made.")
                      .arg(where)
                : Tr::tr("The proxy at %1 closed the connection before the server's answer was "
                         "complete. Try again; if it keeps happening, ask IT about the proxy.")
                      .arg(where),
            errorString);
    case QNetworkReply::ProxyNotFoundError:
        return {
            ErrorKind::Network,
            Tr::tr("The proxy %1 could not be found. Check its name in Settings → Network or in the system "
                   "settings.")
                .arg(where),
            errorString};
    case QNetworkReply::ProxyTimeoutError:
        return {ErrorKind::Timeout,
                Tr::tr("The proxy at %1 did not answer in time. Check your connection, or ask IT about the "
                       "proxy.")
                    .arg(where),
                errorString};
    case QNetworkReply::ProxyAuthenticationRequiredError:
        if (m_proxyAuth)
            return m_proxyAuth->authenticationError(proxy, errorString);
        return ProxyAuthenticator::authenticationError(where, !proxy.user().isEmpty(), false, errorString);
    default:
        break;
    }
    return {ErrorKind::Network,
            Tr::tr("The proxy at %1 failed the connection. Check the proxy in Settings → Network or in the "
                   "system settings.")
                .arg(where),
            errorString};
}

} // namespace CaseLens
