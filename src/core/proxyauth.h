#pragma once

#include "core/error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkProxy>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QAuthenticator;
class QNetworkAccessManager;

namespace CaseLens {

class CredentialStore;

// A user name and password for one proxy, and whether the agent asked to
// keep them in the system keychain.
struct ProxyCredentials
{
    QString user;
    QString password;
    bool remember = false;
};

// Answers a proxy's demand for credentials on one network manager, by one
// policy for the app and the CLI:
//  1. credentials kept in the keychain for that proxy (host:port) are sent
//     first, without asking;
//  2. otherwise the ask function (the window's dialog) is called; the CLI has
//     none, so its request fails and the error says where to put them;
//  3. Qt reports "required" and "rejected" alike, so a second demand after
//     credentials were sent means they were rejected: the ask function is
//     told so, and a kept pair that was rejected is forgotten (when there is
//     someone to ask for a new one);
//  4. when the agent declines, the requests already on their way fail
//     without asking again (for DeclineQuiet), not one dialog per request.
// "Remember" writes the pair to the keychain, never to a file.
//
// Qt calls in while the request waits (its HTTP thread is blocked on us):
// the credentials must be filled in before the slot returns, so reading the
// keychain and asking both run a local event loop.
class ProxyAuthenticator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyAuthenticator)

public:
    // proxy: "host:port" as messages show it; rejected: the last pair sent
    // was refused. nullopt: the agent declined.
    using Ask = std::function<std::optional<ProxyCredentials>(const QString &proxy, bool rejected)>;

    // store: the keychain (null: keep nothing, read nothing).
    static constexpr std::chrono::milliseconds DeclineQuiet{10000};

    ProxyAuthenticator(QNetworkAccessManager *network, CredentialStore *store, QObject *parent = nullptr);
    ~ProxyAuthenticator() override;

    void setAsk(Ask ask) { m_ask = std::move(ask); }
    [[nodiscard]] bool canAsk() const { return bool(m_ask); }

    // Were credentials sent to proxy (by us, or from the proxy's own
    // settings such as https_proxy=http://user:pass@host:port)?
    [[nodiscard]] bool credentialsSent(const QNetworkProxy &proxy) const;

    // The error for a request the proxy refused for want of (good)
    // credentials, with the next step for the app or the CLI.
    [[nodiscard]] Error authenticationError(const QNetworkProxy &proxy, const QString &detail) const;
    // The same for a proxy at address; interactive: the app (it asks), else
    // the CLI (it says where to put them).
    [[nodiscard]] static Error authenticationError(const QString &address, bool credentialsSent,
                                                   bool interactive, const QString &detail);

Q_SIGNALS:
    // Saving or forgetting a pair in the keychain failed (the request goes on).
    void keychainFailed(const CaseLens::Error &error);

private:
    void onRequired(const QNetworkProxy &proxy, QAuthenticator *authenticator);
    [[nodiscard]] std::optional<ProxyCredentials> readStored(const QString &address);
    void store(const QString &address, const ProxyCredentials &credentials);
    void forget(const QString &address);

    CredentialStore *m_store;
    Ask m_ask;
    QHash<QString, bool> m_sent;              // by "host:port": true when the pair came from the keychain
    QHash<QString, QElapsedTimer> m_declined; // by "host:port": since the agent last declined
};

} // namespace CaseLens
