// The ticket view fills the tab in front at once and the others after the
// first paint (issue 19): a tab the agent switches to before its turn shows
// this ticket, never the previous one, and Ctrl+1…7 (TicketView::showTab)
// still puts the keyboard into its content.

#include "support/ticketviewtestdata.h"
#include "ticketview/notesmodel.h"
#include "ticketview/notestab.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/statisticstab.h"
#include "ticketview/ticketview.h"

#include <QApplication>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_TicketViewFill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchingBeforeTheFillShowsThisTicket();
    void tabsBehindFillThemselves();
    void refreshKeepsTheTabAndItsContent();
};

namespace {

bool showOnScreen(TicketView &view)
{
    view.resize(900, 700);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

} // namespace

void tst_TicketViewFill::switchingBeforeTheFillShowsThisTicket()
{
    TicketView view;
    QVERIFY(showOnScreen(view));
    QVERIFY(QTest::qWaitForWindowActive(&view));
    auto *notes = view.findChild<NotesTab *>(QStringLiteral("notesTab"));
    auto *statistics = view.findChild<StatisticsTab *>(QStringLiteral("statisticsTab"));

    const Ticket ticket = Testing::largeTicket(40, 300);
    view.setTicket(ticket);
    // Not filled yet (no event-loop turn since): what follows is the fill on switching.
    QCOMPARE(statistics->model()->rowCount(), 0);
    QCOMPARE(view.tabTitle(TicketView::StatisticsTabIndex), QStringLiteral("Statistics (300)"));

    // Ctrl+3, before the view got its turn to fill the tab.
    view.showTab(TicketView::StatisticsTabIndex);
    QCOMPARE(statistics->tableView()->model()->rowCount(), 300);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(statistics->tableView()));

    // Ctrl+2 on a second ticket: the notes list has this ticket's notes, the keyboard is in it.
    Ticket second = Testing::largeTicket(7, 5);
    second.caseNumber = QStringLiteral("SECOND1");
    view.setTicket(second);
    view.showTab(TicketView::NotesTabIndex);
    QListView *list = notes->listView();
    QCOMPARE(list->model()->rowCount(), 7);
    QStringList ids;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        ids.append(list->model()->index(row, 0).data(NotesModel::IdRole).toString());
    QStringList expected;
    for (const Note &note : second.notes)
        expected.append(note.id);
    ids.sort();
    expected.sort();
    QCOMPARE(ids, expected);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(list));
    // The statistics left behind follow on their own, with the second ticket's rows.
    QTRY_COMPARE(statistics->model()->rowCount(), 5);
}

void tst_TicketViewFill::tabsBehindFillThemselves()
{
    TicketView view;
    QVERIFY(showOnScreen(view));
    auto *notes = view.findChild<NotesTab *>(QStringLiteral("notesTab"));
    auto *statistics = view.findChild<StatisticsTab *>(QStringLiteral("statisticsTab"));
    view.setTicket(Testing::largeTicket(25, 60));
    QCOMPARE(view.currentTab(), int(TicketView::OverviewTabIndex));
    // Nobody switches: the event loop fills them, so a switch later costs nothing.
    QTRY_COMPARE(statistics->tableView()->model()->rowCount(), 60);
    QTRY_COMPARE(notes->listView()->model()->rowCount(), 25);
}

void tst_TicketViewFill::refreshKeepsTheTabAndItsContent()
{
    TicketView view;
    QVERIFY(showOnScreen(view));
    const Ticket ticket = Testing::largeTicket(12, 30);
    view.setTicket(ticket);
    view.showTab(TicketView::NotesTabIndex, TicketView::TabFocus::KeepFocus);
    const QString newest = ticket.notes.constLast().id;
    view.setNewNoteIds({newest});
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (12 · 1 new)"));

    // A refresh (F5, the watcher's poll) while on Notes: filled at once, "New" kept.
    view.setTicket(ticket);
    QCOMPARE(view.currentTab(), int(TicketView::NotesTabIndex));
    auto *notes = view.findChild<NotesTab *>(QStringLiteral("notesTab"));
    QCOMPARE(notes->listView()->model()->rowCount(), 12);
    QCOMPARE(notes->model()->newNoteCount(), 1);
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (12 · 1 new)"));

    // New ids set while the Notes tab is behind: the title counts them at once,
    // and the list marks them once the agent gets there.
    view.showTab(TicketView::OverviewTabIndex);
    Ticket more = ticket;
    Note added = ticket.notes.constLast();
    added.id = QStringLiteral("added-1");
    added.date = added.date.addSecs(60);
    more.notes.append(added);
    view.setTicket(more);
    view.setNewNoteIds({added.id});
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (13 · 1 new)"));
    view.showTab(TicketView::NotesTabIndex);
    QCOMPARE(notes->model()->newNoteCount(), 1);
    QCOMPARE(notes->model()->rowCount(), 13);
}

QTEST_MAIN(tst_TicketViewFill)
#include "tst_ticketviewfill.moc"
