#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace CaseLens::Gui {

struct LanguageChoice
{
    QString code;        // "system", "en", "de", "es", ...
    QString displayName; // shown in Settings
};

// The languages Settings offers: "System" first, then English (the source
// language), then every translation embedded under :/i18n, each named in its
// own language and, when that differs, in the UI language ("Deutsch (German)",
// "Español (Spanisch)").
[[nodiscard]] QList<LanguageChoice> availableLanguages();

// The locale for dates, times and numbers under a saved choice: the system
// locale for "system", and for an explicit language the system locale if it
// speaks that language (es_MX stays es_MX), else the language's default
// territory (es -> es_ES).
[[nodiscard]] QLocale localeForLanguage(const QString &language);

struct InstalledTranslations
{
    QLocale locale;                 // now QLocale's default
    QString uiLanguage;             // "es", "de_AT", ...; empty: English (the source strings)
    bool applicationLoaded = false; // caselens_<lang>.qm; for English its plural forms
    bool qtLoaded = false;          // Qt's own qtbase_<lang>.qm
};

// Loads CaseLens's and Qt's translations for the saved choice ("system"
// follows the desktop's UI languages, in order; English anywhere before a
// translated language wins) and makes the matching locale QLocale's default.
// Replaces translations an earlier call installed. Called at start, when
// the agent picks another language in Settings (the window retranslates on
// QEvent::LanguageChange), and by tests.
InstalledTranslations installTranslations(QCoreApplication &app, const QString &language);

} // namespace CaseLens::Gui
