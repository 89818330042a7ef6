#pragma once

#include <QGroupBox>
#include <QString>

class QComboBox;

namespace CaseLens::Gui {

// Settings → Appearance: System / Light / Dark (see Appearance). The dialog
// hands the choice to the Session with the rest; the window applies it.
class AppearanceSettingsPage final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppearanceSettingsPage)

public:
    explicit AppearanceSettingsPage(const QString &appearance, QWidget *parent = nullptr);

    // "system", "light" or "dark" (SettingsValues::appearance).
    [[nodiscard]] QString appearance() const;

private:
    QComboBox *m_theme;
};

} // namespace CaseLens::Gui
