// The Statistics tab made human (issue 18, item 4): actions in words, one
// colour per action on every ticket, views left out of the chart until asked
// for, and a click on a day's bar lists that day only.
#include "support/englishplurals.h"
#include "support/throwawaysettings.h"
#include "support/ticketviewtestdata.h"
#include "ticketview/activitychart.h"
#include "ticketview/fieldtext.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/statisticstab.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_StatisticsTab final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void actionsInWords();
    void sameActionSameColour();
    void viewsHiddenUntilAsked();
    void clickOnADayListsThatDay();

private:
    // The notes' order and "Show views" are remembered: not in the user's settings.
    Testing::ThrowawaySettings m_settings{QStringLiteral("tst_statisticstab")};
};

namespace {

StatisticEntry entry(const QDate &day, int hour, const QString &action, const QString &token = {})
{
    StatisticEntry e;
    e.id = action;
    e.date = QDateTime(day, QTime(hour, 0), Qt::UTC);
    e.action = action;
    e.userToken = token;
    return e;
}

// Noon-ish UTC: the same calendar day in any time zone the tests run in.
const QDate Day1(2025, 3, 12);
const QDate Day2(2025, 3, 13);
const QDate Day3(2025, 3, 14);

Ticket activityTicket()
{
    Ticket t = Testing::sampleTicket();
    t.statistics = {
        entry(Day1, 11, QStringLiteral("create")), entry(Day1, 12, QStringLiteral("view")),
        entry(Day1, 12, QStringLiteral("view")),   entry(Day1, 13, QStringLiteral("view")),
        entry(Day2, 12, QStringLiteral("view")),   entry(Day3, 11, QStringLiteral("update")),
        entry(Day3, 12, QStringLiteral("reply")),  entry(Day3, 13, QStringLiteral("escalate")),
    };
    return t;
}

int actionIndex(const ActivityChart &chart, const QString &key)
{
    return int(chart.actionKeys().indexOf(key));
}

} // namespace

void tst_StatisticsTab::init()
{
    QSettings().clear();
}

void tst_StatisticsTab::actionsInWords()
{
    StatisticsModel model;
    model.setTicket(activityTicket());
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, StatisticsModel::ActionColumn).data().toString();
    QCOMPARE(shown,
             QStringList({QStringLiteral("Created"), QStringLiteral("Viewed"), QStringLiteral("Viewed"),
                          QStringLiteral("Viewed"), QStringLiteral("Viewed"), QStringLiteral("Updated"),
                          QStringLiteral("Note"), QStringLiteral("escalate")}));
    // What was sent stays in the tooltip, and both can be searched for.
    QVERIFY(
        model.index(6, StatisticsModel::ActionColumn).data(Qt::ToolTipRole).toString().contains(u"reply"));
    QVERIFY(model.index(0, 0).data(StatisticsModel::FilterRole).toString().contains(u"Created"));
    QVERIFY(model.index(0, 0).data(StatisticsModel::FilterRole).toString().contains(u"create"));
    QCOMPARE(actionText(QStringLiteral(" RESOLVE ")), QStringLiteral("Resolved"));
    QCOMPARE(actionText(QStringLiteral("note")), QStringLiteral("Note"));

    // A token nobody on the ticket has is an unknown user, not a bare string.
    Ticket t = activityTicket();
    t.statistics[0].userToken = QStringLiteral("9f1e2d3c-0000-4000-8000-000000000000");
    model.setTicket(t);
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data().toString(),
             QStringLiteral("Unknown user (9f1e2d3c\u2026)"));
    model.setYouToken(QStringLiteral("9F1E2D3C-0000-4000-8000-000000000000"));
    QCOMPARE(model.index(0, StatisticsModel::WhoColumn).data().toString(), QStringLiteral("You"));
}

void tst_StatisticsTab::sameActionSameColour()
{
    // Two tickets where the actions come in a different order of frequency:
    // the chart lists them differently, and colours them alike.
    Ticket first = activityTicket();
    Ticket second = activityTicket();
    second.statistics = {
        entry(Day1, 12, QStringLiteral("escalate")), entry(Day1, 13, QStringLiteral("escalate")),
        entry(Day1, 14, QStringLiteral("escalate")), entry(Day2, 12, QStringLiteral("update")),
        entry(Day2, 13, QStringLiteral("update")),   entry(Day3, 12, QStringLiteral("create")),
        entry(Day3, 13, QStringLiteral("note"))};
    ActivityChart a;
    ActivityChart b;
    a.setStatistics(first.statistics);
    b.setStatistics(second.statistics);
    QVERIFY(a.actionKeys() != b.actionKeys());
    for (const QString &key :
         {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("escalate")}) {
        QVERIFY2(actionIndex(a, key) >= 0 && actionIndex(b, key) >= 0, qPrintable(key));
        QCOMPARE(a.colorForAction(actionIndex(a, key)), b.colorForAction(actionIndex(b, key)));
    }
    QVERIFY(actionIndex(a, QStringLiteral("create")) != actionIndex(b, QStringLiteral("create")));
    // A reply and a note are one meaning, one colour; different actions differ.
    QCOMPARE(a.colorForAction(actionIndex(a, QStringLiteral("reply"))),
             b.colorForAction(actionIndex(b, QStringLiteral("note"))));
    QVERIFY(a.colorForAction(actionIndex(a, QStringLiteral("create"))) !=
            a.colorForAction(actionIndex(a, QStringLiteral("update"))));
    QVERIFY(a.colorForAction(actionIndex(a, QStringLiteral("escalate"))) !=
            a.colorForAction(actionIndex(a, QStringLiteral("update"))));
    // The words follow the UI's language too.
    QVERIFY(a.actions().contains(QStringLiteral("Created")));
    QVERIFY(a.actions().contains(QStringLiteral("escalate")));
}

void tst_StatisticsTab::viewsHiddenUntilAsked()
{
    const Ticket t = activityTicket();
    {
        StatisticsTab tab;
        tab.setTicket(t);
        ActivityChart *chart = tab.chart();
        QVERIFY(!chart->showViews());
        QVERIFY(!tab.showViewsBox()->isChecked());
        QCOMPARE(tab.showViewsBox()->text(), QStringLiteral("Show views"));
        QCOMPARE(actionIndex(*chart, QStringLiteral("view")), -1);
        int total = 0;
        for (const ActivityChart::Bucket &bucket : chart->buckets())
            total += bucket.total;
        QCOMPARE(total, 4);                        // eight entries, four of them views
        QCOMPARE(tab.proxyModel()->rowCount(), 8); // the table still lists them all

        tab.showViewsBox()->click();
        QVERIFY(chart->showViews());
        QVERIFY(actionIndex(*chart, QStringLiteral("view")) >= 0);
        QCOMPARE(chart->actions().constFirst(), QStringLiteral("Viewed")); // the most frequent
        total = 0;
        for (const ActivityChart::Bucket &bucket : chart->buckets())
            total += bucket.total;
        QCOMPARE(total, 8);
    }
    // Remembered for the next ticket, and the next start.
    StatisticsTab next;
    next.setTicket(t);
    QVERIFY(next.showViewsBox()->isChecked());
    QVERIFY(next.chart()->showViews());
    next.showViewsBox()->click();
    QCOMPARE(QSettings().value(QStringLiteral("statistics/showViews")).toBool(), false);
}

void tst_StatisticsTab::clickOnADayListsThatDay()
{
    StatisticsTab tab;
    tab.resize(800, 500);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.setTicket(activityTicket());
    ActivityChart *chart = tab.chart();
    QCOMPARE(chart->unit(), ActivityChart::Unit::Day);
    QCOMPARE(chart->buckets().size(), 3);
    QVERIFY(!tab.daysLabel()->isVisible());

    // The point on the chart where a day's bar stands.
    const auto barOf = [chart](int bucket) {
        const int y = chart->height() / 2;
        for (int x = 0; x < chart->width(); ++x) {
            if (chart->bucketAt(QPoint(x, y)) == bucket && chart->bucketAt(QPoint(x + 4, y)) == bucket)
                return QPoint(x + 2, y);
        }
        return QPoint(-1, -1);
    };
    const QPoint lastDay = barOf(2);
    QVERIFY(lastDay.x() >= 0);
    QCOMPARE(chart->buckets().at(2).start, Day3);
    QTest::mouseClick(chart, Qt::LeftButton, {}, lastDay);
    QSortFilterProxyModel *proxy = tab.proxyModel();
    QCOMPARE(proxy->rowCount(), 3); // update, reply, escalate on the 14th
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QDateTime date = proxy->index(row, 0).data(StatisticsModel::DateRole).toDateTime();
        QCOMPARE(date.toLocalTime().date(), Day3);
    }
    QVERIFY(tab.daysLabel()->isVisible());
    QCOMPARE(tab.daysLabel()->text(),
             QStringLiteral("Showing %1 \u2014").arg(QLocale().toString(Day3, QLocale::LongFormat)));
    QVERIFY(tab.showAllButton()->isVisible());
    QCOMPARE(tab.showAllButton()->text(), QStringLiteral("Show all"));

    // The text filter narrows the day further; the day stays chosen.
    tab.setFilterText(QStringLiteral("Updated"));
    QCOMPARE(proxy->rowCount(), 1);
    tab.setFilterText({});
    QCOMPARE(proxy->rowCount(), 3);

    // A day with views only has no bar while views are hidden: nothing happens.
    QTest::mouseClick(chart, Qt::LeftButton, {}, barOf(1));
    QCOMPARE(proxy->rowCount(), 3);

    QTest::mouseClick(tab.showAllButton(), Qt::LeftButton);
    QCOMPARE(proxy->rowCount(), 8);
    QVERIFY(!tab.daysLabel()->isVisible());

    // Another day, then another ticket: the new ticket is listed whole.
    QTest::mouseClick(chart, Qt::LeftButton, {}, barOf(0));
    QCOMPARE(proxy->rowCount(), 4); // create and three views on the 12th
    tab.setTicket(activityTicket());
    QCOMPARE(proxy->rowCount(), 8);
    QVERIFY(!tab.daysLabel()->isVisible());
}

QTEST_MAIN(tst_StatisticsTab)
#include "tst_statisticstab.moc"
