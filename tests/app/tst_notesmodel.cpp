#include "support/englishplurals.h"
#include "support/tabproxy.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/notesmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
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
};

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

QTEST_MAIN(tst_NotesModel)
#include "tst_notesmodel.moc"
