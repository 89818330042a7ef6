#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPalette>
#include <QString>

namespace CaseLens::Gui {

// Settings → Appearance and View → Appearance: the desktop's look, or a
// light or dark one that CaseLens draws itself (the Fusion style with a
// palette). Without a platform theme a Linux desktop stays light whatever
// the agent prefers; Dark is the way out.
class Appearance final
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::Appearance)

public:
    enum class Theme { System, Light, Dark };

    // "system", "light", "dark" as stored (ClientSettings::appearance);
    // anything else is System.
    [[nodiscard]] static Theme fromName(const QString &name);
    [[nodiscard]] static QString name(Theme theme);
    // "System", "Light", "Dark" in the UI language.
    [[nodiscard]] static QString displayName(Theme theme);
    [[nodiscard]] static QList<Theme> themes() { return {Theme::System, Theme::Light, Theme::Dark}; }

    [[nodiscard]] static QPalette lightPalette();
    // A complete dark palette: every role in every group, disabled text
    // dimmed, links and highlights that read on dark backgrounds.
    [[nodiscard]] static QPalette darkPalette();

    // Applies the theme to the application at once. The style and palette
    // the application had before the first change are remembered: System
    // brings them back. System at start changes nothing.
    static void apply(Theme theme);
    [[nodiscard]] static Theme current();
};

} // namespace CaseLens::Gui
