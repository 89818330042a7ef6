// Resolving, creating and editing tickets from the window (issue 16): the
// Ticket menu, the header's Resolve… button, the dialogs, and what the page
// and the queue show afterwards, against the harness's loopback server
// keeping tickets in memory (support/writeserver.h). Every write must reach
// the server exactly once.
#include "app/mainwindow.h"
#include "app/queuemodel.h"
#include "app/queuepanel.h"
#include "app/resolvedialog.h"
#include "app/ticketeditordialog.h"
#include "app/ticketpage.h"
#include "core/ticket.h"
#include "support/windowharness.h"
#include "support/writeserver.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QToolButton>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;

namespace {

const QString Case = QStringLiteral("HYXTNJV");
const QString Subject = QStringLiteral("Winners list export fails");

// Requests the window made on its own to one path (the queue's pages).
int routedTo(const WindowHarness &h, const QByteArray &path)
{
    int count = 0;
    for (const RecordedRequest &request : h.server.routedRequests())
        count += request.path == path ? 1 : 0;
    return count;
}

QAction *windowAction(const WindowHarness &h, const char *name)
{
    return h.window->findChild<QAction *>(QString::fromLatin1(name));
}

QToolButton *headerResolveButton(const TicketPage *page)
{
    return page->ticketView()->header()->findChild<QToolButton *>(QStringLiteral("resolveButton"));
}

// A window whose queue has loaded, showing caseNumber from the store.
TicketPage *openTicket(WindowHarness &h, const QString &caseNumber)
{
    QueuePanel *panel = h.window->queuePanel();
    if (!QTest::qWaitFor([panel] { return panel->model()->state() != QueueModel::State::Loading; }))
        return nullptr;
    h.type(caseNumber);
    TicketPage *page = h.window->currentPage();
    if (!page || !QTest::qWaitFor([page] { return page->state() == TicketPage::State::Ticket; }))
        return nullptr;
    return page;
}

// Resolves the current ticket from the Ticket menu, confirming in the dialog.
bool resolveFromMenu(WindowHarness &h)
{
    windowAction(h, "actionResolveTicket")->trigger();
    ResolveDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&dialog] { return (dialog = findTopLevel<ResolveDialog>()) != nullptr; }))
        return false;
    QTest::mouseClick(dialog->resolveButton(), Qt::LeftButton);
    return true;
}

} // namespace

class tst_WindowWrites final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(useThrowawaySettings(m_settingsDir.path(), QStringLiteral("tst_windowwrites")));
    }

    // Each test: a window on a server keeping tickets in memory.
    void init()
    {
        m_h = WindowHarness::create();
        QVERIFY(m_h);
        m_store = std::make_unique<FakeTicketStore>(m_h->server);
    }

    void cleanup()
    {
        m_store.reset();
        m_h.reset();
    }

    void resolveFromTheMenuClosesTheTicketOnce()
    {
        WindowHarness &h = *m_h;
        FakeTicketStore &store = *m_store;
        TicketPage *page = openCase();
        QVERIFY(page);
        QAction *resolve = windowAction(h, "actionResolveTicket");
        QVERIFY(resolve->isEnabled());
        QVERIFY(headerResolveButton(page)->isVisible());
        QVERIFY(headerResolveButton(page)->isEnabled());
        const int queueReads = routedTo(h, "/tickets/fetchOpenTickets");

        // The dialog names the case and subject, and Cancel (the default) sends nothing.
        resolve->trigger();
        ResolveDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<ResolveDialog>()));
        QString text;
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            text += label->text() + u'\n';
        QVERIFY2(text.contains(Case) && text.contains(Subject), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("cannot be reopened")), qPrintable(text));
        QVERIFY(dialog->cancelButton()->isDefault());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!findTopLevel<ResolveDialog>());
        QCOMPARE(store.requestCount("/tickets/resolve"), 0);

        QVERIFY(resolveFromMenu(h));
        QTRY_COMPARE(page->ticketView()->ticket().status, TicketStatus::Closed);
        QCOMPARE(store.requestCount("/tickets/resolve"), 1);
        QCOMPARE(store.bodies("/tickets/resolve").constFirst(),
                 QJsonObject({{QStringLiteral("CaseId"), Case}}));
        // The page shows the ticket as read back: who closed it.
        QCOMPARE(page->ticketView()->ticket().closedBy, store.ownerName);
        QTRY_COMPARE(page->statusText(), QStringLiteral("HYXTNJV is closed."));
        QCOMPARE(h.window->statusBar()->currentMessage(), QStringLiteral("HYXTNJV is closed."));
        // The queue is asked again, so the ticket leaves the open list.
        QTRY_VERIFY(routedTo(h, "/tickets/fetchOpenTickets") > queueReads);
        // Nothing more to resolve or edit.
        QVERIFY(!resolve->isEnabled());
        QVERIFY(!windowAction(h, "actionEditTicket")->isEnabled());
        QVERIFY(!headerResolveButton(page)->isVisible());
        QCOMPARE(store.requestCount("/tickets/resolve"), 1);
    }

    void theHeaderButtonAsksToo()
    {
        const FakeTicketStore &store = *m_store;
        TicketPage *page = openCase();
        QVERIFY(page);
        QTest::mouseClick(headerResolveButton(page), Qt::LeftButton);
        ResolveDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<ResolveDialog>()));
        QCOMPARE(dialog->caseNumber(), Case);
        dialog->reject();
        QCOMPARE(store.requestCount("/tickets/resolve"), 0);
    }

    // The server reads the resolve and closes the connection without an
    // answer: it is not sent again; the ticket is read back and the agent
    // told what actually happened.
    void aLostAnswerIsNotResentButReadBack_data()
    {
        QTest::addColumn<bool>("closedByTheServer");
        QTest::addColumn<QString>("message");
        QTest::newRow("closed") << true << QStringLiteral("HYXTNJV is closed.");
        QTest::newRow("not closed") << false << QStringLiteral("HYXTNJV was not closed. Try again.");
    }

    void aLostAnswerIsNotResentButReadBack()
    {
        QFETCH(bool, closedByTheServer);
        QFETCH(QString, message);
        WindowHarness &h = *m_h;
        FakeTicketStore &store = *m_store;
        TicketPage *page = openCase();
        QVERIFY(page);
        QCOMPARE(store.requestCount("/tickets/fetchSingleTicket"), 1);

        store.writeFate = closedByTheServer ? FakeTicketStore::WriteFate::DoneAnswerLost
                                            : FakeTicketStore::WriteFate::NotDoneAnswerLost;
        QVERIFY(resolveFromMenu(h));
        QTRY_COMPARE(page->statusText(), message);
        QCOMPARE(store.requestCount("/tickets/resolve"), 1);
        QCOMPARE(store.requestCount("/tickets/fetchSingleTicket"), 2); // read back once
        QCOMPARE(page->ticketView()->ticket().status,
                 closedByTheServer ? TicketStatus::Closed : TicketStatus::Open);
        // Still open: the agent may try again.
        QCOMPARE(windowAction(h, "actionResolveTicket")->isEnabled(), !closedByTheServer);
    }

    void anAlreadyClosedTicketIsReadAgain()
    {
        WindowHarness &h = *m_h;
        FakeTicketStore &store = *m_store;
        TicketPage *page = openCase();
        QVERIFY(page);
        // Someone else closes it meanwhile: the server answers 404.
        store.addClosed(Case, Subject, QStringLiteral("Dana Whitfield"));
        QVERIFY(resolveFromMenu(h));
        QTRY_COMPARE(page->ticketView()->ticket().status, TicketStatus::Closed);
        QCOMPARE(page->ticketView()->ticket().closedBy, QStringLiteral("Dana Whitfield"));
        QTRY_VERIFY(page->statusText().contains(QStringLiteral("already closed")));
        QCOMPARE(store.requestCount("/tickets/resolve"), 1);
    }

    void resolveIsOfferedOnlyForALoadedOpenTicket()
    {
        WindowHarness &h = *m_h;
        FakeTicketStore &store = *m_store;
        store.addClosed(QStringLiteral("CLOSED1"), Subject, QStringLiteral("Dana Whitfield"));
        store.addOpen(Case, Subject);
        QAction *resolve = windowAction(h, "actionResolveTicket");
        QAction *edit = windowAction(h, "actionEditTicket");
        QVERIFY(!resolve->isEnabled()); // no ticket at all

        TicketPage *closed = openTicket(h, QStringLiteral("CLOSED1"));
        QVERIFY(closed);
        QVERIFY(!resolve->isEnabled());
        QVERIFY(!edit->isEnabled());
        QVERIFY(!headerResolveButton(closed)->isVisible());
        resolve->trigger();
        QVERIFY(!findTopLevel<ResolveDialog>());

        // While the ticket loads (and while it refreshes) it cannot be resolved.
        h.type(Case);
        TicketPage *open = h.window->currentPage();
        QCOMPARE(open->state(), TicketPage::State::Loading);
        QVERIFY(!resolve->isEnabled());
        QTRY_COMPARE(open->state(), TicketPage::State::Ticket);
        QVERIFY(resolve->isEnabled());
        QVERIFY(edit->isEnabled());
        h.window->refreshCurrent();
        QVERIFY(open->isRefreshing());
        QVERIFY(!resolve->isEnabled());
        QVERIFY(!headerResolveButton(open)->isEnabled());
        QTRY_VERIFY(!open->isBusy());
        QVERIFY(resolve->isEnabled());

        // Switching back to the closed ticket follows the tab.
        h.tabs()->setCurrentWidget(closed);
        QVERIFY(!resolve->isEnabled());
        QCOMPARE(store.requestCount("/tickets/resolve"), 0);
    }

    void newTicketIsCreatedAndOpened_data()
    {
        QTest::addColumn<QString>("assignTo");
        QTest::newRow("assigned") << QStringLiteral("ana@example.com");
        QTest::newRow("nobody") << QString();
    }

    void newTicketIsCreatedAndOpened()
    {
        QFETCH(QString, assignTo);
        WindowHarness &h = *m_h;
        FakeTicketStore &store = *m_store;
        store.nextCaseNumber = QStringLiteral("NEWCASE");
        QVERIFY(h.window->queuePanel());
        QTRY_VERIFY(routedTo(h, "/tickets/fetchOpenTickets") > 0);
        const int queueReads = routedTo(h, "/tickets/fetchOpenTickets");

        windowAction(h, "actionNewTicket")->trigger();
        TicketEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<TicketEditorDialog>()));
        QCOMPARE(dialog->mode(), TicketEditorDialog::Mode::New);
        QVERIFY(!dialog->sendButton()->isEnabled()); // no title yet
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                         QStringLiteral("Export <fails>"));
        QTextEdit *description = dialog->descriptionEdit();
        description->setFocus();
        // (Ctrl+B: tst_ticketeditordialog.)
        auto *bold = dialog->findChild<QToolButton *>(QStringLiteral("boldButton"));
        QTest::keyClicks(description, QStringLiteral("Hello "));
        QTest::mouseClick(bold, Qt::LeftButton);
        QTest::keyClicks(description, QStringLiteral("world"));
        QTest::mouseClick(bold, Qt::LeftButton);
        QTest::keyClick(description, Qt::Key_Return);
        QTest::keyClicks(description, QStringLiteral("a & b"));
        auto *priority = dialog->findChild<QComboBox *>(QStringLiteral("priorityCombo"));
        priority->setCurrentIndex(priority->findData(int(Priority::High)));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("assignToEdit")), assignTo);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);

        // 201: the dialog closes and the new ticket opens in a tab.
        QTRY_COMPARE(h.window->ticketCount(), 1);
        QVERIFY(!findTopLevel<TicketEditorDialog>());
        TicketPage *page = h.window->currentPage();
        QCOMPARE(page->caseNumber(), QStringLiteral("NEWCASE"));
        QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
        QCOMPARE(page->ticketView()->ticket().subject, QStringLiteral("Export <fails>"));
        QTRY_VERIFY(routedTo(h, "/tickets/fetchOpenTickets") > queueReads);

        // Spelled as the contract says; AssignTo only when set.
        QCOMPARE(store.requestCount("/tickets/create"), 1);
        QJsonObject expected{
            {QStringLiteral("Title"), QStringLiteral("Export <fails>")},
            {QStringLiteral("Description"), QStringLiteral("Hello <b>world</b><br>a &amp; b")},
            {QStringLiteral("Priority"), 3}};
        if (!assignTo.isEmpty())
            expected.insert(QStringLiteral("AssignTo"), assignTo);
        QCOMPARE(store.bodies("/tickets/create").constFirst(), expected);
    }

    void aRefusedTicketKeepsTheDraft()
    {
        WindowHarness &h = *m_h;
        h.server.enqueue(FakeResponse::error(400, QStringLiteral("No admin matches AssignTo")));
        QTest::keyClick(h.window.get(), Qt::Key_N, Qt::ControlModifier);
        TicketEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<TicketEditorDialog>()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                         QStringLiteral("Draft"));
        QTest::keyClicks(dialog->descriptionEdit(), QStringLiteral("Typed with care"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("assignToEdit")),
                         QStringLiteral("nobody"));
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);

        QTRY_VERIFY(!dialog->errorText().isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->title(), QStringLiteral("Draft"));
        QCOMPARE(dialog->descriptionEdit()->toPlainText(), QStringLiteral("Typed with care"));
        QCOMPARE(dialog->assignTo(), QStringLiteral("nobody"));
        QVERIFY(dialog->sendButton()->isEnabled()); // fix and send again
        QCOMPARE(h.window->ticketCount(), 0);
        QCOMPARE(h.server.requestCount(), 1);
        dialog->reject();
    }

    void editSendsOnlyWhatChangedAndTheTicketIsReadAgain()
    {
        WindowHarness &h = *m_h;
        FakeTicketStore &store = *m_store;
        TicketPage *page = openCase();
        QVERIFY(page);

        windowAction(h, "actionEditTicket")->trigger();
        TicketEditorDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<TicketEditorDialog>()));
        QCOMPARE(dialog->mode(), TicketEditorDialog::Mode::Edit);
        QCOMPARE(dialog->title(), Subject);
        QVERIFY(!dialog->descriptionEdit()->toPlainText().isEmpty()); // the sample's description
        QVERIFY(!dialog->sendButton()->isEnabled());                  // nothing changed yet
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("customerNote"))->isVisible());
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Winners list export fails on Safari"));
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);

        QTRY_COMPARE(page->ticketView()->ticket().subject,
                     QStringLiteral("Winners list export fails on Safari"));
        QVERIFY(!findTopLevel<TicketEditorDialog>());
        QCOMPARE(store.requestCount("/tickets/update"), 1);
        QCOMPARE(
            store.bodies("/tickets/update").constFirst(),
            QJsonObject({{QStringLiteral("CaseId"), Case},
                         {QStringLiteral("Title"), QStringLiteral("Winners list export fails on Safari")}}));
        QTRY_VERIFY(!page->statusText().isEmpty());
    }

    // Demo mode: the in-app server resolves in memory (7741209 is open there).
    void resolveWorksInDemoMode()
    {
        WindowHarness &h = *m_h;
        QVERIFY(h.window->startDemo());
        h.type(QStringLiteral("7741209"));
        TicketPage *page = h.window->currentPage();
        QTRY_COMPARE(page->state(), TicketPage::State::Ticket);
        QCOMPARE(page->ticketView()->ticket().status, TicketStatus::Open);
        QVERIFY(resolveFromMenu(h));
        QTRY_COMPARE(page->ticketView()->ticket().status, TicketStatus::Closed);
        QTRY_COMPARE(page->statusText(), QStringLiteral("7741209 is closed."));
        QVERIFY(!windowAction(h, "actionResolveTicket")->isEnabled());
    }

private:
    // The open ticket HYXTNJV, shown in the window (null if it never shows).
    TicketPage *openCase()
    {
        m_store->addOpen(Case, Subject);
        return openTicket(*m_h, Case);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<WindowHarness> m_h;
    std::unique_ptr<FakeTicketStore> m_store;
};

QTEST_MAIN(tst_WindowWrites)
#include "tst_windowwrites.moc"
