#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace CaseLens::Gui {

// Typed access to what only the window keeps in QSettings: recent cases and
// window geometry. Server, timeout and language are client settings
// (core/clientsettings.h, applied by the Session).
class AppSettings final
{
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    AppSettings() = default;

    [[nodiscard]] QStringList recentCases() const;
    void setRecentCases(const QStringList &cases);

    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);

private:
    QSettings m_settings;
};

} // namespace CaseLens::Gui
