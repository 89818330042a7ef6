// The ticket view's "what is new" pieces (issue 14): the Notes tab's title
// with the count of new notes, notesViewed() when the notes are in front of
// the agent (and only then), and the header's callout.

#include "support/englishplurals.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/notesmodel.h"
#include "ticketview/notestab.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_TicketViewNew final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notesTitleCountsNewNotes();
    void newNoteIdsMarkTheNotes();
    void notesViewedOnlyWhenShown();
    void calloutUnderTheTitle();
};

void tst_TicketViewNew::notesTitleCountsNewNotes()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket()); // 3 notes
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3)"));
    view.setNewNotesCount(2);
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3 · 2 new)"));
    QCOMPARE(view.findChild<QTabWidget *>(QStringLiteral("ticketTabs"))->tabText(TicketView::NotesTabIndex),
             view.tabTitle(TicketView::NotesTabIndex));
    // A refresh keeps the count until the window says otherwise.
    view.setTicket(Testing::sampleTicket());
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3 · 2 new)"));
    view.setNewNotesCount(0);
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3)"));
    view.setNewNotesCount(-4); // nonsense reads as none
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3)"));
}

void tst_TicketViewNew::newNoteIdsMarkTheNotes()
{
    TicketView view;
    view.setTicket(Testing::sampleTicket());
    // Only ids this ticket has count.
    view.setNewNoteIds({QStringLiteral("103"), QStringLiteral("gone")});
    QCOMPARE(view.newNotesCount(), 1);
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3 · 1 new)"));
    NotesModel *model = view.notesTab()->model();
    QVERIFY(model->index(2).data(NotesModel::IsNewRole).toBool());
    view.setNewNoteIds({});
    QCOMPARE(view.tabTitle(TicketView::NotesTabIndex), QStringLiteral("Notes (3)"));
    QVERIFY(!model->index(2).data(NotesModel::IsNewRole).toBool());
}

void tst_TicketViewNew::notesViewedOnlyWhenShown()
{
    QWidget window;
    auto *view = new TicketView(&window);
    view->setTicket(Testing::sampleTicket());
    QSignalSpy viewed(view, &TicketView::notesViewed);

    // Not on screen: switching to Notes is not looking at them.
    view->showTab(TicketView::NotesTabIndex);
    QCOMPARE(viewed.count(), 0);
    // The window appears with Notes in front: now they are seen.
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(viewed.count(), 1);
    // Another section, then Notes again.
    view->showTab(TicketView::StatisticsTabIndex);
    QCOMPARE(viewed.count(), 1);
    view->showTab(TicketView::NotesTabIndex);
    QCOMPARE(viewed.count(), 2);

    // Hidden (e.g. another ticket's tab is in front): switching does not count,
    // coming back to the front does.
    view->showTab(TicketView::OverviewTabIndex);
    view->hide();
    view->showTab(TicketView::NotesTabIndex);
    QCOMPARE(viewed.count(), 2);
    view->show();
    QCOMPARE(viewed.count(), 3);
    // Shown with another section in front: nothing.
    view->hide();
    view->showTab(TicketView::RawTabIndex);
    view->show();
    QCOMPARE(viewed.count(), 3);
}

void tst_TicketViewNew::calloutUnderTheTitle()
{
    TicketView view;
    view.resize(1100, 700);
    view.setTicket(Testing::sampleTicket());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    TicketHeader *header = view.header();
    auto *callout = header->findChild<QWidget *>(QStringLiteral("callout"));
    auto *text = header->findChild<QLabel *>(QStringLiteral("calloutText"));
    QVERIFY(callout && text);
    QVERIFY(!callout->isVisible()); // nothing to say
    header->setCallout(QStringLiteral("Closed by Maria Lopez since you last looked"));
    QVERIFY(callout->isVisible());
    QCOMPARE(text->text(), QStringLiteral("Closed by Maria Lopez since you last looked"));
    QCOMPARE(text->accessibleName(), text->text());
    QCOMPARE(text->textFormat(), Qt::PlainText);
    QCOMPARE(text->textInteractionFlags(), Qt::NoTextInteraction);
    // Under the title: below the case number, above the status badge.
    auto *caseNumber = header->findChild<QLabel *>(QStringLiteral("caseNumber"));
    auto *status = header->findChild<QWidget *>(QStringLiteral("statusBadge"));
    QVERIFY(callout->mapTo(header, QPoint(0, 0)).y() >=
            caseNumber->mapTo(header, QPoint(0, 0)).y() + caseNumber->height());
    QVERIFY(callout->mapTo(header, QPoint(0, callout->height())).y() <=
            status->mapTo(header, QPoint(0, 0)).y());
    // Markup is shown as text, never rendered.
    header->setCallout(QStringLiteral("<b>Closed</b>"));
    QCOMPARE(text->text(), QStringLiteral("<b>Closed</b>"));
    header->setCallout({});
    QVERIFY(!callout->isVisible());
    QCOMPARE(header->callout(), QString());
}

QTEST_MAIN(tst_TicketViewNew)
#include "tst_ticketviewnew.moc"
