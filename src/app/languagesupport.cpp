#include "languagesupport.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace CaseLens::Gui {

QList<LanguageChoice> availableLanguages()
{
    return {
        {QStringLiteral("system"), QCoreApplication::translate("CaseLens::Gui::Language", "System")},
        {QStringLiteral("en"), QStringLiteral("English")}, // language names in their own language
    };
}

void installTranslations(QCoreApplication &app, const QString &language)
{
    // The source strings are English: nothing to load for it.
    const QLocale locale = language == u"system" ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    // QTranslator::load(locale, ...) walks the locale's UI languages with
    // fallbacks (pt_BR -> pt), so a partial translation still helps.
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("caselens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace CaseLens::Gui
