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

QByteArray AppSettings::queueSplitterState() const
{
    return m_settings.value(SettingsKeys::QueueSplitter).toByteArray();
}

bool AppSettings::queueVisible() const
{
    return m_settings.value(SettingsKeys::QueueVisible, true).toBool();
}

void AppSettings::setQueueLayout(const QByteArray &splitterState, bool visible)
{
    m_settings.setValue(SettingsKeys::QueueSplitter, splitterState);
    m_settings.setValue(SettingsKeys::QueueVisible, visible);
}

} // namespace CaseLens::Gui
