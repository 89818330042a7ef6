#include "core/proxyauth.h"

#include "core/credentialstore.h"
#include "core/logging.h"
#include "core/proxyconfig.h"

#include <QAuthenticator>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace CaseLens {

namespace {

// lupdate files the messages under ApiClient: they end up in its errors.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::ApiClient)
};

// One keychain entry holds both halves, so they never drift apart.
QString encode(const ProxyCredentials &credentials)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("user"), credentials.user},
                                                       {QStringLiteral("password"), credentials.password}})
                                 .toJson(QJsonDocument::Compact));
}

std::optional<ProxyCredentials> decode(const QString &secret)
{
    const QJsonObject object = QJsonDocument::fromJson(secret.toUtf8()).object();
    const QString user = object.value(QStringLiteral("user")).toString();
    if (user.isEmpty())
        return std::nullopt;
    return ProxyCredentials{user, object.value(QStringLiteral("password")).toString(), true};
}

} // namespace

ProxyAuthenticator::ProxyAuthenticator(QNetworkAccessManager *network, CredentialStore *store,
                                       QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    Q_ASSERT(network);
    connect(network, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            &ProxyAuthenticator::onRequired);
}

ProxyAuthenticator::~ProxyAuthenticator() = default;

bool ProxyAuthenticator::credentialsSent(const QNetworkProxy &proxy) const
{
    return m_sent.contains(proxyAddress(proxy)) || !proxy.user().isEmpty();
}

Error ProxyAuthenticator::authenticationError(const QNetworkProxy &proxy, const QString &detail) const
{
    return authenticationError(proxyAddress(proxy), credentialsSent(proxy), canAsk(), detail);
}

Error ProxyAuthenticator::authenticationError(const QString &address, bool credentialsSent, bool interactive,
                                              const QString &detail)
{
    if (credentialsSent)
        return {ErrorKind::Network,
                interactive
                    ? Tr::tr("The proxy at %1 rejected the user name or password. Try again and enter "
                             "the right ones, or ask IT for them.")
                          .arg(address)
                    : Tr::tr("The proxy at %1 rejected the user name or password. Correct them in "
                             "https_proxy (http://user:password@host:port) or save them again in "
                             "CaseLens (Settings → Network).")
                          .arg(address),
                detail};
    return {ErrorKind::Network,
            interactive
                ? Tr::tr("The proxy at %1 needs a user name and password. Try again and enter them when "
                         "CaseLens asks.")
                      .arg(address)
                : Tr::tr("The proxy at %1 needs a user name and password. Put them in https_proxy "
                         "(http://user:password@host:port) or save them once in CaseLens (Settings → "
                         "Network).")
                      .arg(address),
            detail};
}

void ProxyAuthenticator::onRequired(const QNetworkProxy &proxy, QAuthenticator *authenticator)
{
    const QString address = proxyAddress(proxy);
    const bool rejected = credentialsSent(proxy);
    qCInfo(lcNet).noquote() << "proxy" << address
                            << (rejected ? "rejected the credentials" : "asks for credentials");

    std::optional<ProxyCredentials> answer;
    if (!rejected) {
        answer = readStored(address);
        if (answer)
            m_sent.insert(address, true);
    } else if (m_sent.value(address) && canAsk()) {
        forget(address); // the kept pair is wrong; the agent enters a new one now
    }
    const auto declined = m_declined.constFind(address);
    const bool quiet = declined != m_declined.cend() && !declined->hasExpired(DeclineQuiet.count());
    if (!answer && canAsk() && !quiet) {
        answer = m_ask(address, rejected);
        if (!answer)
            m_declined[address].start();
        if (answer) {
            m_sent.insert(address, false);
            if (answer->remember)
                store(address, *answer);
        }
    }
    if (!answer || answer->user.isEmpty())
        return; // Qt fails the request with ProxyAuthenticationRequiredError
    authenticator->setUser(answer->user);
    authenticator->setPassword(answer->password);
}

std::optional<ProxyCredentials> ProxyAuthenticator::readStored(const QString &address)
{
    if (!m_store)
        return std::nullopt;
    std::optional<ProxyCredentials> found;
    QEventLoop loop;
    // The store answers later from the event loop, within its timeout.
    m_store->readEntry(CredentialStore::accountForProxy(address), [&](const CredentialResult &result) {
        if (result.found)
            found = decode(result.key);
        loop.quit();
    });
    loop.exec();
    return found;
}

void ProxyAuthenticator::store(const QString &address, const ProxyCredentials &credentials)
{
    if (!m_store)
        return;
    m_store->writeEntry(CredentialStore::accountForProxy(address), encode(credentials),
                        [this](const CredentialResult &result) {
                            if (result.error.isError())
                                Q_EMIT keychainFailed(result.error);
                        });
}

void ProxyAuthenticator::forget(const QString &address)
{
    if (!m_store)
        return;
    m_store->removeEntry(CredentialStore::accountForProxy(address), [this](const CredentialResult &result) {
        if (result.error.isError())
            Q_EMIT keychainFailed(result.error);
    });
}

} // namespace CaseLens
