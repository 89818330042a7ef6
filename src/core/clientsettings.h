#pragma once

#include "core/proxyconfig.h"

#include <QSettings>
#include <QString>
#include <QUrl>

namespace CaseLens {

// What the Settings dialog edits besides the key; the Session applies it.
struct SettingsValues
{
    QUrl serverUrl;
    int timeoutSeconds = 30;
    QString language; // "system", "en", ...
    ProxyConfig proxy{};
    QString caFile{}; // empty: the system's CAs only
    // Settings → Watching (issue 14): how often open tickets are refreshed
    // in the background, in minutes (0: off), and desktop notifications.
    int watchIntervalMinutes = 5;
    bool notifications = true;
    QString appearance{QStringLiteral("system")}; // "system", "light", "dark"

    friend bool operator==(const SettingsValues &, const SettingsValues &) = default;
};

// Typed access to the client settings kept in QSettings: server, timeout,
// language, proxy, company certificate. The API key is not here on purpose: it never goes to a settings
// file (see ApiKeyProvider). Window state and recent cases stay in the app
// (Gui::AppSettings).
class ClientSettings final
{
    Q_DISABLE_COPY_MOVE(ClientSettings)

public:
    // Whose settings file: this program's, or the app's when another
    // program (caselens-cli) reads what the agent chose in the app.
    enum class Owner { ThisProgram, App };
    explicit ClientSettings(Owner owner = Owner::ThisProgram);

    static constexpr int DefaultTimeoutSeconds = 30;
    static constexpr int MinTimeoutSeconds = 1;
    static constexpr int MaxTimeoutSeconds = 600;

    // Empty when nothing was saved: use the default.
    [[nodiscard]] QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);

    [[nodiscard]] int timeoutSeconds() const;
    void setTimeoutSeconds(int seconds);

    // The company CA file (PEM) trusted besides the system's CAs; empty: none.
    // Settings → Network stores it; the Session applies it.
    [[nodiscard]] QString caFile() const;
    void setCaFile(const QString &path);

    // "system" or a language code such as "en"; applied at start.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);

    // "system" (the desktop's look), "light" or "dark"; applied at once.
    [[nodiscard]] QString appearance() const;
    void setAppearance(const QString &appearance);

    // Settings → Network: how to reach the server (the system's proxy unless
    // the agent chose otherwise). Never credentials: those go to the keychain.
    [[nodiscard]] ProxyConfig proxy() const;
    void setProxy(const ProxyConfig &proxy);

    // Settings → Watching: the background refresh's interval in minutes,
    // 0 for off, else 1 to 60 (5 when nothing or nonsense was saved); and
    // whether changes found are announced on the desktop.
    static constexpr int DefaultWatchIntervalMinutes = 5;
    static constexpr int MaxWatchIntervalMinutes = 60;
    [[nodiscard]] int watchIntervalMinutes() const;
    void setWatchIntervalMinutes(int minutes);
    [[nodiscard]] bool notifications() const;
    void setNotifications(bool on);

private:
    QSettings m_settings;
};

} // namespace CaseLens
