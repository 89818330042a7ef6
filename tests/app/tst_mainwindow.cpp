// Drives the real MainWindow against the loopback FakeServer: typing, Enter,
// tabs, states, errors, retry, cancel, history, recent cases, demo mode and
// hostile HTML.
#include "app/aboutdialog.h"
#include "app/demoserver.h"
#include "app/errorbanner.h"
#include "app/loadingpane.h"
#include "app/mainwindow.h"
#include "app/recentcases.h"
#include "app/settingsdialog.h"
#include "app/shortcutsdialog.h"
#include "app/ticketpage.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "support/fakeserver.h"
#include "support/sampledata.h"
#include "support/windowharness.h"
#include "ticketview/ticketview.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QCompleter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;

namespace {

QHash<QString, QJsonObject> tickets(const QStringList &cases)
{
    QHash<QString, QJsonObject> result;
    for (const QString &c : cases)
        result.insert(c, c == u"HYXTNJV" ? sampleTicketData() : sampleTicketData(c));
    return result;
}

// A window with keyboard focus, for tests that press window shortcuts; null
// when the harness cannot be built or the window never becomes active.
std::unique_ptr<WindowHarness> activeWindow()
{
    auto h = WindowHarness::create();
    if (h && !QTest::qWaitForWindowActive(h->window.get()))
        h.reset();
    return h;
}

// Types text into the search bar as an agent would and waits until the page
// it opened reaches state; null when no page opened or it never got there.
TicketPage *openCase(const WindowHarness &h, const QString &text, TicketPage::State state)
{
    h.type(text);
    TicketPage *page = h.window->currentPage();
    if (!page || !QTest::qWaitFor([page, state] { return page->state() == state; }))
        return nullptr;
    return page;
}

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void typeEnterShowsTicket();
    void fetchButtonWorks();
    void invalidInputSendsNothing();
    void errorStates_data();
    void errorStates();
    void connectionRefusedThenRetry();
    void timeoutThenRetry();
    void retryNoticeShown();
    void escCancelsLoading();
    void severalTicketsAndSwitching();
    void refreshKeepsTicket();
    void backAndForward();
    void ctrlNumberShowsTicketTab();
    void recentCasesPersisted();
    void windowGeometryRemembered();
    void welcomeWithoutKey();
    void noKeyThenSettingsKeyRetries();
    void demoModeFromWelcome();
    void hostileHtmlLoadsNothing();
    void shortcutsAndAboutDialogs();
    void controlsHaveAccessibleNames();
    void darkPaletteAndScaling();

private:
    QTemporaryDir m_settingsDir;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_mainwindow")));
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::cleanup()
{
    // Dialogs opened by a test must not leak into the next one.
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
}

void tst_MainWindow::typeEnterShowsTicket()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));

    // Pasted from an e-mail: spaces, '#', lower case.
    h->type(QStringLiteral(" #hyxtnjv "));
    QCOMPARE(h->window->ticketCount(), 1);
    TicketPage *page = h->window->currentPage();
    QVERIFY(page);
    // The loading state shows at once, before any network round trip.
    QCOMPARE(page->state(), TicketPage::State::Loading);
    QVERIFY(page->loadingPane()->isVisible());
    QCOMPARE(page->loadingPane()->text(), QStringLiteral("Fetching HYXTNJV…"));

    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    TicketView *view = page->ticketView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->ticket().caseNumber, QStringLiteral("HYXTNJV"));
    QCOMPARE(view->tabCount(), 7);
    QCOMPARE(view->tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3)"));
    QCOMPARE(view->tabTitle(TicketView::StatisticsTabIndex), QStringLiteral("Statistics (4)"));

    QCOMPARE(h->tabs()->tabText(0), QStringLiteral("HYXTNJV"));
    // Shown literally (escaped rich text), so a subject cannot style the tooltip.
    QCOMPARE(QTextDocumentFragment::fromHtml(h->tabs()->tabToolTip(0)).toPlainText(), view->ticket().subject);
    QVERIFY(h->window->windowTitle().startsWith(QStringLiteral("HYXTNJV — \u2068Winners list export")));

    QCOMPARE(h->server.requestCount(), 1);
    QCOMPARE(h->server.requests().at(0).path, QByteArray("/tickets/fetchSingleTicket"));
    QCOMPARE(h->requestedCase(0), QStringLiteral("HYXTNJV"));
    QCOMPARE(h->server.requests().at(0).header("authorization"), QByteArray("Bearer test-key"));
    QVERIFY(h->searchEdit()->text().isEmpty()); // ready for the next paste
    QCOMPARE(h->window->recentCases()->cases(), QStringList{QStringLiteral("HYXTNJV")});
}

void tst_MainWindow::fetchButtonWorks()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("ABC1234")}));
    QTest::keyClicks(h->searchEdit(), QStringLiteral("abc1234"));
    QTest::mouseClick(visibleButton(h->window.get(), "fetchButton"), Qt::LeftButton);
    QTRY_VERIFY(h->window->currentPage() && h->window->currentPage()->state() == TicketPage::State::Ticket);
    QCOMPARE(h->requestedCase(0), QStringLiteral("ABC1234"));
}

void tst_MainWindow::invalidInputSendsNothing()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));

    h->type(QStringLiteral("HYX-TNJV"));
    QVERIFY(h->searchError()->isVisible());
    QVERIFY(h->searchError()->text().contains(QStringLiteral("only letters and digits")));
    QVERIFY(!h->searchEdit()->styleSheet().isEmpty()); // the red outline
    QCOMPARE(h->window->ticketCount(), 0);

    h->searchEdit()->clear();
    QTest::keyClick(h->searchEdit(), Qt::Key_Return); // empty
    QVERIFY(h->searchError()->isVisible());
    QCOMPARE(h->window->ticketCount(), 0);

    // Fixing the input clears the message while typing.
    h->type(QStringLiteral("A-"));
    QVERIFY(h->searchError()->isVisible());
    QTest::keyClick(h->searchEdit(), Qt::Key_Backspace);
    QVERIFY(!h->searchError()->isVisible());

    // Nothing went out for the bad input: the first request the server sees
    // is the next good case (the client sends one request at a time).
    h->searchEdit()->clear();
    h->type(QStringLiteral("HYXTNJV"));
    QTRY_COMPARE(h->server.requestCount(), 1);
    QCOMPARE(h->requestedCase(0), QStringLiteral("HYXTNJV"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 1);
}

void tst_MainWindow::errorStates_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("nextStep");

    QTest::newRow("401") << 401 << QStringLiteral("Invalid or Missing Bearer Token")
                         << int(ErrorKind::Unauthorized) << QStringLiteral("Your API key was rejected")
                         << QStringLiteral("Open settings");
    QTest::newRow("403") << 403 << QStringLiteral("Invalid API Token") << int(ErrorKind::Forbidden)
                         << QStringLiteral("Your API key was rejected") << QStringLiteral("Open settings");
    // The same status, four reasons: each says its own and the step that fits
    // (none in Settings when the account itself is the problem).
    QTest::newRow("403 wildcard") << 403
                                  << QStringLiteral("API access restricted. Wildcard domain (*) required.")
                                  << int(ErrorKind::Forbidden)
                                  << QStringLiteral("Your account does not allow API calls from CaseLens")
                                  << QString();
    QTest::newRow("403 hibernating") << 403 << QStringLiteral("Account is hibernating")
                                     << int(ErrorKind::Forbidden)
                                     << QStringLiteral("Your Sweeppea account is not active") << QString();
    QTest::newRow("403 plan limit") << 403 << QStringLiteral("Monthly API limit exceeded")
                                    << int(ErrorKind::Forbidden)
                                    << QStringLiteral("Your plan's API calls are used up") << QString();
    QTest::newRow("404") << 404 << QStringLiteral("Ticket Not Found or Access Denied")
                         << int(ErrorKind::NotFound) << QStringLiteral("No ticket HYXTNJV for this API key")
                         << QStringLiteral("Edit case number");
    QTest::newRow("500") << 500 << QStringLiteral("Internal Server Error") << int(ErrorKind::ServerError)
                         << QStringLiteral("Could not load HYXTNJV") << QString();
}

void tst_MainWindow::errorStates()
{
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(int, kind);
    QFETCH(QString, headline);
    QFETCH(QString, nextStep);

    auto h = WindowHarness::create();
    QVERIFY(h);
    h->server.enqueue(FakeResponse::error(status, message));
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));

    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Error);
    QVERIFY(page);
    QCOMPARE(int(page->lastError().kind()), kind);

    ErrorBanner *banner = page->errorBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->headline(), headline);
    QPushButton *next = visibleButton(banner, "nextStepButton");
    QCOMPARE(next->isVisible(), !nextStep.isEmpty());
    if (!nextStep.isEmpty())
        QCOMPARE(next->text(), nextStep);
    // Never a modal box for an expected failure.
    QVERIFY(!QApplication::activeModalWidget());

    // Details on demand: status and the server's message.
    auto *details = banner->findChild<QPlainTextEdit *>(QStringLiteral("detailsText"));
    QVERIFY(!details->isVisible());
    QTest::mouseClick(banner->findChild<QToolButton *>(QStringLiteral("detailsButton")), Qt::LeftButton);
    QVERIFY(details->isVisible());
    QVERIFY(details->toPlainText().contains(QString::number(status)));
    QVERIFY(details->toPlainText().contains(message));

    // Retry: the second request succeeds.
    QTest::mouseClick(visibleButton(banner, "retryButton"), Qt::LeftButton);
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 2);
    QCOMPARE(h->requestedCase(1), QStringLiteral("HYXTNJV"));
}

void tst_MainWindow::connectionRefusedThenRetry()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        deadPort = probe.serverPort();
    } // closed: connections to it are refused
    QUrl dead = h->server.url();
    dead.setPort(deadPort);
    QVERIFY(!h->client.setBaseUrl(dead).isError());

    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Error);
    QVERIFY(page);
    QCOMPARE(page->lastError().kind(), ErrorKind::Network);
    QCOMPARE(page->errorBanner()->headline(), QStringLiteral("Could not reach the server"));
    QPushButton *next = visibleButton(page->errorBanner(), "nextStepButton");
    QCOMPARE(next->text(), QStringLiteral("Check your connection"));
    auto *hint = page->errorBanner()->findChild<QLabel *>(QStringLiteral("hintLabel"));
    QVERIFY(!hint->isVisible());
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(hint->isVisible());

    QVERIFY(!h->client.setBaseUrl(h->server.url()).isError()); // the network is back
    QTest::mouseClick(visibleButton(page->errorBanner(), "retryButton"), Qt::LeftButton);
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 1);
}

void tst_MainWindow::timeoutThenRetry()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->client.setTimeout(300ms);
    FakeResponse hang;
    hang.behaviour = FakeResponse::Behaviour::NoAnswer;
    h->server.enqueue(hang);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));

    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Error);
    QVERIFY(page);
    QCOMPARE(page->lastError().kind(), ErrorKind::Timeout);
    QCOMPARE(visibleButton(page->errorBanner(), "nextStepButton")->text(),
             QStringLiteral("Check your connection"));

    QTest::mouseClick(visibleButton(page->errorBanner(), "retryButton"), Qt::LeftButton);
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 2);
}

void tst_MainWindow::retryNoticeShown()
{
    auto h = WindowHarness::create();
    QVERIFY(h);
    h->client.setRetryPolicy(3, 300ms, 300ms); // long enough to watch
    h->server.enqueue(FakeResponse::error(503, QStringLiteral("Busy")));
    FakeResponse slow = FakeResponse::ticket(sampleTicketData());
    slow.delayMs = 300;
    h->server.enqueue(slow);
    h->type(QStringLiteral("HYXTNJV"));
    TicketPage *page = h->window->currentPage();
    QTRY_COMPARE(page->loadingPane()->notice(),
                 QStringLiteral("Server busy, retrying in 1 s (attempt 2 of 4)"));
    QCOMPARE(page->state(), TicketPage::State::Loading);
    QVERIFY(page->loadingPane()->isVisible());
    QTRY_COMPARE(page->loadingPane()->notice(), QStringLiteral("Trying again (attempt 2 of 4)…"));
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 2);
}

void tst_MainWindow::escCancelsLoading()
{
    auto h = activeWindow();
    QVERIFY(h);
    FakeResponse slow = FakeResponse::ticket(sampleTicketData());
    slow.delayMs = 3000;
    h->server.enqueue(slow);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));

    h->type(QStringLiteral("HYXTNJV"));
    TicketPage *page = h->window->currentPage();
    QTRY_COMPARE(h->server.requestCount(), 1); // on the wire
    QVERIFY(page->isBusy());
    QTest::keyClick(h->window.get(), Qt::Key_Escape);
    QTRY_COMPARE(page->state(), TicketPage::State::Error);
    QCOMPARE(page->lastError().kind(), ErrorKind::Cancelled);
    QVERIFY(!page->isBusy());
    QCOMPARE(visibleButton(page->errorBanner(), "retryButton")->text(), QStringLiteral("Fetch again"));
    // The agent asked for it: a neutral notice, not an error.
    QCOMPARE(page->errorBanner()->headline(), QStringLiteral("Cancelled — press F5 to load HYXTNJV again"));
    QCOMPARE(page->errorBanner()->accessibleName(), QStringLiteral("Notice"));

    QTest::mouseClick(visibleButton(page->errorBanner(), "retryButton"), Qt::LeftButton);
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 2);
}

void tst_MainWindow::severalTicketsAndSwitching()
{
    auto h = activeWindow();
    QVERIFY(h);
    const QStringList cases{QStringLiteral("AAA1111"), QStringLiteral("BBB2222"), QStringLiteral("CCC3333")};
    h->server.serveTickets(tickets(cases));
    for (const QString &c : cases)
        h->type(c);
    QCOMPARE(h->window->ticketCount(), 3);
    for (const QString &c : cases)
        QTRY_COMPARE(h->window->pageFor(c)->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 3);
    QCOMPARE(h->tabs()->tabText(0), cases.at(0));
    QCOMPARE(h->tabs()->tabText(2), cases.at(2));
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(2));
    QCOMPARE(h->server.maxConcurrentRequests(), 1);

    // Reopening switches to the open tab without a new request.
    h->type(QStringLiteral("aaa1111"));
    QCOMPARE(h->window->ticketCount(), 3);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(0));
    QCOMPARE(h->server.requestCount(), 3); // proven at the end: the next request is a new case

    // Keyboard switching, wrapping around.
    QTest::keyClick(h->window.get(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(1));
    QTest::keyClick(h->window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(2));
    QTest::keyClick(h->window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(0));
    QTest::keyClick(h->window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(2));
    QTest::keyClick(h->window.get(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(1));

    // Ctrl+W closes the current ticket.
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(h->window->ticketCount(), 2);
    QVERIFY(!h->window->pageFor(cases.at(1)));
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(h->window->ticketCount(), 0);
    // Nothing open: the start screen is back.
    QVERIFY(h->window->findChild<QWidget *>(QStringLiteral("welcomePage"))->isVisible());

    // Neither reopening, switching nor closing sent anything: the fourth
    // request on the wire is the next new case (requests go out one at a time).
    h->server.serveTickets(tickets(cases + QStringList{QStringLiteral("DDD4444")}));
    h->type(QStringLiteral("DDD4444"));
    QTRY_COMPARE(h->server.requestCount(), 4);
    QCOMPARE(h->requestedCase(3), QStringLiteral("DDD4444"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 4);
}

void tst_MainWindow::refreshKeepsTicket()
{
    auto h = activeWindow();
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));
    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Ticket);
    QVERIFY(page);
    page->ticketView()->showTab(TicketView::NotesTabIndex);

    QJsonObject updated = sampleTicketData();
    updated.insert(u"Subject", QStringLiteral("Updated subject"));
    FakeResponse slow = FakeResponse::ticket(updated);
    slow.delayMs = 300;
    h->server.enqueue(slow);

    QTest::keyClick(h->window.get(), Qt::Key_F5);
    auto *bar = page->findChild<QProgressBar *>(QStringLiteral("refreshBar"));
    QVERIFY(page->isRefreshing());
    QVERIFY(bar->isVisible());
    QCOMPARE(page->state(), TicketPage::State::Ticket); // the old ticket stays
    QVERIFY(page->ticketView()->isVisible());
    QTRY_VERIFY(!bar->isVisible());
    QCOMPARE(page->ticketView()->ticket().subject, QStringLiteral("Updated subject"));
    QCOMPARE(page->ticketView()->currentTab(), int(TicketView::NotesTabIndex));
    QCOMPARE(QTextDocumentFragment::fromHtml(h->tabs()->tabToolTip(0)).toPlainText(),
             QStringLiteral("Updated subject"));
    QCOMPARE(h->server.requestCount(), 2);

    auto *updatedAge = page->findChild<QLabel *>(QStringLiteral("updatedAge"));
    QVERIFY(updatedAge && updatedAge->isVisible());
    QCOMPARE(updatedAge->text(), QStringLiteral("Updated just now"));
    const QDateTime loadedAt = page->loadedAt();
    QVERIFY(loadedAt.isValid());

    // A cancelled refresh keeps the ticket, with no banner: only a neutral line.
    FakeResponse slower = FakeResponse::ticket(updated);
    slower.delayMs = 3000;
    h->server.enqueue(slower);
    QTest::keyClick(h->window.get(), Qt::Key_F5);
    QTRY_COMPARE(h->server.requestCount(), 3);
    QTest::keyClick(h->window.get(), Qt::Key_Escape);
    QTRY_VERIFY(!page->isBusy());
    QCOMPARE(page->lastError().kind(), ErrorKind::Cancelled);
    QVERIFY(!page->refreshErrorBanner()->isVisible());
    QCOMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(
        page->statusText(),
        QStringLiteral("Refresh cancelled — showing data from %1").arg(ErrorBanner::dataTimeText(loadedAt)));

    // A failed refresh keeps the ticket and says how old it is, why, and Retry.
    h->server.enqueue(FakeResponse::error(500, QStringLiteral("Internal Server Error")));
    QTest::keyClick(h->window.get(), Qt::Key_F5);
    QTRY_VERIFY(page->refreshErrorBanner()->isVisible());
    QCOMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(page->ticketView()->ticket().subject, QStringLiteral("Updated subject"));
    ErrorBanner *stale = page->refreshErrorBanner();
    QCOMPARE(stale->headline(),
             QStringLiteral("Showing data from %1 — refresh failed")
                 .arg(QLocale().toString(loadedAt.toLocalTime().time(), QLocale::ShortFormat)));
    QCOMPARE(stale->findChild<QLabel *>(QStringLiteral("messageLabel"))->text(),
             QStringLiteral("Could not load HYXTNJV"));
    QVERIFY(stale->toolTip().contains(QStringLiteral("Could not load HYXTNJV")));
    QVERIFY(visibleButton(stale, "retryButton")->isVisible());
    QCOMPARE(page->loadedAt(), loadedAt); // the data is as old as it was
    QCOMPARE(updatedAge->text(), QStringLiteral("Updated just now"));
}

void tst_MainWindow::backAndForward()
{
    auto h = activeWindow();
    QVERIFY(h);
    const QStringList cases{QStringLiteral("AAA1111"), QStringLiteral("BBB2222")};
    h->server.serveTickets(tickets(cases));
    h->type(cases.at(0));
    h->type(cases.at(1));
    QTRY_COMPARE(h->server.requestCount(), 2);

    QTest::keyClick(h->window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(0));
    QTest::keyClick(h->window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(1));

    // Back to a closed case opens it again.
    QTest::keyClick(h->window.get(), Qt::Key_Left, Qt::AltModifier);
    QTest::keyClick(h->window.get(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(1));
    QTest::keyClick(h->window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(h->window->currentPage()->caseNumber(), cases.at(0));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 3);
}

void tst_MainWindow::ctrlNumberShowsTicketTab()
{
    auto h = activeWindow();
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));
    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Ticket);
    QVERIFY(page);
    for (int i = 6; i >= 0; --i) {
        QTest::keyClick(h->window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(page->ticketView()->currentTab(), i);
    }
    // Ctrl+L goes back to the search bar.
    page->ticketView()->setFocus();
    QTest::keyClick(h->window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(h->searchEdit()->hasFocus());
}

void tst_MainWindow::recentCasesPersisted()
{
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        h->server.serveTickets(tickets({QStringLiteral("AAA1111"), QStringLiteral("BBB2222")}));
        h->server.enqueue(FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied")));
        h->type(QStringLiteral("ZZZ9999")); // not found: not a recent case
        QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Error);
        h->type(QStringLiteral("AAA1111"));
        QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
        h->type(QStringLiteral("BBB2222"));
        QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
        QCOMPARE(h->window->recentCases()->cases(),
                 (QStringList{QStringLiteral("BBB2222"), QStringLiteral("AAA1111")}));
    }
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        QCOMPARE(h->window->recentCases()->cases(),
                 (QStringList{QStringLiteral("BBB2222"), QStringLiteral("AAA1111")}));
        // Shown on the start screen and offered by the completer.
        auto *list = h->window->findChild<QListWidget *>(QStringLiteral("caseList"));
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("BBB2222"));
        QCOMPARE(h->searchEdit()->completer()->model()->rowCount(), 2);
        // Clearable, and the clearing persists.
        h->window->findChild<QAction *>(QStringLiteral("actionClearRecent"))->trigger();
        QVERIFY(h->window->recentCases()->cases().isEmpty());
        QVERIFY(!list->isVisible());
    }
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        QVERIFY(h->window->recentCases()->cases().isEmpty());
    }
}

void tst_MainWindow::windowGeometryRemembered()
{
    QSize size;
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        // Smaller than the offscreen screen (800×600): a larger one is fitted to it (tst_windowlook).
        h->window->resize(700, 500);
        size = h->window->size();
        h->window->close();
    }
    auto h = WindowHarness::create();
    QVERIFY(h);
    QCOMPARE(h->window->size(), size);
}

void tst_MainWindow::welcomeWithoutKey()
{
    auto h = WindowHarness::create(WindowOptions().noKey());
    QVERIFY(h);
    QVERIFY(h->window->findChild<QWidget *>(QStringLiteral("welcomePage"))->isVisible());
    QVERIFY(visibleButton(h->window.get(), "setKeyButton")->isVisible());
    QVERIFY(visibleButton(h->window.get(), "demoButton")->isVisible());
    QCOMPARE(h->window->findChild<QLabel *>(QStringLiteral("welcomeTitleLabel"))->text(),
             QStringLiteral("Welcome to CaseLens"));

    QTest::mouseClick(visibleButton(h->window.get(), "setKeyButton"), Qt::LeftButton);
    QTRY_VERIFY(findTopLevel<SettingsDialog>());

    // With a key the buttons go; the start screen says what to do instead.
    h->keys.store(QStringLiteral("k"));
    QVERIFY(!visibleButton(h->window.get(), "setKeyButton")->isVisible());
    QCOMPARE(h->window->findChild<QLabel *>(QStringLiteral("welcomeTitleLabel"))->text(),
             QStringLiteral("Open a ticket"));
}

void tst_MainWindow::noKeyThenSettingsKeyRetries()
{
    auto h = WindowHarness::create(WindowOptions().noKey());
    QVERIFY(h);
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));
    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Error);
    QVERIFY(page);
    QCOMPARE(page->lastError().kind(), ErrorKind::NoApiKey);
    QCOMPARE(h->server.requestCount(), 0); // nothing sent without a key

    QPushButton *next = visibleButton(page->errorBanner(), "nextStepButton");
    QCOMPARE(next->text(), QStringLiteral("Open settings"));
    QTest::mouseClick(next, Qt::LeftButton);
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findTopLevel<SettingsDialog>()));

    auto *keyEdit = dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(keyEdit, QStringLiteral("typed-key"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveKeyButton")), Qt::LeftButton);
    QCOMPARE(h->keys.key(), QStringLiteral("typed-key"));

    // The page that failed for want of a key fetches again by itself.
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(h->server.requestCount(), 1);
    QCOMPARE(h->server.requests().at(0).header("authorization"), QByteArray("Bearer typed-key"));

    // The key never reaches the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains("typed-key"));
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys)
        QVERIFY(!settings.value(key).toString().contains(QStringLiteral("typed-key")));
}

void tst_MainWindow::demoModeFromWelcome()
{
    auto h = WindowHarness::create(WindowOptions().noKey());
    QVERIFY(h);
    const QUrl realServer = h->client.baseUrl();
    QTest::mouseClick(visibleButton(h->window.get(), "demoButton"), Qt::LeftButton);
    QVERIFY(h->window->isDemo());
    QVERIFY(h->window->findChild<QWidget *>(QStringLiteral("demoBanner"))->isVisible());
    QVERIFY(h->window->windowTitle().contains(QStringLiteral("demo data")));
    QCOMPARE(h->client.baseUrl(), h->window->demoServer()->url());

    // The demo cases, read from the bundled resources, as clickable entries.
    auto *list = h->window->findChild<QListWidget *>(QStringLiteral("caseList"));
    const QStringList demoCases = DemoServer::caseNumbers();
    QVERIFY2(demoCases.size() >= 6, qPrintable(demoCases.join(u',')));
    QCOMPARE(list->count(), demoCases.size());
    QListWidgetItem *first = list->item(0);
    QVERIFY(first->text().startsWith(demoCases.first()));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(first).center());
    QCOMPARE(h->window->ticketCount(), 1);
    TicketPage *page = h->window->currentPage();
    QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
    QCOMPARE(page->ticketView()->ticket().caseNumber, demoCases.first());

    // An unknown case: the demo server answers 404 like the real one.
    h->type(QStringLiteral("NOPE123"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Error);
    QCOMPARE(h->window->currentPage()->lastError().kind(), ErrorKind::NotFound);
    QCOMPARE(h->server.requestCount(), 0); // all of it went to the demo server

    // Demo cases are not the agent's recent cases.
    QVERIFY(h->window->recentCases()->cases().isEmpty());

    // Saving a real key leaves demo mode.
    h->keys.store(QStringLiteral("real-key"));
    QVERIFY(!h->window->isDemo());
    QCOMPARE(h->window->ticketCount(), 0);
    QCOMPARE(h->client.baseUrl(), realServer);
    QVERIFY(!h->window->findChild<QWidget *>(QStringLiteral("demoBanner"))->isVisible());
}

void tst_MainWindow::hostileHtmlLoadsNothing()
{
    auto h = activeWindow(); // for F5 below
    QVERIFY(h);
    const QString base = h->server.url().toString();
    QJsonObject data = sampleTicketData();
    data.insert(u"Description",
                QStringLiteral("<p>Look <img src=\"%1/planted.png\"> here</p>"
                               "<p style=\"background:url(%1/planted-style.png)\">styled</p>"
                               "<link rel=stylesheet href=\"%1/planted.css\">"
                               "<img src=\"file:///etc/passwd\"><a href=\"%1/planted-link\">link</a>")
                    .arg(base));
    QJsonArray notes = data.value(u"Notes").toArray();
    notes.append(
        QJsonObject{{QStringLiteral("Id"), 104},
                    {QStringLiteral("Date"), QStringLiteral("2025-01-29T10:00:00.000Z")},
                    {QStringLiteral("Note"), QStringLiteral("<img src=\"%1/planted-note.png\">"
                                                            "<table background=\"%1/planted-bg.png\">"
                                                            "<tr><td>x</td></tr></table>")
                                                 .arg(base)}});
    data.insert(u"Notes", notes);
    h->server.serveTickets({{QStringLiteral("HYXTNJV"), data}});

    TicketPage *page = openCase(*h, QStringLiteral("HYXTNJV"), TicketPage::State::Ticket);
    QVERIFY(page);
    // Show and paint every tab, where images would be fetched.
    for (int i = 0; i < page->ticketView()->tabCount(); ++i) {
        page->ticketView()->showTab(i);
        QCoreApplication::processEvents();
        (void)h->window->grab();
    }
    // A later fetch as a fence: a load started while painting would be on the
    // wire before the refresh the agent asks for now, which must be request 2.
    QTest::keyClick(h->window.get(), Qt::Key_F5);
    QTRY_COMPARE(h->server.requestCount(), 2);
    QTRY_VERIFY(!page->isRefreshing());
    for (const RecordedRequest &request : h->server.requests())
        QVERIFY2(!request.path.contains("planted"), request.path.constData());
    QCOMPARE(h->server.requests().at(1).path, QByteArray("/tickets/fetchSingleTicket"));
    QCOMPARE(h->server.requestCount(), 2);
}

void tst_MainWindow::shortcutsAndAboutDialogs()
{
    auto h = activeWindow();
    QVERIFY(h);
    QTest::keyClick(h->window.get(), Qt::Key_F1);
    ShortcutsDialog *shortcuts = nullptr;
    QTRY_VERIFY((shortcuts = findTopLevel<ShortcutsDialog>()));
    QCOMPARE(shortcuts->rowCount(), int(h->window->shortcutEntries().size()));
    QStringList keys;
    for (const ShortcutEntry &entry : h->window->shortcutEntries())
        keys << entry.keys;
    const QString all = keys.join(u' ');
    for (const char *expected : {"Ctrl+L", "Esc", "F5", "Alt+Left", "Alt+Right", "Ctrl+Tab", "Ctrl+PgDown",
                                 "Ctrl+PgUp", "Ctrl+W", "Ctrl+1", "Ctrl+7", "Ctrl+Q", "F1"})
        QVERIFY2(all.contains(QString::fromLatin1(expected)), expected);
    shortcuts->close();

    h->window->showAbout();
    AboutDialog *about = nullptr;
    QTRY_VERIFY((about = findTopLevel<AboutDialog>()));
    QString text;
    for (const QLabel *label : about->findChildren<QLabel *>())
        text += label->text() + u'\n';
    QVERIFY(text.contains(QStringLiteral(CASELENS_VERSION)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    for (const char *licence : {"MIT", "LGPLv3", "QtKeychain", "BSD 3-Clause"})
        QVERIFY2(text.contains(QString::fromLatin1(licence)), licence);
}

void tst_MainWindow::controlsHaveAccessibleNames()
{
    auto h = WindowHarness::create(WindowOptions().noKey());
    QVERIFY(h);
    h->server.enqueue(FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied")));
    h->keys.store(QStringLiteral("k"));
    h->type(QStringLiteral("HYXTNJV"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Error);

    QList<QWidget *> widgets = h->window->findChildren<QWidget *>();
    h->window->showSettings();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = findTopLevel<SettingsDialog>()));
    widgets += dialog->findChildren<QWidget *>();
    QStringList unnamed;
    for (QWidget *widget : std::as_const(widgets)) {
        // The ticket view's own controls are checked by its tests.
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus ||
            qobject_cast<TicketView *>(widget) || widget->parentWidget() == nullptr)
            continue;
        // Spin boxes expose themselves, not their inner line edit.
        bool skip = qobject_cast<QAbstractSpinBox *>(widget->parentWidget());
        for (QWidget *p = widget->parentWidget(); p; p = p->parentWidget())
            skip = skip || qobject_cast<TicketView *>(p);
        if (skip)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QString::fromLatin1(widget->metaObject()->className()) + u'#' + widget->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

// Checks the window in a dark palette (banners derive their colours from it)
// and at 200% scale; saves screenshots when CASELENS_SCREENSHOT_DIR is set.
void tst_MainWindow::darkPaletteAndScaling()
{
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xdb));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    QApplication::setPalette(dark);

    auto h = WindowHarness::create();
    QVERIFY(h);
    h->window->resize(1200, 800);
    h->server.enqueue(FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied")));
    h->server.serveTickets(tickets({QStringLiteral("HYXTNJV")}));
    h->type(QStringLiteral("NOPE123"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Error);
    ErrorBanner *banner = h->window->currentPage()->errorBanner();
    // The banner's tint is dark too: light text stays readable on it.
    QVERIFY(banner->styleSheet().contains(QStringLiteral("background-color")));
    const QImage errorShot = h->window->grab().toImage();
    const QColor bannerColor = errorShot.pixelColor(banner->mapTo(h->window.get(), QPoint(4, 4)));
    QVERIFY2(bannerColor.lightnessF() < 0.4, qPrintable(bannerColor.name()));

    h->type(QStringLiteral("HYXTNJV"));
    QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
    const QImage ticketShot = h->window->grab().toImage();
    QVERIFY(h->window->startDemo());
    const QImage demoShot = h->window->grab().toImage();
    auto *demoBanner = h->window->findChild<QWidget *>(QStringLiteral("demoBanner"));
    const QColor demoColor = demoShot.pixelColor(demoBanner->mapTo(h->window.get(), QPoint(4, 4)));
    QVERIFY2(demoColor.lightnessF() < 0.4, qPrintable(demoColor.name()));

    const QString dir = qEnvironmentVariable("CASELENS_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        const QString suffix =
            qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? QStringLiteral("-scaled") : QString();
        QVERIFY(errorShot.save(dir + QStringLiteral("/dark-error") + suffix + QStringLiteral(".png")));
        QVERIFY(ticketShot.save(dir + QStringLiteral("/dark-ticket") + suffix + QStringLiteral(".png")));
        QVERIFY(demoShot.save(dir + QStringLiteral("/dark-demo") + suffix + QStringLiteral(".png")));
    }
    h.reset();
    QApplication::setPalette(original);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
