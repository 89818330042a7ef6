#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace CaseLens::Gui {

// Typed access to what only the window keeps in QSettings: recent cases, window
// geometry and the queue panel's place. Server, timeout and language are client settings
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

    // The queue panel: the splitter's state (its width) and whether it is shown.
    [[nodiscard]] QByteArray queueSplitterState() const;
    [[nodiscard]] bool queueVisible() const;
    void setQueueLayout(const QByteArray &splitterState, bool visible);

private:
    QSettings m_settings;
};

} // namespace CaseLens::Gui
