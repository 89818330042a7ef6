#pragma once

#include <QLocale>
#include <QString>

namespace CaseLens {

// A language's name in the UI language: "Spanish" in an English window,
// "Spanisch" in a German one, "alemán" in a Spanish one. QLocale only knows
// English names (languageToString) and each language's own
// (nativeLanguageName), so the languages customers and agents usually write
// in have translated names here; any other falls back to its English name.
[[nodiscard]] QString languageName(QLocale::Language language);

} // namespace CaseLens
