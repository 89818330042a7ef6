#pragma once

#include "core/clientsettings.h"

#include <QGroupBox>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;

namespace CaseLens::Gui {

// Settings → Watching (issue 14): how often open tickets and the
// open-tickets list are refreshed in the background (off, or 1 to 60
// minutes; 5 by default) and whether changes found are announced on the
// desktop. When CASELENS_WATCH_INTERVAL sets the interval, the choice is
// kept but greyed out, and the page says what is used instead.
class WatchSettingsPage final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchSettingsPage)

public:
    explicit WatchSettingsPage(const SettingsValues &values, QWidget *parent = nullptr);

    // The choices offered, in minutes (0: off).
    [[nodiscard]] static QList<int> intervalChoices();

    void setValues(const SettingsValues &values);
    // Writes the page's fields into values (the rest is left alone).
    void applyTo(SettingsValues &values) const;
    [[nodiscard]] int intervalMinutes() const;
    [[nodiscard]] bool notifications() const;

    // The interval CASELENS_WATCH_INTERVAL sets, in seconds; nullopt: none.
    // Read from the environment when the page is made; tests set it.
    void setEnvironmentOverride(std::optional<int> seconds);
    [[nodiscard]] std::optional<int> environmentOverride() const { return m_override; }
    [[nodiscard]] QString overrideText() const;

private:
    void updateOverride();

    QComboBox *m_interval;
    QCheckBox *m_notifications;
    QLabel *m_overrideLabel;
    std::optional<int> m_override;
};

} // namespace CaseLens::Gui
