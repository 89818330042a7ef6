#include "core/activity.h"

#include <QHash>

#include <algorithm>
#include <utility>

namespace CaseLens {
namespace {

qint64 bucketKey(const QDate &date, ActivityUnit unit)
{
    switch (unit) {
    case ActivityUnit::Day:
        return date.toJulianDay();
    case ActivityUnit::Week:
        return date.addDays(1 - date.dayOfWeek()).toJulianDay();
    case ActivityUnit::Month:
        return qint64(date.year()) * 12 + date.month() - 1;
    case ActivityUnit::Year:
        return date.year();
    }
    return 0;
}

QDate bucketStart(qint64 key, ActivityUnit unit)
{
    switch (unit) {
    case ActivityUnit::Day:
    case ActivityUnit::Week:
        return QDate::fromJulianDay(key);
    case ActivityUnit::Month: {
        const qint64 year = key >= 0 ? key / 12 : (key - 11) / 12;
        return QDate(int(year), int(key - year * 12) + 1, 1);
    }
    case ActivityUnit::Year:
        return QDate(int(key), 1, 1);
    }
    return {};
}

qint64 keyStep(ActivityUnit unit)
{
    return unit == ActivityUnit::Week ? 7 : 1;
}

qint64 bucketCount(qint64 firstKey, qint64 lastKey, ActivityUnit unit)
{
    return (lastKey - firstKey) / keyStep(unit) + 1;
}

QString actionKey(const StatisticEntry &entry)
{
    return entry.action.trimmed().toLower();
}

} // namespace

Activity bucketActivity(const QList<StatisticEntry> &statistics, const LocalDayFunction &localDay,
                        int maxBuckets, int maxActions)
{
    maxBuckets = std::max(1, maxBuckets);
    maxActions = std::max(1, maxActions);
    Activity activity;

    // Which actions occur how often (entries with a date only).
    QHash<QString, int> actionCounts;
    for (const StatisticEntry &entry : statistics) {
        if (entry.date.isValid())
            ++actionCounts[actionKey(entry)];
        else
            ++activity.undated;
    }
    QList<std::pair<QString, int>> ranked;
    ranked.reserve(actionCounts.size());
    for (auto it = actionCounts.constBegin(); it != actionCounts.constEnd(); ++it)
        ranked.append({it.key(), it.value()});
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QHash<QString, int> actionIndex;
    activity.othersFolded = ranked.size() > maxActions;
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        const int index = activity.othersFolded && i >= maxActions - 1 ? maxActions - 1 : int(i);
        actionIndex.insert(ranked.at(i).first, index);
        if (index == int(activity.actions.size()))
            activity.actions.append(ranked.at(i).first);
    }
    activity.actionTotals.fill(0, activity.actions.size());

    QDate first;
    QDate last;
    QList<std::pair<QDate, int>> dated; // local day, action index
    dated.reserve(statistics.size());
    for (const StatisticEntry &entry : statistics) {
        if (!entry.date.isValid())
            continue;
        const QDate day = localDay(entry.date);
        if (!day.isValid())
            continue;
        const int index = actionIndex.value(actionKey(entry));
        dated.append({day, index});
        ++activity.actionTotals[index];
        if (!first.isValid() || day < first)
            first = day;
        if (!last.isValid() || day > last)
            last = day;
    }
    if (dated.isEmpty())
        return activity;

    // The finest unit that needs at most maxBuckets bars.
    for (const ActivityUnit unit :
         {ActivityUnit::Day, ActivityUnit::Week, ActivityUnit::Month, ActivityUnit::Year}) {
        activity.unit = unit;
        if (bucketCount(bucketKey(first, unit), bucketKey(last, unit), unit) <= maxBuckets)
            break;
    }
    const ActivityUnit unit = activity.unit;
    const qint64 step = keyStep(unit);
    const qint64 firstKey = bucketKey(first, unit);
    const qint64 lastKey = bucketKey(last, unit);
    // Dates spread over centuries (hostile data): the most recent buckets only.
    const qint64 startKey = std::max(firstKey, lastKey - (maxBuckets - 1) * step);
    for (qint64 key = startKey; key <= lastKey; key += step) {
        ActivityBucket bucket;
        bucket.start = bucketStart(key, unit);
        bucket.counts.fill(0, activity.actions.size());
        activity.buckets.append(bucket);
    }
    for (const auto &[day, index] : std::as_const(dated)) {
        const qint64 key = bucketKey(day, unit);
        if (key < startKey)
            continue;
        ActivityBucket &bucket = activity.buckets[(key - startKey) / step];
        ++bucket.counts[index];
        ++bucket.total;
    }
    for (const ActivityBucket &bucket : std::as_const(activity.buckets))
        activity.maxTotal = std::max(activity.maxTotal, bucket.total);
    return activity;
}

} // namespace CaseLens
