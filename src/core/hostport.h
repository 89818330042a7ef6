#pragma once

#include <QString>
#include <QUrl>

namespace CaseLens {

// How every message names a host and port: "api.example.com:443",
// "127.0.0.1:8080", and IPv6 addresses in brackets ("[::1]:8080"), as in a
// URL. Without the brackets "::1:8080" reads as an address without a port.
// One function, so that the client, the proxy and certificate messages and
// the CLI print an address the same way.
[[nodiscard]] QString hostAndPort(const QString &host, int port);

// The URL's host and port; without a port in the URL, the scheme's default
// (443 for https, 80 for http), so that IT reads which port was asked for.
[[nodiscard]] QString hostAndPort(const QUrl &url);

// The host alone, bracketed when it is an IPv6 address.
[[nodiscard]] QString displayHost(const QString &host);

} // namespace CaseLens
