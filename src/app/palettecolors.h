#pragma once

#include <QColor>
#include <QPalette>

namespace CaseLens::Gui {

// Colours for banners and inline messages, derived from the current palette
// so they stay readable in light and dark themes. Meaning never rests on
// colour alone: every use also has an icon or words.
namespace PaletteColors {

enum class Tone { Error, Warning, Info };

[[nodiscard]] bool isDark(const QPalette &palette);

// Text colour for an inline error message on the window background.
[[nodiscard]] QColor errorText(const QPalette &palette);

// A soft tinted background for a banner, and a matching border.
[[nodiscard]] QColor bannerBackground(const QPalette &palette, Tone tone);
[[nodiscard]] QColor bannerBorder(const QPalette &palette, Tone tone);

// A style sheet for a QFrame banner with the given object name.
[[nodiscard]] QString bannerStyleSheet(const QPalette &palette, Tone tone, const QString &objectName);

} // namespace PaletteColors
} // namespace CaseLens::Gui
