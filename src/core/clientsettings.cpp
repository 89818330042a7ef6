#include "core/clientsettings.h"

#include "core/settingskeys.h"

#include <algorithm>

namespace CaseLens {

// The app's names as src/app/startup.cpp sets them.
ClientSettings::ClientSettings(Owner owner)
    : m_settings(owner == Owner::App ? QSettings(QSettings::defaultFormat(), QSettings::UserScope,
                                                 QStringLiteral("CaseLens"), QStringLiteral("CaseLens"))
                                     : QSettings())
{}

QUrl ClientSettings::serverUrl() const
{
    return QUrl(m_settings.value(SettingsKeys::ServerUrl).toString(), QUrl::StrictMode);
}

void ClientSettings::setServerUrl(const QUrl &url)
{
    m_settings.setValue(SettingsKeys::ServerUrl, url.toString());
}

int ClientSettings::timeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(SettingsKeys::TimeoutSeconds, DefaultTimeoutSeconds).toInt(&ok);
    return ok ? std::clamp(seconds, MinTimeoutSeconds, MaxTimeoutSeconds) : DefaultTimeoutSeconds;
}

void ClientSettings::setTimeoutSeconds(int seconds)
{
    m_settings.setValue(SettingsKeys::TimeoutSeconds,
                        std::clamp(seconds, MinTimeoutSeconds, MaxTimeoutSeconds));
}

QString ClientSettings::caFile() const
{
    return m_settings.value(SettingsKeys::CaFile).toString();
}

void ClientSettings::setCaFile(const QString &path)
{
    if (path.isEmpty())
        m_settings.remove(SettingsKeys::CaFile);
    else
        m_settings.setValue(SettingsKeys::CaFile, path);
}

QString ClientSettings::language() const
{
    const QString language = m_settings.value(SettingsKeys::Language).toString();
    return language.isEmpty() ? QStringLiteral("system") : language;
}

void ClientSettings::setLanguage(const QString &language)
{
    m_settings.setValue(SettingsKeys::Language, language);
}

QString ClientSettings::appearance() const
{
    const QString appearance = m_settings.value(SettingsKeys::Appearance).toString();
    return appearance == u"light" || appearance == u"dark" ? appearance : QStringLiteral("system");
}

void ClientSettings::setAppearance(const QString &appearance)
{
    m_settings.setValue(SettingsKeys::Appearance, appearance);
}

namespace {

QString modeName(ProxyMode mode)
{
    switch (mode) {
    case ProxyMode::None:
        return QStringLiteral("none");
    case ProxyMode::Manual:
        return QStringLiteral("manual");
    case ProxyMode::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace

ProxyConfig ClientSettings::proxy() const
{
    ProxyConfig proxy;
    const QString mode = m_settings.value(SettingsKeys::ProxyMode).toString();
    proxy.mode = mode == u"none"     ? ProxyMode::None
                 : mode == u"manual" ? ProxyMode::Manual
                                     : ProxyMode::System;
    proxy.type = m_settings.value(SettingsKeys::ProxyType).toString() == u"socks5" ? ProxyType::Socks5
                                                                                   : ProxyType::Http;
    proxy.host = m_settings.value(SettingsKeys::ProxyHost).toString().trimmed();
    bool ok = false;
    const int port = m_settings.value(SettingsKeys::ProxyPort).toInt(&ok);
    proxy.port = ok && port > 0 && port <= 65535 ? port : 0;
    return proxy;
}

void ClientSettings::setProxy(const ProxyConfig &proxy)
{
    m_settings.setValue(SettingsKeys::ProxyMode, modeName(proxy.mode));
    m_settings.setValue(SettingsKeys::ProxyType,
                        proxy.type == ProxyType::Socks5 ? QStringLiteral("socks5") : QStringLiteral("http"));
    m_settings.setValue(SettingsKeys::ProxyHost, proxy.host.trimmed());
    m_settings.setValue(SettingsKeys::ProxyPort, proxy.port);
}

} // namespace CaseLens

namespace CaseLens {

int ClientSettings::watchIntervalMinutes() const
{
    bool ok = false;
    const int minutes =
        m_settings.value(SettingsKeys::WatchIntervalMinutes, DefaultWatchIntervalMinutes).toInt(&ok);
    return ok && minutes >= 0 ? std::min(minutes, MaxWatchIntervalMinutes) : DefaultWatchIntervalMinutes;
}

void ClientSettings::setWatchIntervalMinutes(int minutes)
{
    m_settings.setValue(SettingsKeys::WatchIntervalMinutes, std::clamp(minutes, 0, MaxWatchIntervalMinutes));
}

bool ClientSettings::notifications() const
{
    return m_settings.value(SettingsKeys::WatchNotifications, true).toBool();
}

void ClientSettings::setNotifications(bool on)
{
    m_settings.setValue(SettingsKeys::WatchNotifications, on);
}

} // namespace CaseLens
