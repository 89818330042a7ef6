#include "core/session.h"

#include "core/accountstatus.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/credentialstore.h"
#include "core/proxyauth.h"

#include <chrono>

namespace CaseLens {

Session::Session(ApiClient *client, ApiKeyProvider *keys, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_keys(keys)
    , m_account(new AccountStatus(client, this))
    , m_proxyKeychain(new CredentialStore(this))
    , m_proxyAuth(new ProxyAuthenticator(client->network(), m_proxyKeychain, this))
{
    Q_ASSERT(client && keys);
    m_client->setProxyAuthenticator(m_proxyAuth);
    connect(m_keys, &ApiKeyProvider::keyChanged, this, &Session::onKeysChanged);
    applyKey();
}

Session::~Session() = default;

ResolvedServer Session::start(const QUrl &serverOverride)
{
    const ClientSettings settings;
    m_client->setTimeout(std::chrono::seconds(settings.timeoutSeconds()));
    // Only the path: the file is read with the first https request, after
    // the window is painted.
    m_client->setCaFile(settings.caFile());
    m_proxy = settings.proxy();
    if (!m_demo)
        applyProxy(*m_client->network(), m_proxy);
    // The override was resolved (flag, then environment) and validated by
    // the command line; here the same rule adds the saved setting.
    const ResolvedServer server =
        resolveServer(serverOverride.toString(), QProcessEnvironment(), settings.serverUrl());
    if (server.ok()) {
        if (m_demo)
            m_configuredServer = server.url;
        else
            m_client->setBaseUrl(server.url);
    }
    m_keys->setServer(serverUrl());
    return server;
}

QUrl Session::serverUrl() const
{
    return m_demo ? m_configuredServer : m_client->baseUrl();
}

int Session::timeoutSeconds() const
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(m_client->timeout()).count());
}

SettingsValues Session::values() const
{
    const ClientSettings settings;
    SettingsValues values{serverUrl(),
                          timeoutSeconds(),
                          settings.language(),
                          m_proxy,
                          settings.caFile(),
                          settings.watchIntervalMinutes(),
                          settings.notifications()};
    values.appearance = settings.appearance();
    return values;
}

void Session::apply(const SettingsValues &chosen)
{
    const SettingsValues current = values();
    ClientSettings settings;
    if (chosen.serverUrl != current.serverUrl) {
        // The dialog validates as the client does; a refused URL changes nothing.
        if (ApiClient::validateBaseUrl(chosen.serverUrl).isError())
            return;
        settings.setServerUrl(chosen.serverUrl);
        if (m_demo)
            m_configuredServer = chosen.serverUrl;
        else
            m_client->setBaseUrl(chosen.serverUrl);
        // One keychain entry per server: read the one for the new server.
        m_keys->setServer(chosen.serverUrl);
        Q_EMIT serverChanged(chosen.serverUrl);
    }
    if (chosen.timeoutSeconds != current.timeoutSeconds) {
        settings.setTimeoutSeconds(chosen.timeoutSeconds);
        m_client->setTimeout(std::chrono::seconds(settings.timeoutSeconds())); // clamped
    }
    if (chosen.language != current.language) {
        settings.setLanguage(chosen.language);
        Q_EMIT languageChanged(chosen.language);
    }
    if (chosen.appearance != current.appearance) {
        settings.setAppearance(chosen.appearance);
        Q_EMIT appearanceChanged(chosen.appearance);
    }
    if (chosen.proxy != current.proxy) {
        settings.setProxy(chosen.proxy);
        m_proxy = chosen.proxy;
        if (!m_demo)
            applyProxy(*m_client->network(), m_proxy);
    }
    if (chosen.caFile != current.caFile)
        settings.setCaFile(chosen.caFile);
    // Watching: only saved here; the window hands them to its watcher and notifier.
    if (chosen.watchIntervalMinutes != current.watchIntervalMinutes)
        settings.setWatchIntervalMinutes(chosen.watchIntervalMinutes);
    if (chosen.notifications != current.notifications)
        settings.setNotifications(chosen.notifications);
    m_client->setCaFile(settings.caFile());
    Q_EMIT settingsApplied();
}

void Session::enterDemo(const QUrl &url, const QString &key)
{
    if (!m_demo)
        m_configuredServer = m_client->baseUrl();
    m_demo = true;
    m_demoKey = key;
    m_client->setBaseUrl(url);
    // The demo server is on this computer: no proxy between.
    applyProxy(*m_client->network(), ProxyConfig{ProxyMode::None, {}, {}, 0});
    applyKey();
    Q_EMIT demoChanged(true);
}

void Session::leaveDemo()
{
    if (!m_demo)
        return;
    m_demo = false;
    m_demoKey.clear();
    m_client->setBaseUrl(m_configuredServer);
    m_configuredServer.clear();
    applyProxy(*m_client->network(), m_proxy);
    applyKey();
    Q_EMIT demoChanged(false);
}

QString Session::apiKey() const
{
    return m_demo ? m_demoKey : m_keys->key();
}

void Session::applyKey()
{
    m_client->setApiKey(apiKey());
    // Another key (or the demo's) belongs to someone else, with another plan.
    if (apiKey() != m_appliedKey || m_client->baseUrl() != m_appliedServer) {
        m_appliedKey = apiKey();
        m_appliedServer = m_client->baseUrl();
        m_account->clear();
    }
}

void Session::refreshAccount()
{
    if (apiKey().isEmpty())
        m_account->clear();
    else
        m_account->refresh(Lane::Background);
}

void Session::onKeysChanged()
{
    if (m_demo && m_keys->hasKey())
        leaveDemo(); // applies the new key
    else
        applyKey();
    Q_EMIT keyChanged();
}

} // namespace CaseLens
