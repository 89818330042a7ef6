#include "app/appsettings.h"

namespace CaseLens::Gui {

namespace {
const QString recentKey = QStringLiteral("recent/cases");
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
} // namespace

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
