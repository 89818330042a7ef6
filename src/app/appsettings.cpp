#include "app/appsettings.h"

#include "core/settingskeys.h"

namespace CaseLens::Gui {

QStringList AppSettings::recentCases() const
{
    return m_settings.value(SettingsKeys::RecentCases).toStringList();
}

void AppSettings::setRecentCases(const QStringList &cases)
{
    m_settings.setValue(SettingsKeys::RecentCases, cases);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(SettingsKeys::WindowGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(SettingsKeys::WindowState).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(SettingsKeys::WindowGeometry, geometry);
    m_settings.setValue(SettingsKeys::WindowState, state);
}

} // namespace CaseLens::Gui
