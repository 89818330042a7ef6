// The Notes tab as an agent meets it (issue 18, item 3): it opens at the
// newest note in either order, remembers the order, shows who wrote a note
// when the note says, and Ctrl+1…7 (TicketView::showTab) puts the keyboard
// inside the tab's content.
#include "support/englishplurals.h"
#include "support/throwawaysettings.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/notedelegate.h"
#include "ticketview/notesmodel.h"
#include "ticketview/notestab.h"
#include "ticketview/ticketview.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_NotesTab final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void opensAtTheNewestNote_data();
    void opensAtTheNewestNote();
    void orderIsRemembered();
    void authorInTheHeader();
    void showTabPutsTheKeyboardInTheContent();

private:
    // The notes' order and "Show views" are remembered: not in the user's settings.
    Testing::ThrowawaySettings m_settings{QStringLiteral("tst_notestab")};
};

namespace {

// Many notes, so that the newest is far from the other end of the list.
Ticket manyNotes(int count)
{
    Ticket t = Testing::sampleTicket();
    t.notes.clear();
    for (int i = 0; i < count; ++i) {
        Note n;
        n.id = QString::number(i + 1);
        n.date = QDateTime(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(i) * 3600);
        n.html = QStringLiteral("Note number %1 with a few words to wrap.").arg(i + 1);
        t.notes.append(n);
    }
    return t;
}

NotesTab *notesTabOf(const TicketView &view)
{
    auto *tab = view.findChild<NotesTab *>(QStringLiteral("notesTab"));
    if (!tab)
        qFatal("no notes tab");
    return tab;
}

} // namespace

void tst_NotesTab::init()
{
    QSettings().clear();
}

void tst_NotesTab::opensAtTheNewestNote_data()
{
    QTest::addColumn<bool>("newestFirst");
    QTest::newRow("newest first") << true;
    QTest::newRow("oldest first") << false;
}

void tst_NotesTab::opensAtTheNewestNote()
{
    QFETCH(bool, newestFirst);
    QSettings().setValue(QStringLiteral("notes/newestFirst"), newestFirst);
    TicketView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showTab(TicketView::NotesTabIndex);
    NotesTab *notes = notesTabOf(view);
    QCOMPARE(notes->newestFirst(), newestFirst);
    view.setTicket(manyNotes(60));

    QListView *list = notes->listView();
    const QModelIndex current = list->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(NotesModel::IdRole).toString(), QStringLiteral("60"));
    QVERIFY(list->selectionModel()->isSelected(current));
    // ... and it is on screen: at the top, or at the bottom after scrolling down.
    QTRY_VERIFY(list->viewport()->rect().intersects(list->visualRect(list->currentIndex())));
    if (newestFirst)
        QCOMPARE(list->verticalScrollBar()->value(), 0);
    else
        QVERIFY(list->verticalScrollBar()->value() > 0);

    // The next ticket opens at its newest note too.
    Ticket other = manyNotes(5);
    view.setTicket(other);
    QCOMPARE(list->currentIndex().data(NotesModel::IdRole).toString(), QStringLiteral("5"));
}

void tst_NotesTab::orderIsRemembered()
{
    {
        NotesTab tab;
        QVERIFY(tab.newestFirst()); // the default: the latest note first
        auto *order = tab.findChild<QComboBox *>(QStringLiteral("notesOrder"));
        QVERIFY(order);
        order->setCurrentIndex(0); // the agent picks "Oldest first"
        QCOMPARE(order->currentText(), QStringLiteral("Oldest first"));
        QVERIFY(!tab.newestFirst());
    }
    QCOMPARE(QSettings().value(QStringLiteral("notes/newestFirst")).toBool(), false);
    NotesTab next; // another ticket, or the next start
    QVERIFY(!next.newestFirst());
    next.setTicket(Testing::sampleTicket());
    QCOMPARE(next.proxyModel()->index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("101"));
    next.setNewestFirst(true);
    QCOMPARE(next.proxyModel()->index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("103"));
    QCOMPARE(QSettings().value(QStringLiteral("notes/newestFirst")).toBool(), true);
}

void tst_NotesTab::authorInTheHeader()
{
    Ticket t = manyNotes(2);
    t.notes[1].author = QStringLiteral("Ana Ruiz");
    NotesTab tab;
    tab.setTicket(t);
    QSortFilterProxyModel *proxy = tab.proxyModel();
    QCOMPARE(proxy->rowCount(), 2);
    const QModelIndex signedNote = proxy->index(0, 0); // newest first: the note with an author
    const QModelIndex anonymous = proxy->index(1, 0);
    const QString header = NoteDelegate::headerText(signedNote);
    QVERIFY2(header.startsWith(QStringLiteral("Ana Ruiz \u00B7 ")), qPrintable(header));
    QVERIFY(header.contains(signedNote.data(NotesModel::DateTextRole).toString()));
    QVERIFY(header.endsWith(QStringLiteral("ago")));
    const QString plain = NoteDelegate::headerText(anonymous);
    QVERIFY2(plain.startsWith(anonymous.data(NotesModel::DateTextRole).toString()), qPrintable(plain));
    QVERIFY(!plain.contains(QStringLiteral("Ana")));

    // The author's line is painted: the row with an author is drawn
    // differently from the same note without one.
    tab.resize(700, 400);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QListView *list = tab.listView();
    list->clearSelection();
    list->setCurrentIndex({});
    const auto headerStrip = [list](const QModelIndex &index) {
        const QRect rect = list->visualRect(index);
        return list->viewport()
            ->grab(QRect(rect.topLeft(), QSize(rect.width(), list->fontMetrics().height() + 8)))
            .toImage();
    };
    QTRY_VERIFY(list->visualRect(signedNote).isValid());
    const QImage withAuthor = headerStrip(signedNote);
    t.notes[1].author.clear();
    tab.setTicket(t);
    list->clearSelection();
    list->setCurrentIndex({});
    QTRY_VERIFY(list->visualRect(tab.proxyModel()->index(0, 0)).isValid());
    QVERIFY(headerStrip(tab.proxyModel()->index(0, 0)) != withAuthor);
}

void tst_NotesTab::showTabPutsTheKeyboardInTheContent()
{
    QWidget window; // a search bar above the ticket, as in the main window
    auto *search = new QLineEdit(&window);
    auto *view = new TicketView(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(search);
    layout->addWidget(view);
    window.resize(1000, 700);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    view->setTicket(Testing::sampleTicket());
    auto *tabs = view->findChild<QTabWidget *>(QStringLiteral("ticketTabs"));
    QVERIFY(tabs);
    for (int i = 0; i < view->tabCount(); ++i) {
        search->setFocus();
        view->showTab(i);
        QWidget *page = tabs->widget(i);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus && page->isAncestorOf(focus),
                 qPrintable(QStringLiteral("tab %1: focus on %2")
                                .arg(i)
                                .arg(focus ? focus->objectName() + u' ' +
                                                 QString::fromLatin1(focus->metaObject()->className())
                                           : QStringLiteral("nothing"))));
    }
    // The content, not the filter box above it.
    view->showTab(TicketView::NotesTabIndex);
    QCOMPARE(QApplication::focusWidget(), notesTabOf(*view)->listView());
    view->showTab(TicketView::OverviewTabIndex);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("details"));
    view->showTab(TicketView::StatisticsTabIndex);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("statisticsTable"));

    // A refresh that keeps the tab takes nothing from where the agent types.
    search->setFocus();
    view->showTab(TicketView::NotesTabIndex, TicketView::TabFocus::KeepFocus);
    QCOMPARE(view->currentTab(), int(TicketView::NotesTabIndex));
    QCOMPARE(QApplication::focusWidget(), search);

    // A tab with nothing to read: the keyboard goes to the tab bar, not nowhere.
    view->setTicket(Ticket{});
    search->setFocus();
    view->showTab(TicketView::NotesTabIndex);
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus && view->isAncestorOf(focus));
}

QTEST_MAIN(tst_NotesTab)
#include "tst_notestab.moc"
