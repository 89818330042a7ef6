#include "support/englishplurals.h"
#include "support/tabproxy.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/notedelegate.h"
#include "ticketview/notesmodel.h"
#include "ticketview/notestab.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_NotesModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyTicket();
    void sampleTicket();
    void hostileNotes();
    void filterAndSortThroughProxy();
    void fiveThousandNotes();
    void newNotesAreMarked();
    void oneDividerAboveTheFirstNewNote();
    void newNotesArePainted();
    void authorWhenTheNoteNamesOne();
};

namespace {

// The rows of the Notes tab's list (display order) that have the "New since
// you last looked" band above them, by note id.
QStringList dividerRows(const NotesTab &tab)
{
    const auto *delegate = qobject_cast<const NoteDelegate *>(tab.listView()->itemDelegate());
    QStringList ids;
    const QAbstractItemModel *model = tab.listView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (delegate->hasDivider(index))
            ids << index.data(NotesModel::IdRole).toString();
    }
    return ids;
}

// Pixels of the list's rendering in exactly the palette's highlight colour.
int highlightPixels(QListView *list)
{
    const QImage image = list->viewport()->grab().toImage();
    const QRgb highlight = list->palette().color(QPalette::Normal, QPalette::Highlight).rgb();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == highlight ? 1 : 0;
    }
    return count;
}

} // namespace

void tst_NotesModel::emptyTicket()
{
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNotes({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_NotesModel::sampleTicket()
{
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Ticket ticket = Testing::sampleTicket();
    model.setNotes(ticket.notes);
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(NotesModel::DateRole).toDateTime(),
             QDateTime(QDate(2025, 1, 26), QTime(10, 5, 12), Qt::UTC));
    QCOMPARE(first.data(NotesModel::IdRole).toString(), QStringLiteral("101"));
    QCOMPARE(first.data(NotesModel::NoteIndexRole).toInt(), 0);
    QVERIFY(
        first.data(NotesModel::PlainTextRole).toString().startsWith(QStringLiteral("Thanks for reporting")));
    QVERIFY(!first.data(NotesModel::DateTextRole).toString().isEmpty());
    const QString html = model.index(1).data(NotesModel::SanitizedHtmlRole).toString();
    QVERIFY(html.contains(QStringLiteral("<b>SS-2025-0612</b>")));
    QCOMPARE(model.index(1).data(NotesModel::PlainTextRole).toString(),
             QStringLiteral("It is SS-2025-0612. The export stops at exactly 10,000 rows."));
    // The display text (read by screen readers) has the date and the plain text.
    QVERIFY(model.index(2).data().toString().contains(QStringLiteral("Fixed in release 3.14.2")));
}

void tst_NotesModel::hostileNotes()
{
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Ticket ticket = Testing::hostileTicket();
    model.setNotes(ticket.notes);
    QVERIFY(model.rowCount() >= 4);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString html = model.index(row).data(NotesModel::SanitizedHtmlRole).toString().toLower();
        QVERIFY2(!html.contains(QStringLiteral("<script")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("<img")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("javascript:")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("onclick")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("evil.example")), qPrintable(html));
    }
    // Text is escaped: "&" stays a character; "<angle brackets>" is an unknown tag and dropped.
    const QString first = model.index(0).data(NotesModel::SanitizedHtmlRole).toString();
    QVERIFY2(first.contains(QStringLiteral("&amp; ampersands")), qPrintable(first));
    // A plain-text note (no '<') is text, never markup.
    Note plain;
    plain.html = QStringLiteral("5 > 3 & \"quotes\"\nsecond line");
    model.setNotes({plain});
    const QString html = model.index(0).data(NotesModel::SanitizedHtmlRole).toString();
    QVERIFY2(html.contains(QStringLiteral("5 &gt; 3 &amp;")), qPrintable(html));
    // Model data for rows out of range is empty, not a crash.
    QVERIFY(!model.data(model.index(9999), Qt::DisplayRole).isValid());
}

void tst_NotesModel::filterAndSortThroughProxy()
{
    Testing::TabModels<NotesModel> tab(NotesModel::DateRole, NotesModel::PlainTextRole);
    QAbstractItemModelTester tester(&tab.proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tab.model.setNotes(Testing::sampleTicket().notes);

    tab.proxy.sort(0, Qt::DescendingOrder);
    QCOMPARE(tab.proxy.index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("103"));
    tab.proxy.sort(0, Qt::AscendingOrder);
    QCOMPARE(tab.proxy.index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("101"));

    // The filter matches text, not markup.
    tab.proxy.setFilterFixedString(QStringLiteral("ss-2025"));
    QCOMPARE(tab.proxy.rowCount(), 1);
    tab.proxy.setFilterFixedString(QStringLiteral("<b>"));
    QCOMPARE(tab.proxy.rowCount(), 0);
    tab.proxy.setFilterFixedString({});
    QCOMPARE(tab.proxy.rowCount(), 3);
}

void tst_NotesModel::fiveThousandNotes()
{
    const Ticket ticket = Testing::largeTicket(5000, 0);
    Testing::TabModels<NotesModel> tab(NotesModel::DateRole, NotesModel::PlainTextRole);
    QElapsedTimer timer;
    timer.start();
    tab.model.setNotes(ticket.notes);
    tab.proxy.sort(0, Qt::DescendingOrder);
    const qint64 setMs = timer.elapsed();
    QCOMPARE(tab.proxy.rowCount(), 5000);
    QCOMPARE(tab.proxy.index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("5000"));
    QVERIFY2(setMs < 500, qPrintable(QStringLiteral("setNotes + sort took %1 ms").arg(setMs)));

    timer.restart();
    tab.proxy.setFilterFixedString(QStringLiteral("number 4998"));
    QCOMPARE(tab.proxy.rowCount(), 1);
    qInfo("filter over 5,000 notes: %lld ms (first time: converts every note to text)", timer.elapsed());
}

void tst_NotesModel::newNotesAreMarked()
{
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNotes(Testing::sampleTicket().notes); // ids 101, 102, 103
    QCOMPARE(model.newNoteCount(), 0);
    QVERIFY(!model.index(2).data(NotesModel::IsNewRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // "999" is not on this ticket: it marks nothing and is not counted.
    model.setNewNoteIds({QStringLiteral("102"), QStringLiteral("103"), QStringLiteral("999")});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.newNoteCount(), 2);
    QVERIFY(!model.index(0).data(NotesModel::IsNewRole).toBool());
    QVERIFY(model.index(1).data(NotesModel::IsNewRole).toBool());
    QVERIFY(model.index(2).data(NotesModel::IsNewRole).toBool());
    // A screen reader hears "New" first; the shown text is unchanged.
    const QString spoken = model.index(1).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.startsWith(QStringLiteral("New, ")), qPrintable(spoken));
    QVERIFY(spoken.contains(QStringLiteral("SS-2025-0612")));
    QVERIFY(!model.index(1).data(Qt::DisplayRole).toString().startsWith(QStringLiteral("New")));
    QVERIFY(!model.index(0).data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("New")));

    // A refresh of the same ticket keeps the marks.
    model.setNotes(Testing::sampleTicket().notes);
    QVERIFY(model.index(2).data(NotesModel::IsNewRole).toBool());
    // Setting the same ids again changes nothing; clearing removes every mark.
    changed.clear();
    model.setNewNoteIds(model.newNoteIds());
    QCOMPARE(changed.count(), 0);
    model.setNewNoteIds({});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.newNoteCount(), 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row).data(NotesModel::IsNewRole).toBool());
        QVERIFY(!model.index(row).data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("New")));
    }
}

void tst_NotesModel::oneDividerAboveTheFirstNewNote()
{
    NotesTab tab;
    tab.resize(600, 800);
    tab.setNewestFirst(false);              // the default is newest first (and remembered)
    tab.setTicket(Testing::sampleTicket()); // 101, 102, 103 from oldest to newest
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QListView *list = tab.listView();
    QCOMPARE(dividerRows(tab), QStringList());
    const int plainHeight = list->visualRect(list->model()->index(1, 0)).height();

    tab.model()->setNewNoteIds({QStringLiteral("102"), QStringLiteral("103")});
    QCOMPARE(dividerRows(tab), QStringList{QStringLiteral("102")});
    // The band takes room of its own: the row grew, the one after did not.
    QTRY_VERIFY(list->visualRect(list->model()->index(1, 0)).height() > plainHeight);
    QVERIFY(list->visualRect(list->model()->index(2, 0)).height() <=
            list->visualRect(list->model()->index(1, 0)).height());

    // Newest first: the first new note shown is now 103.
    tab.setNewestFirst(true);
    QCOMPARE(dividerRows(tab), QStringList{QStringLiteral("103")});
    QCOMPARE(list->model()->index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("103"));
    // Filtered down to 102: the band follows it.
    tab.setFilterText(QStringLiteral("SS-2025-0612"));
    QCOMPARE(dividerRows(tab), QStringList{QStringLiteral("102")});
    tab.setFilterText({});
    // Still one band, above whichever new note now comes first (the list
    // brings filtered-out rows back without sorting them again).
    QString firstNew;
    for (int row = 0; row < list->model()->rowCount() && firstNew.isEmpty(); ++row) {
        if (list->model()->index(row, 0).data(NotesModel::IsNewRole).toBool())
            firstNew = list->model()->index(row, 0).data(NotesModel::IdRole).toString();
    }
    QCOMPARE(dividerRows(tab), QStringList{firstNew});
    tab.setNewestFirst(false);
    QCOMPARE(dividerRows(tab), QStringList{QStringLiteral("102")});

    // Keyboard navigation still moves one note at a time, through the new ones too.
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().data(NotesModel::IdRole).toString(), QStringLiteral("102"));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().data(NotesModel::IdRole).toString(), QStringLiteral("103"));

    tab.model()->setNewNoteIds({});
    QCOMPARE(dividerRows(tab), QStringList());
    QTRY_COMPARE(list->visualRect(list->model()->index(1, 0)).height(), plainHeight);
}

void tst_NotesModel::newNotesArePainted()
{
    NotesTab tab;
    tab.resize(600, 800);
    tab.setTicket(Testing::sampleTicket());
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QListView *list = tab.listView();
    list->clearSelection();
    list->setCurrentIndex({});
    const int before = highlightPixels(list);
    tab.model()->setNewNoteIds({QStringLiteral("103")});
    // The pill and the band are drawn in the highlight colour; gone again when cleared.
    QTRY_VERIFY(highlightPixels(list) > before + 50);
    tab.model()->setNewNoteIds({});
    QTRY_COMPARE(highlightPixels(list), before);
}

void tst_NotesModel::authorWhenTheNoteNamesOne()
{
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Note signed_;
    signed_.date = QDateTime(QDate(2025, 3, 14), QTime(9, 30), Qt::UTC);
    signed_.html = QStringLiteral("Looking into it.");
    signed_.author = QStringLiteral("Ana Ruiz");
    Note anonymous = signed_;
    anonymous.author.clear();
    model.setNotes({signed_, anonymous});
    QCOMPARE(model.index(0).data(NotesModel::AuthorRole).toString(), QStringLiteral("Ana Ruiz"));
    QVERIFY(model.index(1).data(NotesModel::AuthorRole).toString().isEmpty());
    // A screen reader hears who wrote it first, and no empty name when nobody is known.
    QVERIFY2(model.index(0).data().toString().startsWith(QStringLiteral("Ana Ruiz, ")),
             qPrintable(model.index(0).data().toString()));
    QVERIFY(!model.index(1).data().toString().startsWith(QStringLiteral(",")));
    QVERIFY(model.index(1).data().toString().endsWith(QStringLiteral(": Looking into it.")));
}

QTEST_MAIN(tst_NotesModel)
#include "tst_notesmodel.moc"
