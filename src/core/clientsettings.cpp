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

} // namespace CaseLens
