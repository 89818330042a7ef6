#pragma once

#include "core/ticket.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <functional>

namespace CaseLens {

// A ticket's activity log (Statistics) counted per day, week, month or year
// and per action: what the activity chart draws, as a value a test can check
// and a CLI could print.
enum class ActivityUnit { Day, Week, Month, Year };

struct ActivityBucket
{
    QDate start;       // the first day of the bucket (a Monday for weeks)
    QList<int> counts; // per action, in Activity::actions order
    int total = 0;
};

struct Activity
{
    ActivityUnit unit = ActivityUnit::Day;
    // The actions as keys (trimmed, lower case; "" when an entry had none),
    // most frequent first, ties by name. When there were more than
    // maxActions, the last key stands for all the rarer ones together
    // (othersFolded is true and that key is the most frequent of them).
    QStringList actions;
    bool othersFolded = false;
    QList<int> actionTotals;       // per action, dated entries only
    QList<ActivityBucket> buckets; // consecutive, empty ones included; at most maxBuckets
    int maxTotal = 0;              // the largest bucket's total
    int undated = 0;               // entries without a readable date (not in any bucket)
};

// The local calendar day of a UTC time (the chart passes a cached conversion
// to the user's time zone; tests pass a fixed one).
using LocalDayFunction = std::function<QDate(const QDateTime &)>;

// Buckets the entries by the finest unit (day, week, month, year) that needs
// at most maxBuckets bars. Dates spread wider than that even in years
// (hostile data) keep the most recent maxBuckets years. Pure: the same input
// gives the same output, nothing is read from the system except through
// localDay.
[[nodiscard]] Activity bucketActivity(const QList<StatisticEntry> &statistics,
                                      const LocalDayFunction &localDay, int maxBuckets = 120,
                                      int maxActions = 7);

} // namespace CaseLens
