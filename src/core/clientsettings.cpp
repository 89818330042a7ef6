#include "core/clientsettings.h"

#include <algorithm>

namespace CaseLens {

namespace {
const QString serverUrlKey = QStringLiteral("server/url");
const QString timeoutKey = QStringLiteral("server/timeoutSeconds");
const QString languageKey = QStringLiteral("ui/language");
} // namespace

QUrl ClientSettings::serverUrl() const
{
    return QUrl(m_settings.value(serverUrlKey).toString(), QUrl::StrictMode);
}

void ClientSettings::setServerUrl(const QUrl &url)
{
    m_settings.setValue(serverUrlKey, url.toString());
}

int ClientSettings::timeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(timeoutKey, DefaultTimeoutSeconds).toInt(&ok);
    return ok ? std::clamp(seconds, MinTimeoutSeconds, MaxTimeoutSeconds) : DefaultTimeoutSeconds;
}

void ClientSettings::setTimeoutSeconds(int seconds)
{
    m_settings.setValue(timeoutKey, std::clamp(seconds, MinTimeoutSeconds, MaxTimeoutSeconds));
}

QString ClientSettings::language() const
{
    const QString language = m_settings.value(languageKey).toString();
    return language.isEmpty() ? QStringLiteral("system") : language;
}

void ClientSettings::setLanguage(const QString &language)
{
    m_settings.setValue(languageKey, language);
}

} // namespace CaseLens
