#pragma once

#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace CaseLens {

// How CaseLens reaches the server: through the system's proxy settings (the
// default: environment variables, the desktop's settings and PAC through
// libproxy on Linux), directly, or through a proxy the agent names.
enum class ProxyMode { System, None, Manual };
enum class ProxyType { Http, Socks5 };

struct ProxyConfig
{
    ProxyMode mode = ProxyMode::System;
    ProxyType type = ProxyType::Http; // Manual only
    QString host;                     // Manual only
    int port = 0;                     // Manual only

    // A manual proxy needs a host and a port; the other modes need nothing.
    [[nodiscard]] bool isComplete() const;

    friend bool operator==(const ProxyConfig &, const ProxyConfig &) = default;
};

// The proxy a manager should be given for config: DefaultProxy for System
// (Qt then asks the system configuration), NoProxy, or the manual proxy.
// An incomplete manual proxy means no proxy rather than a broken one.
[[nodiscard]] QNetworkProxy networkProxyFor(const ProxyConfig &config);

// Applies config to network (its setProxy; the application uses the system
// configuration, see startup).
void applyProxy(QNetworkAccessManager &network, const ProxyConfig &config);

// "host:port" of a proxy, IPv6 in brackets ("[::1]:3128"), by hostAndPort
// (core/hostport.h), as every address in a message.
[[nodiscard]] QString proxyAddress(const QNetworkProxy &proxy);

// The proxy network uses for url, as Qt decides it: the manager's factory,
// its own proxy, or the application's (system) one. NoProxy when none.
[[nodiscard]] QNetworkProxy proxyInUse(const QNetworkAccessManager &network, const QUrl &url);

// The proxy the environment names for url, as curl reads it: https_proxy
// (or HTTPS_PROXY) for https, http_proxy for http, else all_proxy; none
// when no_proxy lists the host ("*", a host or a domain suffix). A proxy
// URL may carry a user name and password (http://user:pass@host:port);
// socks5:// and socks5h:// give a SOCKS5 proxy.
[[nodiscard]] std::optional<QNetworkProxy> proxyFromEnvironment(const QProcessEnvironment &environment,
                                                                const QUrl &url);

} // namespace CaseLens
