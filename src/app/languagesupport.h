#pragma once

#include <QList>
#include <QString>

class QCoreApplication;

namespace CaseLens::Gui {

struct LanguageChoice
{
    QString code;        // "system", "en", ...
    QString displayName; // shown in Settings
};

// The languages Settings offers: "System" first, then the UI translations.
[[nodiscard]] QList<LanguageChoice> availableLanguages();

// Loads CaseLens's and Qt's translations for the saved choice ("system" follows
// the desktop). Called once at start: a changed language applies next start.
void installTranslations(QCoreApplication &app, const QString &language);

} // namespace CaseLens::Gui
