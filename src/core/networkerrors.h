#pragma once

#include "core/error.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace CaseLens {

class ProxyAuthenticator;

// A request that failed below HTTP, as QNetworkReply reported it.
struct NetworkFailure
{
    int code = 0;        // QNetworkReply::NetworkError
    QString errorString; // Qt's words (the Error's detail)
    QUrl url;            // where the request went
    bool isWrite = false;
    QList<QSslError> sslErrors;       // what the TLS handshake complained of
    QList<QSslCertificate> peerChain; // what the server presented
};

// Turns Qt's network failures into Errors a person understands, naming the
// server or the proxy in the way and the next step. Whether a write may have
// been made is said whenever the connection broke after it was sent.
class NetworkErrors final
{
public:
    // proxyAuth (optional) tells "credentials required" from "rejected".
    NetworkErrors(const QNetworkAccessManager &network, const ProxyAuthenticator *proxyAuth);

    [[nodiscard]] Error fromFailure(const NetworkFailure &failure) const;

    // A tunnel through a proxy fails inside Qt's socket engine, reported as
    // UnknownNetworkError: the proxy error its sentence names.
    [[nodiscard]] static int tunnelError(const QString &errorString, bool credentialsSent);

private:
    // Qt's proxy errors (101-199), naming the proxy and the next step.
    [[nodiscard]] Error proxyError(const NetworkFailure &failure, int code) const;

    const QNetworkAccessManager &m_network;
    const ProxyAuthenticator *m_proxyAuth;
};

} // namespace CaseLens
