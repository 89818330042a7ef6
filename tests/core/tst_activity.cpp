#include "core/activity.h"

#include <QTest>
#include <QTimeZone>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int y, int mo, int d, int h = 12)
{
    return QDateTime(QDate(y, mo, d), QTime(h, 0), Qt::UTC);
}

StatisticEntry entry(const QDateTime &date, const QString &action)
{
    StatisticEntry e;
    e.date = date;
    e.action = action;
    return e;
}

QDate utcDay(const QDateTime &dt)
{
    return dt.toUTC().date();
}

QList<int> totals(const Activity &a)
{
    QList<int> out;
    for (const ActivityBucket &b : a.buckets)
        out << b.total;
    return out;
}

} // namespace

class TestActivity final : public QObject
{
    Q_OBJECT

private slots:
    void empty();
    void perDayWithGaps();
    void actionsRankedAndNormalised();
    void rareActionsFolded();
    void undatedCounted();
    void localDayDecides();
    void weeksStartOnMonday();
    void weeksKeepEveryEntry();
    void monthsAndYears();
    void hostileSpanKeepsRecentYears();
};

void TestActivity::empty()
{
    const Activity a = bucketActivity({}, utcDay);
    QVERIFY(a.buckets.isEmpty());
    QVERIFY(a.actions.isEmpty());
    QCOMPARE(a.maxTotal, 0);
    QCOMPARE(a.undated, 0);
}

void TestActivity::perDayWithGaps()
{
    const QList<StatisticEntry> stats{
        entry(utc(2025, 1, 26), u"create"_s), entry(utc(2025, 1, 28, 9), u"update"_s),
        entry(utc(2025, 1, 28, 17), u"update"_s), entry(utc(2025, 1, 28, 18), u"resolve"_s)};
    const Activity a = bucketActivity(stats, utcDay);
    QCOMPARE(a.unit, ActivityUnit::Day);
    QCOMPARE(a.buckets.size(), 3); // Jan 26, 27 (empty), 28
    QCOMPARE(a.buckets.at(0).start, QDate(2025, 1, 26));
    QCOMPARE(a.buckets.at(1).start, QDate(2025, 1, 27));
    QCOMPARE(totals(a), QList<int>({1, 0, 3}));
    QCOMPARE(a.maxTotal, 3);
    QCOMPARE(a.actions, QStringList({u"update"_s, u"create"_s, u"resolve"_s}));
    QCOMPARE(a.buckets.at(2).counts, QList<int>({2, 0, 1}));
    QCOMPARE(a.actionTotals, QList<int>({2, 1, 1}));
}

void TestActivity::actionsRankedAndNormalised()
{
    const QList<StatisticEntry> stats{
        entry(utc(2025, 1, 26), u" Update "_s), entry(utc(2025, 1, 26), u"update"_s),
        entry(utc(2025, 1, 26), u"UPDATE"_s),   entry(utc(2025, 1, 26), {}),
        entry(utc(2025, 1, 26), u"b"_s),        entry(utc(2025, 1, 26), u"a"_s)};
    const Activity a = bucketActivity(stats, utcDay);
    // Most frequent first, ties by name; "" for entries without an action.
    QCOMPARE(a.actions, QStringList({u"update"_s, u""_s, u"a"_s, u"b"_s}));
    QVERIFY(!a.othersFolded);
}

void TestActivity::rareActionsFolded()
{
    QList<StatisticEntry> stats;
    for (int i = 0; i < 5; ++i)
        for (int n = 0; n <= i; ++n)
            stats << entry(utc(2025, 1, 26), u"action%1"_s.arg(i));
    const Activity a = bucketActivity(stats, utcDay, 120, 3);
    QVERIFY(a.othersFolded);
    QCOMPARE(a.actions.size(), 3);
    QCOMPARE(a.actions.at(0), u"action4"_s);
    QCOMPARE(a.actions.at(1), u"action3"_s);
    QCOMPARE(a.actionTotals, QList<int>({5, 4, 3 + 2 + 1})); // the rest together
    QCOMPARE(a.buckets.at(0).counts, QList<int>({5, 4, 6}));
}

void TestActivity::undatedCounted()
{
    const QList<StatisticEntry> stats{entry({}, u"update"_s), entry(utc(2025, 1, 26), u"create"_s)};
    const Activity a = bucketActivity(stats, utcDay);
    QCOMPARE(a.undated, 1);
    QCOMPARE(a.actions, QStringList({u"create"_s})); // undated entries rank nothing
    QCOMPARE(totals(a), QList<int>({1}));
}

void TestActivity::localDayDecides()
{
    // 23:30 UTC on the 26th is already the 27th in UTC+2.
    const QList<StatisticEntry> stats{entry(QDateTime(QDate(2025, 1, 26), QTime(23, 30), Qt::UTC), u"x"_s)};
    const QTimeZone plusTwo(2 * 3600);
    const Activity a =
        bucketActivity(stats, [&](const QDateTime &dt) { return dt.toTimeZone(plusTwo).date(); });
    QCOMPARE(a.buckets.size(), 1);
    QCOMPARE(a.buckets.at(0).start, QDate(2025, 1, 27));
}

void TestActivity::weeksStartOnMonday()
{
    // 150 days: too many days, so weeks, each starting on a Monday.
    const QList<StatisticEntry> stats{entry(utc(2025, 1, 1), u"a"_s), entry(utc(2025, 5, 31), u"a"_s)};
    const Activity a = bucketActivity(stats, utcDay);
    QCOMPARE(a.unit, ActivityUnit::Week);
    QCOMPARE(a.buckets.first().start, QDate(2024, 12, 30)); // the Monday before Jan 1
    for (const ActivityBucket &b : a.buckets)
        QCOMPARE(b.start.dayOfWeek(), 1);
    QCOMPARE(a.buckets.last().start, QDate(2025, 5, 26));
}

void TestActivity::weeksKeepEveryEntry()
{
    // 40 weeks of activity: every entry lands in a bar (none dropped as if
    // the span were counted in days).
    QList<StatisticEntry> stats;
    const QDateTime start = utc(2024, 3, 4);
    for (int week = 0; week < 40; ++week)
        stats << entry(start.addDays(7 * week), u"a"_s);
    const Activity a = bucketActivity(stats, utcDay);
    QCOMPARE(a.unit, ActivityUnit::Week);
    QCOMPARE(a.buckets.size(), 40);
    int sum = 0;
    for (const ActivityBucket &b : a.buckets)
        sum += b.total;
    QCOMPARE(sum, 40);
    QCOMPARE(a.maxTotal, 1);
}

void TestActivity::monthsAndYears()
{
    const QList<StatisticEntry> months{entry(utc(2020, 1, 15), u"a"_s), entry(utc(2025, 6, 1), u"a"_s)};
    const Activity m = bucketActivity(months, utcDay);
    QCOMPARE(m.unit, ActivityUnit::Month);
    QCOMPARE(m.buckets.first().start, QDate(2020, 1, 1));
    QCOMPARE(m.buckets.last().start, QDate(2025, 6, 1));
    QCOMPARE(m.buckets.size(), 5 * 12 + 6);

    const QList<StatisticEntry> years{entry(utc(1990, 1, 15), u"a"_s), entry(utc(2025, 6, 1), u"a"_s)};
    const Activity y = bucketActivity(years, utcDay);
    QCOMPARE(y.unit, ActivityUnit::Year);
    QCOMPARE(y.buckets.size(), 36);
    QCOMPARE(y.buckets.first().start, QDate(1990, 1, 1));
}

void TestActivity::hostileSpanKeepsRecentYears()
{
    const QList<StatisticEntry> stats{entry(utc(1, 1, 1), u"a"_s), entry(utc(9999, 12, 31), u"a"_s),
                                      entry(utc(9990, 6, 1), u"b"_s)};
    const Activity a = bucketActivity(stats, utcDay, 120);
    QCOMPARE(a.unit, ActivityUnit::Year);
    QCOMPARE(a.buckets.size(), 120);
    QCOMPARE(a.buckets.last().start, QDate(9999, 1, 1));
    QCOMPARE(a.buckets.first().start, QDate(9880, 1, 1));
    QCOMPARE(totals(a).last(), 1);
    QCOMPARE(a.maxTotal, 1);
    QCOMPARE(a.actionTotals, QList<int>({2, 1})); // the totals still count every dated entry
}

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
