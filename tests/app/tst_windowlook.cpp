// The window as issue 18 left it (items 5, 7, 8, 9), on the offscreen
// platform against loopback servers: where the focus goes after a tab
// closes, Leave demo's question, Ctrl+Shift+T, a window that fits its
// screen, pasted links, short input, the demo's not-found message, the
// Appearance setting and a language applied at once.
#include "app/appearance.h"
#include "app/demoserver.h"
#include "app/errorbanner.h"
#include "app/languagesupport.h"
#include "app/mainwindow.h"
#include "app/screenfit.h"
#include "app/settingsdialog.h"
#include "app/ticketpage.h"
#include "core/clientsettings.h"
#include "support/fakeserver.h"
#include "support/sampledata.h"
#include "support/windowharness.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

// A demo window with keyboard focus and the given demo tickets open (the
// last one current, each shown); null when any of it fails.
std::unique_ptr<WindowHarness> demoWindow(const QStringList &cases)
{
    auto h = WindowHarness::create();
    if (!h || !QTest::qWaitForWindowActive(h->window.get()) || !h->window->startDemo())
        return nullptr;
    for (const QString &caseNumber : cases) {
        h->window->openCase(caseNumber);
        TicketPage *page = h->window->currentPage();
        if (!page || !QTest::qWaitFor([page] { return page->state() == TicketPage::State::Ticket; }))
            return nullptr;
    }
    return h;
}

QAction *action(const WindowHarness &h, const char *name)
{
    return h.window->findChild<QAction *>(QLatin1StringView(name));
}

QPushButton *buttonWithText(QMessageBox *box, const QString &text)
{
    const QList<QAbstractButton *> buttons = box->buttons();
    for (QAbstractButton *button : buttons) {
        if (button->text() == text)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

int windowLightness(const QWidget *window)
{
    return window->palette().color(QPalette::Window).lightness();
}

} // namespace

class tst_WindowLook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void focusAfterClosingTabs();
    void leaveDemoAsksWhenTicketsAreOpen();
    void reopenClosedTab();
    void firstWindowFitsTheScreen();
    void oversizedGeometryFitsTheScreen();
    void pastedLinkBecomesCaseNumber();
    void shortInputHintedBeforeSending();
    void demoNotFoundListsDemoCases();
    void darkAppearanceAndBack();
    void languageAppliesAtOnce();

private:
    QTemporaryDir m_settingsDir;
};

void tst_WindowLook::initTestCase()
{
    QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_windowlook")));
    installTranslations(*qApp, QStringLiteral("en"));
}

void tst_WindowLook::init()
{
    QSettings().clear();
}

void tst_WindowLook::cleanup()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
}

void tst_WindowLook::focusAfterClosingTabs()
{
    auto h = demoWindow({QStringLiteral("HYXTNJV"), QStringLiteral("7741209"), QStringLiteral("ABC1234")});
    QVERIFY(h);
    TicketPage *first = h->window->pageFor(QStringLiteral("HYXTNJV"));
    TicketPage *second = h->window->pageFor(QStringLiteral("7741209"));
    auto *leaveDemo = h->child<QPushButton>(QStringLiteral("leaveDemoButton"));
    QVERIFY(leaveDemo && leaveDemo->isVisible());

    // Ctrl+W: the focus lands in the next ticket's section, never on Leave demo.
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(h->window->ticketCount(), 2);
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY2(h->window->currentPage()->ticketView()->isAncestorOf(focus), focus->metaObject()->className());
    QVERIFY(focus != leaveDemo);

    // The tab's own close button (the same request as its ×).
    emit h->tabs()->tabCloseRequested(h->tabs()->indexOf(second));
    focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY(first->ticketView()->isAncestorOf(focus));

    // The last one: the search bar.
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(h->window->ticketCount(), 0);
    QCOMPARE(QApplication::focusWidget(), h->searchEdit());
}

void tst_WindowLook::leaveDemoAsksWhenTicketsAreOpen()
{
    // No ticket open: nothing to lose, no question.
    {
        auto h = demoWindow({});
        QVERIFY(h);
        QTest::mouseClick(h->child<QPushButton>(QStringLiteral("leaveDemoButton")), Qt::LeftButton);
        QVERIFY(!h->window->isDemo());
    }
    auto h = demoWindow({QStringLiteral("HYXTNJV")});
    QVERIFY(h);
    auto *leaveDemo = h->child<QPushButton>(QStringLiteral("leaveDemoButton"));

    QTest::mouseClick(leaveDemo, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = findTopLevel<QMessageBox>()) != nullptr);
    QCOMPARE(box->objectName(), QStringLiteral("leaveDemoConfirmation"));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY(h->window->isDemo()); // nothing happened yet
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!findTopLevel<QMessageBox>());
    QVERIFY(h->window->isDemo());
    QCOMPARE(h->window->ticketCount(), 1);

    QTest::mouseClick(leaveDemo, Qt::LeftButton);
    QTRY_VERIFY((box = findTopLevel<QMessageBox>()) != nullptr);
    QPushButton *leave = buttonWithText(box, QStringLiteral("Leave demo"));
    QVERIFY(leave);
    QTest::mouseClick(leave, Qt::LeftButton);
    QTRY_VERIFY(!h->window->isDemo());
    QCOMPARE(h->window->ticketCount(), 0);
}

void tst_WindowLook::reopenClosedTab()
{
    auto h = demoWindow({QStringLiteral("HYXTNJV"), QStringLiteral("7741209")});
    QVERIFY(h);
    QAction *reopen = action(*h, "actionReopenClosedTab");
    QVERIFY(reopen);
    QCOMPARE(reopen->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QVERIFY(!reopen->isEnabled()); // nothing closed yet

    // Close both (HYXTNJV last): Ctrl+Shift+T brings back HYXTNJV first.
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(h->window->ticketCount(), 0);
    QVERIFY(reopen->isEnabled());
    QTest::keyClick(h->window.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(h->window->ticketCount(), 1);
    QCOMPARE(h->window->currentPage()->caseNumber(), QStringLiteral("HYXTNJV"));

    // One already open again is skipped.
    h->window->openCase(QStringLiteral("7741209"));
    QCOMPARE(h->window->ticketCount(), 2);
    QTest::keyClick(h->window.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(h->window->ticketCount(), 2);
    QVERIFY(!reopen->isEnabled());

    // Leaving demo mode forgets the demo's closed tabs.
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(reopen->isEnabled());
    h->session.leaveDemo();
    QVERIFY(!reopen->isEnabled());
}

void tst_WindowLook::firstWindowFitsTheScreen()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    const QRect available = h->window->screen()->availableGeometry();
    QCOMPARE(h->window->size(), firstWindowSize(QSize(1120, 760), available));
    QVERIFY(available.contains(h->window->geometry()));
}

void tst_WindowLook::oversizedGeometryFitsTheScreen()
{
    QRect available;
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        available = h->window->screen()->availableGeometry();
        // Saved on a much larger monitor, partly beyond this screen.
        h->window->setGeometry(QRect(available.topLeft() + QPoint(200, 100), available.size() * 2));
        h->window->close(); // saves the geometry
    }
    auto h = WindowHarness::create();
    QVERIFY(h);
    const QRect geometry = h->window->geometry();
    QVERIFY2(available.contains(geometry), qPrintable(QStringLiteral("%1,%2 %3×%4")
                                                          .arg(geometry.x())
                                                          .arg(geometry.y())
                                                          .arg(geometry.width())
                                                          .arg(geometry.height())));
    // Not the whole screen either: room around it, as for a new window.
    QVERIFY(geometry.width() <= available.width() * MaximumScreenShare);
    QVERIFY(geometry.height() <= available.height() * MaximumScreenShare);
}

void tst_WindowLook::pastedLinkBecomesCaseNumber()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    QVERIFY(QTest::qWaitForWindowActive(h->window.get()));
    QLineEdit *search = h->searchEdit();
    search->setFocus();

    QGuiApplication::clipboard()->setText(
        QStringLiteral("https://app.sweeppea.com/support/tickets/hyxtnjv?tab=notes"));
    QTest::keySequence(search, QKeySequence::Paste);
    QCOMPARE(search->text(), QStringLiteral("HYXTNJV"));
    QVERIFY(!h->searchError()->isVisible());

    search->clear();
    QGuiApplication::clipboard()->setText(QStringLiteral("Re: Case #7741209 - French form"));
    QTest::keySequence(search, QKeySequence::Paste);
    QCOMPARE(search->text(), QStringLiteral("7741209"));

    // Typed text is the agent's: "case 12" is not rewritten while typing.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("https://x.test/tickets/ABC"));
    QCOMPARE(search->text(), QStringLiteral("https://x.test/tickets/ABC"));

    // Text with no case number in it stays as pasted (Enter explains).
    search->clear();
    QGuiApplication::clipboard()->setText(QStringLiteral("thanks, the case is closed"));
    QTest::keySequence(search, QKeySequence::Paste);
    QCOMPARE(search->text(), QStringLiteral("thanks, the case is closed"));
    QCOMPARE(h->server.requestCount(), 0);
}

void tst_WindowLook::shortInputHintedBeforeSending()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});

    h->type(QStringLiteral("hyx"));
    QVERIFY(h->searchError()->isVisible());
    QVERIFY2(h->searchError()->text().contains(QStringLiteral("too short")),
             qPrintable(h->searchError()->text()));
    QCOMPARE(h->searchEdit()->text(), QStringLiteral("hyx")); // kept, to be fixed in place
    QCOMPARE(h->window->ticketCount(), 0);

    // Fixed: the full case number goes out, and only it.
    QTest::keyClicks(h->searchEdit(), QStringLiteral("tnjv"));
    QTest::keyClick(h->searchEdit(), Qt::Key_Return);
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 1);
    QCOMPARE(h->requestedCase(0), QStringLiteral("HYXTNJV"));

    // Enter again on the same short input fetches it anyway (the agent knows).
    h->type(QStringLiteral("AB12"));
    QVERIFY(h->searchError()->isVisible());
    QCOMPARE(h->server.requestCount(), 1);
    QTest::keyClick(h->searchEdit(), Qt::Key_Return);
    QTRY_COMPARE(h->server.requestCount(), 2);
    QCOMPARE(h->requestedCase(1), QStringLiteral("AB12"));
}

void tst_WindowLook::demoNotFoundListsDemoCases()
{
    auto h = demoWindow({});
    QVERIFY(h);
    h->type(QStringLiteral("NOPE123"));
    TicketPage *page = h->window->currentPage();
    QVERIFY(page);
    QTRY_COMPARE(page->state(), TicketPage::State::Error);
    const QString headline = page->errorBanner()->headline();
    const QString message = page->errorBanner()->findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QCOMPARE(headline, QStringLiteral("No demo ticket NOPE123"));
    QVERIFY2(message.startsWith(QStringLiteral("Try one of the demo tickets: ")), qPrintable(message));
    QVERIFY(message.contains(DemoServer::caseNumbers().constFirst()));
    QVERIFY(!headline.contains(QStringLiteral("API key")));
    QVERIFY(!message.contains(QStringLiteral("key")));
}

void tst_WindowLook::darkAppearanceAndBack()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    const int systemLightness = windowLightness(h->window.get());
    QVERIFY(systemLightness >= 128); // the offscreen platform is light

    // Settings → Appearance → Dark, OK.
    h->window->showSettings();
    auto *dialog = findTopLevel<SettingsDialog>();
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("appearanceCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(QStringLiteral("dark")));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(windowLightness(h->window.get()) < 128);
    QVERIFY(h->searchEdit()->palette().color(QPalette::Base).lightness() < 128);
    QVERIFY(action(*h, "actionAppearance_dark")->isChecked());
    QCOMPARE(ClientSettings().appearance(), QStringLiteral("dark")); // remembered

    // View → Appearance → System: as it started.
    action(*h, "actionAppearance_system")->trigger();
    QTRY_COMPARE(windowLightness(h->window.get()), systemLightness);
    QCOMPARE(ClientSettings().appearance(), QStringLiteral("system"));

    // Light is light, whatever the desktop.
    action(*h, "actionAppearance_light")->trigger();
    QTRY_VERIFY(windowLightness(h->window.get()) >= 128);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    action(*h, "actionAppearance_system")->trigger();
    QCOMPARE(Appearance::current(), Appearance::Theme::System);
}

void tst_WindowLook::languageAppliesAtOnce()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    auto *fileMenu = h->child<QMenu>(QStringLiteral("menuFile"));
    QAction *quit = action(*h, "actionQuit");
    const QString englishTitle = fileMenu->title();
    const QList<QKeySequence> quitKeys = quit->shortcuts();
    QVERIFY(quitKeys.size() >= 1);

    SettingsValues values = h->session.values();
    values.language = QStringLiteral("de");
    h->session.apply(values);
    QTRY_VERIFY(fileMenu->title() != englishTitle);
    QCOMPARE(fileMenu->title(), QStringLiteral("&Datei"));
    QCOMPARE(quit->shortcuts(), quitKeys); // the bound keys survive retranslation
    // Actions made in code by the window's controllers too.
    QCOMPARE(action(*h, "actionNewTicket")->text(), QStringLiteral("&Neues Ticket…"));
    QCOMPARE(action(*h, "actionExportTicket")->text(), QStringLiteral("Ticket e&xportieren…"));
    QCOMPARE(h->child<QMenu>(QStringLiteral("menuCopy"))->title(), QStringLiteral("&Kopieren"));
    QCOMPARE(h->child<QMenu>(QStringLiteral("menuCopy"))->actions().value(0)->text(),
             QStringLiteral("&Fallnummer"));

    values.language = QStringLiteral("en");
    h->session.apply(values);
    QTRY_COMPARE(fileMenu->title(), englishTitle);
    QCOMPARE(action(*h, "actionNewTicket")->text(), QStringLiteral("&New ticket…"));
}

QTEST_MAIN(tst_WindowLook)
#include "tst_windowlook.moc"
