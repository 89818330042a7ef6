#pragma once

#include "core/clientsettings.h"
#include "core/serverresolution.h"

#include <QObject>
#include <QString>
#include <QUrl>

namespace CaseLens {

class AccountStatus;
class ApiClient;
class ApiKeyProvider;
class CredentialStore;
class ProxyAuthenticator;

// The controller between the agent's configuration and the client, without
// widgets: it owns the policy that windows used to carry. It applies the
// configured server, timeout and key to the ApiClient it is given, switches
// to a demo server and back, and applies (and persists) what the Settings
// dialog returns. Windows call it and observe its signals; nothing else
// calls ApiClient::setBaseUrl/setApiKey/setTimeout in the app.
//
// The client and the key provider are injected and outlive the session. The
// server the client has when the session is made counts as configured, so a
// test can point a client at its own server first.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    Session(ApiClient *client, ApiKeyProvider *keys, QObject *parent = nullptr);
    ~Session() override;

    [[nodiscard]] ApiClient *client() const { return m_client; }
    [[nodiscard]] ApiKeyProvider *keys() const { return m_keys; }
    // Who the key in use belongs to, and the plan's usage. Forgotten when the
    // key or the server changes; refreshAccount() reads it (the window does
    // so when a key is found, a test when it wants to).
    [[nodiscard]] AccountStatus *account() const { return m_account; }
    // Answers proxies' demands for credentials on the client's network (the
    // keychain first; the window sets who asks the agent).
    [[nodiscard]] ProxyAuthenticator *proxyAuthenticator() const { return m_proxyAuth; }
    void refreshAccount();

    // Start-up: the server from the command line or CASELENS_BASE_URL when
    // one was given (already validated, see resolveServer), else the saved
    // one, else the default; the saved timeout; the key provider follows the
    // server (one keychain entry per server); the saved company certificate and proxy
    // (read with the first https request). Returned so that the caller can
    // warn about a saved server that was skipped (ignoredSaved).
    ResolvedServer start(const QUrl &serverOverride = {});

    // The configured server: the client's, or the one restored when demo
    // mode ends.
    [[nodiscard]] QUrl serverUrl() const;
    [[nodiscard]] int timeoutSeconds() const;
    // What the Settings dialog starts from.
    [[nodiscard]] SettingsValues values() const;
    // What the Settings dialog returned. Only what changed is saved: a URL
    // given on the command line for this run is not written to the settings
    // by accident. A new server also selects its keychain entry. The company
    // certificate (ClientSettings::caFile, saved by Settings → Network) is
    // applied again.
    void apply(const SettingsValues &values);

    // Demo mode: the client talks to url with key (an in-app server) until
    // leaveDemo() restores the configured server and the agent's key. A real
    // key arriving meanwhile ends the demo (the agent wants their own
    // tickets now).
    void enterDemo(const QUrl &url, const QString &key);
    void leaveDemo();
    [[nodiscard]] bool isDemo() const { return m_demo; }

    // The key the client uses now (the demo key in demo mode).
    [[nodiscard]] QString apiKey() const;

Q_SIGNALS:
    // The client's key changed (after it was applied): requests that failed
    // for want of a good key may be retried.
    void keyChanged();
    void demoChanged(bool demo);
    // The configured server changed (Settings).
    void serverChanged(const QUrl &url);
    // Saved by apply(): the window applies them at once.
    void languageChanged(const QString &language);
    void appearanceChanged(const QString &appearance);
    // apply() finished: what it saved is in values() (the window's parts
    // that follow settings, such as watching, read it there).
    void settingsApplied();

private:
    void onKeysChanged();
    void applyKey();

    ApiClient *m_client;
    ApiKeyProvider *m_keys;
    AccountStatus *m_account;         // a child
    CredentialStore *m_proxyKeychain; // a child
    ProxyAuthenticator *m_proxyAuth;  // a child
    ProxyConfig m_proxy;              // configured (demo mode talks to this computer directly)
    QString m_appliedKey;             // what the account was read for
    QUrl m_appliedServer;
    bool m_demo = false;
    QUrl m_configuredServer; // while in demo mode: restored by leaveDemo()
    QString m_demoKey;
};

} // namespace CaseLens
