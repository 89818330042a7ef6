// The Spanish and German user interfaces: the real MainWindow, a demo ticket
// and the Settings dialog under each language, Qt's own translations next to
// ours, the language list in Settings, and the desktop's language when
// nothing is chosen (CTest runs this under LANG=es_ES.UTF-8 and de_DE.UTF-8
// too: see tests/app/CMakeLists.txt).
#include "app/languagesupport.h"
#include "app/mainwindow.h"
#include "app/settingsdialog.h"
#include "app/ticketpage.h"
#include "core/apikeyprovider.h"
#include "core/casenumber.h"
#include "support/windowharness.h"
#include "ticketview/ticketview.h"
#include "ticketview/viewhelpers.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;

namespace {

QStringList menuTitles(const QWidget *window)
{
    QStringList titles;
    const QList<QAction *> actions = window->findChild<QMenuBar *>()->actions();
    for (const QAction *action : actions)
        titles.append(action->text());
    return titles;
}

// What each language must show. Literal text on purpose: a missing .qm, a
// context mismatch or an untranslated entry all fail here.
struct Expected
{
    QLocale::Language language;
    QString placeholder;
    QString fetch;
    QStringList menus;
    QString welcomeTitle;
    QString welcomeTextStart;
    QString notesTab;
    QString notesCount;
    QString overviewTab;
    QString qtCancel;
    QString ctrlL;
};

Expected expectedFor(const QString &language)
{
    if (language == u"es") {
        return {QLocale::Spanish,
                QStringLiteral("Número de caso, p. ej., HYXTNJV"),
                QStringLiteral("Obtener"),
                {QStringLiteral("&Archivo"), QStringLiteral("&Ir"), QStringLiteral("&Ticket"),
                 QStringLiteral("&Ver"), QStringLiteral("Ay&uda")},
                QStringLiteral("Le damos la bienvenida a CaseLens"),
                QStringLiteral("CaseLens muestra tickets de soporte de Sweeppea"),
                QStringLiteral("Notas (3)"),
                QStringLiteral("3 notas"),
                QStringLiteral("Resumen"),
                QStringLiteral("Cancelar"),
                QStringLiteral("Control+L")};
    }
    if (language == u"de") {
        return {QLocale::German,
                QStringLiteral("Fallnummer, z. B. HYXTNJV"),
                QStringLiteral("Abrufen"),
                {QStringLiteral("&Datei"), QStringLiteral("&Gehe zu"), QStringLiteral("&Ticket"),
                 QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")},
                QStringLiteral("Willkommen bei CaseLens"),
                QStringLiteral("CaseLens zeigt Sweeppea-Supporttickets an"),
                QStringLiteral("Notizen (3)"),
                QStringLiteral("3 Notizen"),
                QStringLiteral("Übersicht"),
                QStringLiteral("Abbrechen"),
                QStringLiteral("Strg+L")};
    }
    return {QLocale::English,
            QStringLiteral("Case number, e.g. HYXTNJV"),
            QStringLiteral("Fetch"),
            {QStringLiteral("&File"), QStringLiteral("&Go"), QStringLiteral("&Ticket"),
             QStringLiteral("&View"), QStringLiteral("&Help")},
            QStringLiteral("Welcome to CaseLens"),
            QStringLiteral("CaseLens shows Sweeppea support tickets"),
            QStringLiteral("Notes (3)"),
            QStringLiteral("3 notes"),
            QStringLiteral("Overview"),
            QStringLiteral("Cancel"),
            QStringLiteral("Ctrl+L")};
}

QString withoutMnemonic(QString text)
{
    return text.remove(u'&');
}

QLabel *labelNamed(QWidget *parent, const QString &accessibleName)
{
    const QList<QLabel *> labels = parent->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->accessibleName() == accessibleName)
            return label;
    }
    return nullptr;
}

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void languageList();
    void localeForLanguage();
    void installsOursAndQts_data();
    void installsOursAndQts();
    void mainWindow_data();
    void mainWindow();
    void settingsDialog_data();
    void settingsDialog();
    void messagesFromFreeFunctions();
    void laterCallReplacesLanguage();
    void englishLoadsOnlyPluralForms();
    void followsSystemLocale();

private:
    // Saves <screenshotName>.png in $CASELENS_SCREENSHOT_DIR when that is set.
    static void checkWindow(const Expected &expected, const QString &screenshotName = {});
    QTemporaryDir m_settingsDir;
};

void tst_Translations::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CaseLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
}

void tst_Translations::init()
{
    QSettings().clear();
}

void tst_Translations::cleanup()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
    installTranslations(*qApp, QStringLiteral("en"));
}

void tst_Translations::languageList()
{
    const QList<LanguageChoice> languages = availableLanguages();
    QStringList codes;
    QStringList names;
    for (const LanguageChoice &language : languages) {
        codes.append(language.code);
        names.append(language.displayName);
    }
    // System first, then English (the source), then the embedded translations
    // by their own names, and by the UI language's where that differs.
    QCOMPARE(codes, (QStringList{QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de"),
                                 QStringLiteral("es")}));
    QCOMPARE(names.mid(1), (QStringList{QStringLiteral("English"), QStringLiteral("Deutsch (German)"),
                                        QStringLiteral("Español (Spanish)")}));
}

void tst_Translations::localeForLanguage()
{
    QCOMPARE(Gui::localeForLanguage(QStringLiteral("system")), QLocale::system());
    QCOMPARE(Gui::localeForLanguage(QString()), QLocale::system());
    QCOMPARE(Gui::localeForLanguage(QStringLiteral("de")).language(), QLocale::German);
    QCOMPARE(Gui::localeForLanguage(QStringLiteral("es")).language(), QLocale::Spanish);
    QCOMPARE(Gui::localeForLanguage(QStringLiteral("de_AT")).territory(), QLocale::Austria);
    // Nonsense from a hand-edited settings file: the desktop's locale.
    QCOMPARE(Gui::localeForLanguage(QStringLiteral("xx")), QLocale::system());
}

void tst_Translations::installsOursAndQts_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("es") << QStringLiteral("es");
    QTest::newRow("de") << QStringLiteral("de");
}

void tst_Translations::installsOursAndQts()
{
    QFETCH(QString, language);
    const Expected expected = expectedFor(language);
    const InstalledTranslations installed = installTranslations(*qApp, language);
    QCOMPARE(installed.uiLanguage, language);
    QVERIFY(installed.applicationLoaded);
    QVERIFY2(installed.qtLoaded, "qtbase_*.qm not found: install qt6-translations-l10n");

    // Dates, times and numbers follow the language.
    QCOMPARE(QLocale().language(), expected.language);
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    QCOMPARE(QLocale().toString(QDate(2026, 3, 1), QStringLiteral("MMMM")),
             language == u"es" ? QStringLiteral("marzo") : QStringLiteral("März"));

    // Qt's own strings: key names as menus show them.
    QCOMPARE(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText), expected.ctrlL);

    // Core strings (error messages) are translated too.
    QCOMPARE(QCoreApplication::translate("CaseLens::Error", "No such ticket for this API key."),
             language == u"es" ? QStringLiteral("No existe ese ticket para esta clave de API.")
                               : QStringLiteral("Für diesen API-Schlüssel gibt es dieses Ticket nicht."));

    // Plurals come from the numerus forms, not from English "1 / many".
    const char *notes = "%Ln note(s)";
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::NotesTab", notes, nullptr, 1),
             language == u"es" ? QStringLiteral("1 nota") : QStringLiteral("1 Notiz"));
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::NotesTab", notes, nullptr, 5),
             language == u"es" ? QStringLiteral("5 notas") : QStringLiteral("5 Notizen"));
}

void tst_Translations::mainWindow_data()
{
    installsOursAndQts_data();
}

void tst_Translations::checkWindow(const Expected &expected, const QString &screenshotName)
{
    // No key (the welcome text), at the size of the other docs/screenshots.
    auto h = Testing::WindowHarness::create(Testing::WindowOptions().noKey().sized(QSize(1120, 760)));
    QVERIFY(h);
    Testing::WindowHarness &w = *h;

    QCOMPARE(w.searchEdit()->placeholderText(), expected.placeholder);
    QCOMPARE(w.child<QPushButton>(QStringLiteral("fetchButton"))->text(), expected.fetch);
    QCOMPARE(menuTitles(w.window.get()), expected.menus);
    QTRY_COMPARE(w.child<QLabel>(QStringLiteral("welcomeTitleLabel"))->text(), expected.welcomeTitle);
    QVERIFY2(
        w.child<QLabel>(QStringLiteral("welcomeTextLabel"))->text().startsWith(expected.welcomeTextStart),
        qPrintable(w.child<QLabel>(QStringLiteral("welcomeTextLabel"))->text()));

    // A demo ticket: tab titles with counts, the notes count (a plural).
    QVERIFY(w.window->startDemo());
    QVERIFY(w.window->openCase(QStringLiteral("HYXTNJV")));
    TicketPage *page = w.window->currentPage();
    QVERIFY(page);
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    TicketView *view = page->ticketView();
    QCOMPARE(view->tabTitle(0), expected.overviewTab);
    QCOMPARE(view->tabTitle(1), expected.notesTab);
    auto *tabs = view->findChild<QTabWidget *>(QStringLiteral("ticketTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), expected.notesTab);
    QWidget *notesTab = view->findChild<QWidget *>(QStringLiteral("notesTab"));
    QVERIFY(notesTab);
    const QString countName = QCoreApplication::translate("CaseLens::Gui::NotesTab", "Number of notes shown");
    QLabel *count = labelNamed(notesTab, countName);
    QVERIFY2(count, qPrintable(countName));
    // Tabs behind the front one fill after the window's first paint (issue 19).
    QTRY_COMPARE(count->text(), expected.notesCount);

    const QString dir = qEnvironmentVariable("CASELENS_SCREENSHOT_DIR");
    if (!dir.isEmpty() && !screenshotName.isEmpty()) {
        // Pending layouts first (elided labels re-elide as they are resized).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QVERIFY(w.window->grab().save(dir + u'/' + screenshotName + QStringLiteral(".png")));
    }
}

void tst_Translations::mainWindow()
{
    QFETCH(QString, language);
    QVERIFY(installTranslations(*qApp, language).applicationLoaded);
    checkWindow(expectedFor(language), language);
}

void tst_Translations::settingsDialog_data()
{
    installsOursAndQts_data();
}

void tst_Translations::settingsDialog()
{
    QFETCH(QString, language);
    const Expected expected = expectedFor(language);
    installTranslations(*qApp, language);

    ApiKeyProvider keys;
    SettingsDialog dialog(&keys, SettingsValues{{}, 30, language});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // Qt's standard buttons in the same language (qtbase_<lang>.qm).
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel);
    QCOMPARE(withoutMnemonic(cancel->text()), expected.qtCancel);

    // The language combo: every language by its own name, the saved one chosen.
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->itemText(0),
             language == u"es" ? QStringLiteral("Idioma del sistema") : QStringLiteral("Systemsprache"));
    QVERIFY(combo->findText(QStringLiteral("Español"), Qt::MatchStartsWith) > 0);
    QVERIFY(combo->findText(QStringLiteral("Deutsch"), Qt::MatchStartsWith) > 0);
    QCOMPARE(combo->currentData().toString(), language);
    QCOMPARE(dialog.windowTitle(),
             language == u"es" ? QStringLiteral("Configuración") : QStringLiteral("Einstellungen"));
}

// tr() helpers in free functions and in classes without Q_OBJECT: lupdate
// files their strings under the enclosing namespace or class, so the runtime
// context must match that, or the translation is never found.
void tst_Translations::messagesFromFreeFunctions()
{
    installTranslations(*qApp, QStringLiteral("de"));
    // Member tr() of a Q_OBJECT / Q_DECLARE_TR_FUNCTIONS class: fine.
    QCOMPARE(Error::fromHttpStatus(404).message(),
             QStringLiteral("Für diesen API-Schlüssel gibt es dieses Ticket nicht."));

    // Strings from helpers outside classes (Q_DECLARE_TR_FUNCTIONS structs) are found too.
    QCOMPARE(CaseNumber::parse(QString()).error().message(),
             QStringLiteral("Geben Sie eine Fallnummer ein, z. B. HYXTNJV."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(relativeAgeText(now, now), QStringLiteral("gerade eben"));
    // Through the plural helper (QT_TRANSLATE_N_NOOP with the helper's context): fine.
    QCOMPARE(relativeAgeText(now.addSecs(-180), now), QStringLiteral("vor 3 Minuten"));
    RetryNotice notice{2, 4, std::chrono::milliseconds(1000), Error(ErrorKind::ServerError, QString())};
    QVERIFY2(notice.message().contains(QStringLiteral("Versuch 2 von 4")), qPrintable(notice.message()));
}

void tst_Translations::laterCallReplacesLanguage()
{
    installTranslations(*qApp, QStringLiteral("es"));
    installTranslations(*qApp, QStringLiteral("de"));
    // Ours and Qt's, once: the Spanish pair is gone.
    QCOMPARE(qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly).size(), 2);
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::MainWindow", "Fetch"), QStringLiteral("Abrufen"));
    QCOMPARE(QLocale().language(), QLocale::German);
}

// English is the source language: only caselens_en.qm's plural forms are
// loaded, so "%Ln note(s)" reads "1 note" and "2 notes"; nothing of Qt's.
void tst_Translations::englishLoadsOnlyPluralForms()
{
    installTranslations(*qApp, QStringLiteral("de"));
    const InstalledTranslations installed = installTranslations(*qApp, QStringLiteral("en"));
    QVERIFY(installed.uiLanguage.isEmpty());
    QVERIFY(installed.applicationLoaded);
    QVERIFY(!installed.qtLoaded);
    QCOMPARE(qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly).size(), 1);
    QCOMPARE(QLocale().language(), QLocale::English);
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::MainWindow", "Fetch"), QStringLiteral("Fetch"));

    const char *notes = "%Ln note(s)";
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::NotesTab", notes, nullptr, 1),
             QStringLiteral("1 note"));
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::NotesTab", notes, nullptr, 2),
             QStringLiteral("2 notes"));
    QCOMPARE(QCoreApplication::translate("CaseLens::Gui::StatisticsTab", "%Ln entry(s)", nullptr, 2),
             QStringLiteral("2 entries"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(relativeAgeText(now.addSecs(-60), now), QStringLiteral("1 minute ago"));
    QCOMPARE(relativeAgeText(now.addSecs(-120), now), QStringLiteral("2 minutes ago"));
}

// "system": whatever the desktop says. CTest runs this binary three times:
// LC_ALL=C.UTF-8 (English), LANG=es_ES.UTF-8 and LANG=de_DE.UTF-8.
void tst_Translations::followsSystemLocale()
{
    const QLocale::Language system = QLocale::system().language();
    const QString code = system == QLocale::Spanish  ? QStringLiteral("es")
                         : system == QLocale::German ? QStringLiteral("de")
                                                     : QString();
    if (code.isEmpty() && system != QLocale::English && system != QLocale::C)
        QSKIP("the system locale is neither English, Spanish nor German");
    qInfo("system locale: %s", qPrintable(QLocale::system().name()));
    const InstalledTranslations installed = installTranslations(*qApp, QStringLiteral("system"));
    QCOMPARE(installed.uiLanguage, code);
    QVERIFY(installed.applicationLoaded); // ours, or for English its plural forms
    QCOMPARE(QLocale(), QLocale::system());
    checkWindow(expectedFor(code));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
