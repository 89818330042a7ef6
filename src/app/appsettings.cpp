#include "app/appsettings.h"

#include <algorithm>

namespace CaseLens::Gui {

namespace {
const QString serverUrlKey = QStringLiteral("server/url");
const QString timeoutKey = QStringLiteral("server/timeoutSeconds");
const QString languageKey = QStringLiteral("ui/language");
const QString recentKey = QStringLiteral("recent/cases");
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
} // namespace

QUrl AppSettings::serverUrl() const
{
    return QUrl(m_settings.value(serverUrlKey).toString(), QUrl::StrictMode);
}

void AppSettings::setServerUrl(const QUrl &url)
{
    m_settings.setValue(serverUrlKey, url.toString());
}

int AppSettings::timeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(timeoutKey, DefaultTimeoutSeconds).toInt(&ok);
    return ok ? std::clamp(seconds, MinTimeoutSeconds, MaxTimeoutSeconds) : DefaultTimeoutSeconds;
}

void AppSettings::setTimeoutSeconds(int seconds)
{
    m_settings.setValue(timeoutKey, std::clamp(seconds, MinTimeoutSeconds, MaxTimeoutSeconds));
}

QString AppSettings::language() const
{
    const QString language = m_settings.value(languageKey).toString();
    return language.isEmpty() ? QStringLiteral("system") : language;
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(languageKey, language);
}

QStringList AppSettings::recentCases() const
{
    return m_settings.value(recentKey).toStringList();
}

void AppSettings::setRecentCases(const QStringList &cases)
{
    m_settings.setValue(recentKey, cases);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(geometryKey).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(stateKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(geometryKey, geometry);
    m_settings.setValue(stateKey, state);
}

} // namespace CaseLens::Gui
