#include "support/englishplurals.h"
#include "support/tabproxy.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/statisticsmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_StatisticsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyTicket();
    void sampleTicket();
    void whoMapsTokensToNames();
    void theSignedInUserIsYou();
    void hostileTicket();
    void fiftyThousandRows();
    void dateSortMatchesVariantSort_data();
    void dateSortMatchesVariantSort();
};

void tst_StatisticsModel::emptyTicket()
{
    StatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTicket(Ticket{});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(StatisticsModel::DateColumn, Qt::Horizontal).toString(),
             QStringLiteral("Date"));
    QCOMPARE(model.headerData(StatisticsModel::WhoColumn, Qt::Horizontal).toString(), QStringLiteral("Who"));
    QCOMPARE(model.headerData(StatisticsModel::ActionColumn, Qt::Horizontal).toString(),
             QStringLiteral("Action"));
}

void tst_StatisticsModel::sampleTicket()
{
    StatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTicket(Testing::sampleTicket());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Maria Lopez"));
    QCOMPARE(model.index(1, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Dana Whitfield"));
    QCOMPARE(model.index(3, StatisticsModel::ActionColumn).data().toString(), QStringLiteral("Resolved"));
    QCOMPARE(model.index(0, StatisticsModel::DateColumn).data(StatisticsModel::SortRole).toDateTime(),
             QDateTime(QDate(2025, 1, 26), QTime(10, 0), Qt::UTC));
    QCOMPARE(model.index(0, StatisticsModel::DateColumn).data(StatisticsModel::SortRole).metaType(),
             QMetaType::fromType<QDateTime>());
    // The full token is in the tooltip, with who it is.
    const QString tip = model.index(0, StatisticsModel::WhoColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77")));
    QVERIFY(tip.contains(QStringLiteral("requester")));
}

void tst_StatisticsModel::whoMapsTokensToNames()
{
    Ticket t = Testing::sampleTicket();
    t.collaborators.append(QJsonObject{{QStringLiteral("token"), QStringLiteral("ABCDEF12-3456")},
                                       {QStringLiteral("NAME"), QStringLiteral("Lowercase Keys")}});
    t.collaborators.append(QStringLiteral("not an object"));
    StatisticEntry unknown;
    unknown.date = QDateTime(QDate(2025, 2, 1), QTime(9, 0), Qt::UTC);
    unknown.userToken = QStringLiteral("0b8e9c4a-0000-4000-8000-000000000000");
    unknown.action = QStringLiteral("update");
    StatisticEntry upper = unknown;
    upper.userToken = QStringLiteral("abcdef12-3456"); // case differs from the collaborator entry
    StatisticEntry requesterUpper = unknown;
    requesterUpper.userToken = t.requester.userToken.toUpper();
    StatisticEntry empty = unknown;
    empty.userToken.clear();
    t.statistics = {unknown, upper, requesterUpper, empty};

    StatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTicket(t);
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data().toString(),
             QStringLiteral("Unknown user (0b8e9c4a\u2026)"));
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("<p>0b8e9c4a-0000-4000-8000-000000000000</p>"));
    QCOMPARE(model.index(1, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Lowercase Keys"));
    QCOMPARE(model.index(2, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Maria Lopez"));
    QCOMPARE(model.index(3, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Unknown"));

    const QHash<QString, QString> names = StatisticsModel::namesByToken(t);
    QCOMPARE(names.size(), 3);
}

void tst_StatisticsModel::theSignedInUserIsYou()
{
    StatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTicket(Testing::sampleTicket());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Maria Lopez (the requester) signed in: her entries say "You", others keep their names.
    model.setYouToken(QStringLiteral(" 0B8E9C4A-52F1-4D7E-8A3B-6F1E2D9C0A77 "));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("You"));
    QCOMPARE(model.index(1, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Dana Whitfield"));
    model.setYouToken({});
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("Maria Lopez"));
}

void tst_StatisticsModel::hostileTicket()
{
    StatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Ticket t = Testing::hostileTicket();
    model.setTicket(t);
    QVERIFY(model.rowCount() >= 4);
    // The collaborator entry {"token": TOKEN-IN-UPPER-CASE, "name": ...} names the requester's token too,
    // but the requester's own name wins.
    QVERIFY(model.index(1, StatisticsModel::WhoColumn).data().toString().contains(QStringLiteral("Mallory")));
    // HTML in an action is text.
    bool sawMarkup = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, StatisticsModel::ActionColumn).data().toString() ==
            QStringLiteral("<b>reopen</b>"))
            sawMarkup = true;
        QVERIFY(!model.index(row, StatisticsModel::ActionColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("<b>")));
    }
    QVERIFY(sawMarkup);
}

void tst_StatisticsModel::fiftyThousandRows()
{
    const Ticket t = Testing::largeTicket(0, 50000);
    Testing::TabModels<StatisticsModel> tab(StatisticsModel::SortRole, StatisticsModel::FilterRole);

    QElapsedTimer timer;
    timer.start();
    tab.model.setTicket(t);
    QCOMPARE(tab.model.rowCount(), 50000);
    QCOMPARE(tab.proxy.rowCount(), 50000);
    const qint64 setMs = timer.elapsed();
    QVERIFY2(setMs < 200, qPrintable(QStringLiteral("setTicket took %1 ms").arg(setMs)));

    timer.restart();
    tab.proxy.sort(StatisticsModel::DateColumn, Qt::AscendingOrder);
    const qint64 sortMs = timer.elapsed();
    qInfo("sorting 50,000 rows by date: %lld ms", sortMs);
    QVERIFY2(sortMs < 3000, qPrintable(QStringLiteral("sort took %1 ms").arg(sortMs)));
    QDateTime previous;
    for (int row = 0; row < tab.proxy.rowCount(); row += 97) {
        const QDateTime date =
            tab.proxy.index(row, StatisticsModel::DateColumn).data(StatisticsModel::DateRole).toDateTime();
        QVERIFY(date.isValid());
        if (previous.isValid())
            QVERIFY(previous <= date);
        previous = date;
    }
    tab.proxy.sort(StatisticsModel::DateColumn, Qt::DescendingOrder);
    QVERIFY(tab.proxy.index(0, 0).data(StatisticsModel::DateRole).toDateTime() >=
            tab.proxy.index(49999, 0).data(StatisticsModel::DateRole).toDateTime());

    // Who: tokens of the requester and the collaborator become names; the rest short tokens.
    QSet<QString> who;
    for (int row = 0; row < 8; ++row)
        who.insert(tab.model.index(row, StatisticsModel::WhoColumn).data().toString());
    QVERIFY(who.contains(QStringLiteral("Maria Lopez")));
    QVERIFY(who.contains(QStringLiteral("Dana Whitfield")));
    QVERIFY(who.contains(QStringLiteral("Unknown user (00000001\u2026)")));

    timer.restart();
    tab.proxy.setFilterFixedString(QStringLiteral("dana"));
    QCOMPARE(tab.proxy.rowCount(), 12500);
    qInfo("filtering 50,000 rows: %lld ms", timer.elapsed());

    // The model tester on a big model (checks a sample of rows).
    QAbstractItemModelTester tester(&tab.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_StatisticsModel::dateSortMatchesVariantSort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("date ascending") << int(StatisticsModel::DateColumn) << Qt::AscendingOrder;
    QTest::newRow("date descending") << int(StatisticsModel::DateColumn) << Qt::DescendingOrder;
    QTest::newRow("action ascending") << int(StatisticsModel::ActionColumn) << Qt::AscendingOrder;
    QTest::newRow("who descending") << int(StatisticsModel::WhoColumn) << Qt::DescendingOrder;
}

// StatisticsProxyModel sorts dates by rank, not through QVariant: the rows
// must come out in exactly the order QSortFilterProxyModel gives, ties
// (equal dates) and invalid dates included, in both directions.
void tst_StatisticsModel::dateSortMatchesVariantSort()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    Ticket t;
    const QDateTime base(QDate(2025, 1, 26), QTime(10, 0), Qt::UTC);
    const int offsets[] = {5, 1, 5, -1, 3, 1, 0, -1, 5, 2, 0, 4};
    for (int i = 0; i < int(std::size(offsets)); ++i) {
        StatisticEntry entry;
        entry.id = QString::number(i);
        entry.date = offsets[i] < 0 ? QDateTime() : base.addSecs(qint64(offsets[i]) * 3600);
        entry.action = i % 3 ? QStringLiteral("update") : QStringLiteral("create");
        entry.userToken = QStringLiteral("token%1").arg(i % 4);
        t.statistics.append(entry);
    }
    StatisticsModel model;
    model.setTicket(t);
    QSortFilterProxyModel reference;
    StatisticsProxyModel fast;
    for (QSortFilterProxyModel *proxy : {&reference, static_cast<QSortFilterProxyModel *>(&fast)}) {
        proxy->setSortRole(StatisticsModel::SortRole);
        proxy->setDynamicSortFilter(false);
        proxy->setSourceModel(&model);
        proxy->sort(column, order);
    }
    QCOMPARE(fast.rowCount(), reference.rowCount());
    QStringList expected;
    QStringList actual;
    for (int row = 0; row < reference.rowCount(); ++row) {
        expected << reference.mapToSource(reference.index(row, column))
                            .siblingAtColumn(0)
                            .data(Qt::ToolTipRole)
                            .toString() +
                        u'#' + QString::number(reference.mapToSource(reference.index(row, 0)).row());
        actual
            << fast.mapToSource(fast.index(row, column)).siblingAtColumn(0).data(Qt::ToolTipRole).toString() +
                   u'#' + QString::number(fast.mapToSource(fast.index(row, 0)).row());
    }
    QCOMPARE(actual, expected);
    // Equal dates keep model order; the invalid dates sort together.
    if (column == StatisticsModel::DateColumn) {
        QVERIFY(model.dateRank(1) == model.dateRank(5));
        QVERIFY(model.dateRank(3) == model.dateRank(7));
        QVERIFY(model.dateRank(6) < model.dateRank(1));
    }
}

QTEST_MAIN(tst_StatisticsModel)
#include "tst_statisticsmodel.moc"
