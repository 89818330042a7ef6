#pragma once

#include "core/activity.h"
#include "core/ticket.h"

#include <QColor>
#include <QDate>
#include <QList>
#include <QMap>
#include <QWidget>

namespace CaseLens::Gui {

// A compact bar chart of the activity log: actions per day (or week, month,
// year for long spans), stacked and coloured by action, with a legend and a
// tooltip per bar. The counting is core's bucketActivity (once per ticket);
// the chart names the actions and paints the bars.
class ActivityChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityChart)

public:
    using Unit = ActivityUnit;
    using Bucket = ActivityBucket; // counts per action, in actions() order

    explicit ActivityChart(QWidget *parent = nullptr);

    void setStatistics(const QList<StatisticEntry> &statistics);

    [[nodiscard]] Unit unit() const { return m_unit; }
    [[nodiscard]] const QList<Bucket> &buckets() const { return m_buckets; }
    [[nodiscard]] const QStringList &actions() const { return m_actions; }
    [[nodiscard]] QColor colorForAction(int actionIndex) const;
    [[nodiscard]] int bucketAt(const QPoint &pos) const;
    [[nodiscard]] QString bucketToolTip(int bucketIndex) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] QRect plotRect() const;
    [[nodiscard]] int legendHeight() const;
    [[nodiscard]] QString bucketLabel(const QDate &start) const;
    void updateAccessibleDescription();

    Unit m_unit = Unit::Day;
    QStringList m_actions;   // most frequent first; the tail folded into "other"
    QList<Bucket> m_buckets; // consecutive, empty ones included
    QList<int> m_actionTotals;
    int m_maxTotal = 0;
    int m_undated = 0;
};

} // namespace CaseLens::Gui
