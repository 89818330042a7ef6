#include "core/hostport.h"

namespace CaseLens {

QString displayHost(const QString &host)
{
    // Only IPv6 addresses contain colons (QUrl::host() gives them without
    // brackets); names and IPv4 addresses never do.
    if (host.contains(u':') && !host.startsWith(u'['))
        return u'[' + host + u']';
    return host;
}

QString hostAndPort(const QString &host, int port)
{
    if (port <= 0)
        return displayHost(host);
    return displayHost(host) + u':' + QString::number(port);
}

QString hostAndPort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    return hostAndPort(url.host(), url.port(defaultPort));
}

} // namespace CaseLens
