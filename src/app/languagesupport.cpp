#include "app/languagesupport.h"

#include "core/languagenames.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>
#include <memory>

namespace CaseLens::Gui {

namespace {

// The .qm files qt_add_translations embeds (src/app/CMakeLists.txt).
QString translationsDir()
{
    return QStringLiteral(":/i18n");
}

QString appFileName(const QString &name)
{
    return QStringLiteral("caselens_") + name + QStringLiteral(".qm");
}

// Marks the translators installTranslations() owns, so a later call (tests)
// replaces them instead of stacking languages.
QString translatorObjectName()
{
    return QStringLiteral("CaseLens::Gui::installTranslations");
}

// The English file holds only the plural forms ("1 note", "2 notes") of the
// "%n note(s)" source strings: it is loaded whenever the window is English,
// and is not a language of its own in the list.
QString englishPluralsName()
{
    return QStringLiteral("en");
}

bool isSourceLanguage(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

// "es-MX" -> {"es_MX", "es"}; "zh-Hant-TW" -> {"zh_Hant_TW", "zh_Hant", "zh"}.
QStringList fallbackNames(QString uiLanguage)
{
    uiLanguage.replace(u'-', u'_');
    QStringList names{uiLanguage};
    for (qsizetype cut = uiLanguage.lastIndexOf(u'_'); cut > 0; cut = uiLanguage.lastIndexOf(u'_')) {
        uiLanguage.truncate(cut);
        names.append(uiLanguage);
    }
    return names;
}

// The first of the preferred UI languages CaseLens has a translation for, as
// its .qm name ("es", "de"); empty when English comes first (the source
// strings are English, so "en, es" must not end up Spanish). caselens_en.qm
// only holds plural forms, and English is caught before it is looked for.
QString translatedUiLanguage(const QStringList &uiLanguages)
{
    for (const QString &uiLanguage : uiLanguages) {
        if (isSourceLanguage(QLocale(uiLanguage)))
            return {};
        const QStringList names = fallbackNames(uiLanguage);
        for (const QString &name : names) {
            if (QFileInfo::exists(translationsDir() + u'/' + appFileName(name)))
                return name;
        }
    }
    return {};
}

void removeInstalledTranslators(QCoreApplication &app)
{
    const QList<QTranslator *> installed =
        app.findChildren<QTranslator *>(translatorObjectName(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

bool install(QCoreApplication &app, std::unique_ptr<QTranslator> translator)
{
    translator->setObjectName(translatorObjectName());
    translator->setParent(&app);
    return QCoreApplication::installTranslator(translator.release());
}

// Each language named in its own language, as its translators wrote it
// (QLocale's native names carry the territory: "español de España").
QString ownName(const QString &qmFile, const QString &code)
{
    QTranslator translator;
    if (translator.load(qmFile, translationsDir())) {
        const QString name =
            translator.translate("CaseLens::Gui::Language", "English",
                                 "The name of the language you translate into, in that language");
        if (!name.isEmpty())
            return name;
    }
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name.isEmpty() ? code : name;
}

// "Deutsch (German)" in an English window, "Deutsch" in a German one: each
// language in its own words, and in the window's when they differ.
QString withUiName(const QString &own, const QString &code)
{
    const QString uiName = languageName(QLocale(code).language());
    if (uiName.isEmpty() || uiName.compare(own, Qt::CaseInsensitive) == 0)
        return own;
    return QStringLiteral("%1 (%2)").arg(own, uiName);
}

} // namespace

QList<LanguageChoice> availableLanguages()
{
    QList<LanguageChoice> translated;
    const QStringList files =
        QDir(translationsDir()).entryList({QStringLiteral("caselens_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = QFileInfo(file).completeBaseName().mid(qsizetype(sizeof("caselens_") - 1));
        if (code == englishPluralsName())
            continue; // English is listed below, first
        translated.append({code, withUiName(ownName(file, code), code)});
    }
    std::sort(translated.begin(), translated.end(), [](const LanguageChoice &a, const LanguageChoice &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });

    QList<LanguageChoice> choices{
        {QStringLiteral("system"), QCoreApplication::translate("CaseLens::Gui::Language", "System")},
        {QStringLiteral("en"), withUiName(QStringLiteral("English"), QStringLiteral("en"))},
    };
    choices.append(translated);
    return choices;
}

QLocale localeForLanguage(const QString &language)
{
    const QLocale system = QLocale::system();
    if (language.isEmpty() || language == u"system")
        return system;
    const QLocale chosen(language);
    if (chosen.language() == QLocale::C) // not a language QLocale knows
        return system;
    // "es" on an es_MX desktop keeps Mexican formats; "de_AT" is taken as is.
    const bool languageOnly = !language.contains(u'_') && !language.contains(u'-');
    if (languageOnly && system.language() == chosen.language())
        return system;
    return chosen;
}

InstalledTranslations installTranslations(QCoreApplication &app, const QString &language)
{
    removeInstalledTranslators(app);

    InstalledTranslations result;
    result.locale = localeForLanguage(language);
    // Dates, times and numbers follow the language (QLocale() everywhere).
    QLocale::setDefault(result.locale);

    // "system" follows the desktop's list of UI languages (LANGUAGE=de:es);
    // an explicit choice, that language.
    const bool followSystem = language.isEmpty() || language == u"system";
    const QStringList uiLanguages =
        followSystem ? QLocale::system().uiLanguages() : result.locale.uiLanguages();
    result.uiLanguage = translatedUiLanguage(uiLanguages);
    if (result.uiLanguage.isEmpty()) {
        // English: the source strings, plus their plural forms ("%n note(s)"
        // reads "1 note", "2 notes"); Qt's own strings are English already.
        auto plurals = std::make_unique<QTranslator>();
        if (plurals->load(appFileName(englishPluralsName()), translationsDir()))
            result.applicationLoaded = install(app, std::move(plurals));
        return result;
    }

    auto ours = std::make_unique<QTranslator>();
    if (ours->load(appFileName(result.uiLanguage), translationsDir()))
        result.applicationLoaded = install(app, std::move(ours));

    // Qt's own strings (standard buttons, context menus, key names) in the
    // same language, with Qt's locale fallback (qtbase_de_AT -> qtbase_de).
    // Only next to a CaseLens translation: a half-French window is worse than
    // an English one.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(result.uiLanguage), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        result.qtLoaded = install(app, std::move(qt));
    return result;
}

} // namespace CaseLens::Gui
