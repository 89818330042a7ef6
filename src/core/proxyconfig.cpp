#include "core/proxyconfig.h"

#include "core/hostport.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QStringList>

namespace CaseLens {

bool ProxyConfig::isComplete() const
{
    return mode != ProxyMode::Manual || (!host.trimmed().isEmpty() && port > 0 && port <= 65535);
}

QNetworkProxy networkProxyFor(const ProxyConfig &config)
{
    switch (config.mode) {
    case ProxyMode::System:
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    case ProxyMode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case ProxyMode::Manual:
        break;
    }
    if (!config.isComplete())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return QNetworkProxy(config.type == ProxyType::Socks5 ? QNetworkProxy::Socks5Proxy
                                                          : QNetworkProxy::HttpProxy,
                         config.host.trimmed(), quint16(config.port));
}

void applyProxy(QNetworkAccessManager &network, const ProxyConfig &config)
{
    network.setProxy(networkProxyFor(config));
}

QString proxyAddress(const QNetworkProxy &proxy)
{
    return hostAndPort(proxy.hostName(), proxy.port());
}

QNetworkProxy proxyInUse(const QNetworkAccessManager &network, const QUrl &url)
{
    const QNetworkProxyQuery query(url);
    QList<QNetworkProxy> proxies;
    if (QNetworkProxyFactory *factory = network.proxyFactory())
        proxies = factory->queryProxy(query);
    else if (network.proxy().type() != QNetworkProxy::DefaultProxy)
        proxies << network.proxy();
    else
        proxies = QNetworkProxyFactory::proxyForQuery(query);
    return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.constFirst();
}

namespace {

bool bypassed(const QProcessEnvironment &environment, const QString &host)
{
    QString list = environment.value(QStringLiteral("no_proxy"));
    if (list.isEmpty())
        list = environment.value(QStringLiteral("NO_PROXY"));
    const QString lowerHost = host.toLower();
    const QStringList entries = list.split(u',', Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.trimmed().toLower();
        if (entry == u"*")
            return true;
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (!entry.isEmpty() && (lowerHost == entry || lowerHost.endsWith(u'.' + entry)))
            return true;
    }
    return false;
}

QString firstSet(const QProcessEnvironment &environment, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString value = environment.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

} // namespace

std::optional<QNetworkProxy> proxyFromEnvironment(const QProcessEnvironment &environment, const QUrl &url)
{
    const bool https = url.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
    QString value =
        https ? firstSet(environment, {"https_proxy", "HTTPS_PROXY"}) : firstSet(environment, {"http_proxy"});
    if (value.isEmpty())
        value = firstSet(environment, {"all_proxy", "ALL_PROXY"});
    if (value.isEmpty() || bypassed(environment, url.host()))
        return std::nullopt;
    if (!value.contains(QStringLiteral("://")))
        value.prepend(QStringLiteral("http://"));
    const QUrl proxyUrl(value, QUrl::TolerantMode);
    if (!proxyUrl.isValid() || proxyUrl.host().isEmpty())
        return std::nullopt;
    const QString scheme = proxyUrl.scheme().toLower();
    const bool socks = scheme.startsWith(QStringLiteral("socks"));
    if (!socks && scheme != u"http")
        return std::nullopt; // https:// proxies and others: left to the system configuration
    return QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxyUrl.host(),
                         quint16(proxyUrl.port(socks ? 1080 : 80)), proxyUrl.userName(QUrl::FullyDecoded),
                         proxyUrl.password(QUrl::FullyDecoded));
}

} // namespace CaseLens
