// The window around its queue and its account: MainWindow with the "My
// tickets" panel and the status bar's account line, against the harness's
// loopback server. (The panel and its model alone: tst_queuepanel,
// tst_queuemodel; the account alone: tst_accountstatus.)
#include "app/accountstatuslabel.h"
#include "app/mainwindow.h"
#include "app/queuemodel.h"
#include "app/queuepanel.h"
#include "app/ticketpage.h"
#include "core/accountstatus.h"
#include "core/session.h"
#include "support/sampledata.h"
#include "support/ticketpages.h"
#include "support/windowharness.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QJsonArray>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

// Requests the window made on its own to one path (queue pages, account).
int routedTo(const WindowHarness &h, const QByteArray &path)
{
    int count = 0;
    for (const RecordedRequest &request : h.server.routedRequests())
        count += request.path == path ? 1 : 0;
    return count;
}

// Serves the queue's tickets (Q0000001, ...) by case number.
void serveQueueTickets(WindowHarness &h, int count)
{
    QHash<QString, QJsonObject> byCase;
    for (int i = 0; i < count; ++i) {
        const QString caseNumber = listRow(i).value(QStringLiteral("CaseNumber")).toString();
        byCase.insert(caseNumber, sampleTicketData(caseNumber));
    }
    h.server.serveTickets(byCase);
}

std::unique_ptr<WindowHarness> activeWindow(const WindowOptions &options = WindowOptions())
{
    auto h = WindowHarness::create(options);
    if (h && !QTest::qWaitForWindowActive(h->window.get()))
        h.reset();
    return h;
}

QAction *windowAction(const WindowHarness &h, const char *name)
{
    return h.window->findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class tst_WindowQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_windowqueue")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "1,204"
    }

    void init() { QSettings().clear(); }

    void theQueueShowsWithoutTyping()
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        QueuePanel *panel = h->window->queuePanel();
        QVERIFY(panel->isVisible());
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        QCOMPARE(panel->model()->index(0).data(QueueModel::CaseNumberRole).toString(),
                 QStringLiteral("Q0000001"));
        QCOMPARE(routedTo(*h, "/tickets/fetchOpenTickets"), 1);
        QCOMPARE(h->server.requestCount(), 0); // the agent asked for nothing
        // The panel sits beside the tickets, at the left.
        auto *splitter = h->child<QSplitter>(QStringLiteral("queueSplitter"));
        QVERIFY(splitter);
        QVERIFY(splitter->widget(0)->isAncestorOf(panel));
    }

    void withoutAKeyNothingIsAskedUntilOneComes()
    {
        auto h = WindowHarness::create(WindowOptions().noKey());
        QVERIFY(h);
        QueuePanel *panel = h->window->queuePanel();
        QCOMPARE(panel->model()->state(), QueueModel::State::NoKey);
        QVERIFY(h->server.routedRequests().isEmpty());

        h->keys.store(QStringLiteral("new-key"));
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        QCOMPARE(h->server.routedRequests().constFirst().header("authorization"),
                 QByteArray("Bearer new-key"));
        // Whose key it is, asked once the key is there.
        QTRY_COMPARE(routedTo(*h, "/account/profile"), 1);
    }

    void ctrlShiftOHomeEnterOpensTheFirstTicket()
    {
        auto h = activeWindow();
        QVERIFY(h);
        serveQueueTickets(*h, 3);
        QueuePanel *panel = h->window->queuePanel();
        QTRY_COMPARE(panel->model()->rowCount(), 3);

        QTest::keyClick(h->window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), panel->listView());
        QTest::keyClick(panel->listView(), Qt::Key_End);
        QTest::keyClick(panel->listView(), Qt::Key_Home);
        QTest::keyClick(panel->listView(), Qt::Key_Return);

        QCOMPARE(h->window->ticketCount(), 1);
        TicketPage *page = h->window->currentPage();
        QCOMPARE(page->caseNumber(), QStringLiteral("Q0000001"));
        QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
        QCOMPARE(h->tabs()->tabText(0), QStringLiteral("Q0000001"));
        QVERIFY(panel->model()->index(0).data(QueueModel::OpenInTabRole).toBool());
        QVERIFY(!panel->model()->index(1).data(QueueModel::OpenInTabRole).toBool());

        // Enter again on an open ticket switches to it: no second request.
        QTest::keyClick(panel->listView(), Qt::Key_Return);
        QCOMPARE(h->window->ticketCount(), 1);
        QCOMPARE(h->server.requestCount(), 1);

        // Closing the tab unmarks the row.
        h->window->closeCurrent();
        QVERIFY(!panel->model()->index(0).data(QueueModel::OpenInTabRole).toBool());
    }

    void scrollingLoadsPageTwoAndEnterOpensItsRow()
    {
        auto h = activeWindow(WindowOptions().withOpenTickets(45).sized(QSize(900, 500)));
        QVERIFY(h);
        serveQueueTickets(*h, 45);
        QueuePanel *panel = h->window->queuePanel();
        QListView *list = panel->listView();
        QTRY_COMPARE(panel->model()->rowCount(), 20);
        QCOMPARE(routedTo(*h, "/tickets/fetchOpenTickets"), 1); // page 2 waits for scrolling

        list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
        QTRY_COMPARE(panel->model()->rowCount(), 40);
        QCOMPARE(requestedPage(h->server.routedRequests().constLast()), 2);

        list->setFocus();
        list->setCurrentIndex(panel->model()->index(25));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(h->window->ticketCount(), 1);
        QCOMPARE(h->window->currentPage()->caseNumber(), QStringLiteral("Q0000026"));
        QCOMPARE(h->tabs()->tabText(0), QStringLiteral("Q0000026"));
        QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
    }

    void openInBackgroundKeepsTheCurrentTab()
    {
        auto h = activeWindow();
        QVERIFY(h);
        serveQueueTickets(*h, 3);
        QueuePanel *panel = h->window->queuePanel();
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        h->window->focusQueue();
        panel->listView()->setCurrentIndex(panel->model()->index(0));
        panel->openAction()->trigger();
        panel->listView()->setCurrentIndex(panel->model()->index(1));
        panel->openInBackgroundAction()->trigger();
        QCOMPARE(h->window->ticketCount(), 2);
        QCOMPARE(h->window->currentPage()->caseNumber(), QStringLiteral("Q0000001"));
        QTRY_COMPARE(h->window->pageFor(QStringLiteral("Q0000002"))->state(), TicketPage::State::Ticket);
        QVERIFY(panel->model()->index(1).data(QueueModel::OpenInTabRole).toBool());
    }

    void f5RefreshesWhatHasFocus()
    {
        auto h = activeWindow();
        QVERIFY(h);
        serveQueueTickets(*h, 3);
        QueuePanel *panel = h->window->queuePanel();
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        h->type(QStringLiteral("Q0000003"));
        QTRY_COMPARE(h->window->currentPage()->state(), TicketPage::State::Ticket);
        QCOMPARE(h->server.requestCount(), 1);

        // The list has focus: F5 asks for the queue's first page again, and
        // the selected row stays selected.
        h->window->focusQueue();
        panel->listView()->setCurrentIndex(panel->model()->index(1));
        QTest::keyClick(panel->listView(), Qt::Key_F5);
        QTRY_COMPARE(routedTo(*h, "/tickets/fetchOpenTickets"), 2);
        QTRY_VERIFY(!panel->model()->isFetching());
        QCOMPARE(panel->listView()->currentIndex().row(), 1);
        QCOMPARE(h->server.requestCount(), 1);

        // The ticket has focus: F5 refreshes the ticket, not the queue.
        h->window->currentPage()->ticketView()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
        QTRY_COMPARE(h->server.requestCount(), 2);
        QCOMPARE(routedTo(*h, "/tickets/fetchOpenTickets"), 2);

        // One action on F5, never two window-wide shortcuts.
        int boundToF5 = 0;
        const QList<QAction *> actions = h->window->findChildren<QAction *>();
        for (const QAction *action : actions)
            boundToF5 += action->shortcuts().contains(QKeySequence(Qt::Key_F5)) ? 1 : 0;
        QCOMPARE(boundToF5, 1);
    }

    void thePanelIsRememberedAcrossRestarts()
    {
        {
            auto h = WindowHarness::create(WindowOptions().sized(QSize(1000, 600)));
            QVERIFY(h);
            auto *splitter = h->child<QSplitter>(QStringLiteral("queueSplitter"));
            splitter->setSizes({260, 740});
            QCOMPARE(splitter->sizes().constFirst(), 260);
            h->window->close();
        }
        {
            auto h = WindowHarness::create(WindowOptions().sized(QSize(1000, 600)));
            QVERIFY(h);
            auto *splitter = h->child<QSplitter>(QStringLiteral("queueSplitter"));
            QCOMPARE(splitter->sizes().constFirst(), 260);
            // Hidden from the View menu, and remembered so.
            QAction *show = windowAction(*h, "actionShowQueue");
            QVERIFY(show->isChecked());
            show->trigger();
            QVERIFY(!h->window->queuePanel()->isVisible());
            h->window->close();
        }
        auto h = WindowHarness::create();
        QVERIFY(h);
        QVERIFY(!h->window->queuePanel()->isVisible());
        QVERIFY(!windowAction(*h, "actionShowQueue")->isChecked());
        // Ctrl+Shift+O brings it back.
        h->window->focusQueue();
        QVERIFY(h->window->queuePanel()->isVisible());
        QVERIFY(windowAction(*h, "actionShowQueue")->isChecked());
    }

    void theStatusBarSaysWhoIsSignedInAndTheUsage()
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        auto *label = h->child<AccountStatusLabel>(QStringLiteral("accountStatusLabel"));
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QTRY_VERIFY(label->text().contains(QStringLiteral("Signed in as Ana Ruiz (ana@example.com)")));
        QTRY_VERIFY(label->text().contains(QStringLiteral("1,000 per minute")));
        QVERIFY(!label->isWarning());

        // A ticket's answer carries this month's calls: the line follows it.
        QJsonObject answer{
            {QStringLiteral("Response"), true},
            {QStringLiteral("Data"), sampleTicketData()},
            {QStringLiteral("Telemetry"),
             QJsonObject{{QStringLiteral("APICalls"), 85'000}, {QStringLiteral("MaxAPICalls"), 100'000}}}};
        h->server.enqueue(FakeResponse::json(200, answer));
        h->type(QStringLiteral("HYXTNJV"));
        QTRY_VERIFY(label->text().contains(QStringLiteral("85,000 of 100,000 calls this month")));
        // 85 %: a warning, in words and a sign, not colour alone.
        QVERIFY(label->isWarning());
        QVERIFY(label->text().startsWith(QStringLiteral("⚠")));
        QVERIFY(label->toolTip().contains(QStringLiteral("85%")));
    }

    void theSignedInUserIsYouInOpenTickets()
    {
        auto h = WindowHarness::create();
        QVERIFY(h);
        h->server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        h->type(QStringLiteral("HYXTNJV"));
        TicketPage *page = h->window->currentPage();
        QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
        auto *statistics = page->ticketView()->findChild<StatisticsModel *>();
        QVERIFY(statistics);
        // Tabs behind the front one fill after the window's first paint.
        QTRY_VERIFY(statistics->rowCount() > 0);
        const QModelIndex who = statistics->index(0, StatisticsModel::WhoColumn);
        QVERIFY(who.data().toString() != u"You");

        // The sample's requester signs in: her entries read "You".
        QJsonObject profile = sampleProfileData();
        profile.insert(QStringLiteral("UserToken"), QStringLiteral("0B8E9C4A-52F1-4D7E-8A3B-6F1E2D9C0A77"));
        h->server.route("/account/profile",
                        [profile](const RecordedRequest &) { return FakeResponse::ticket(profile); });
        QTRY_VERIFY(!h->session.account()->isLoading()); // the first reading is done
        h->session.refreshAccount();
        QTRY_COMPARE(who.data().toString(), QStringLiteral("You"));
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(tst_WindowQueue)
#include "tst_windowqueue.moc"
