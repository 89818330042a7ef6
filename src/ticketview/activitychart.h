#pragma once

#include "core/activity.h"
#include "core/ticket.h"

#include <QColor>
#include <QDate>
#include <QList>
#include <QMap>
#include <QWidget>

#include <utility>

namespace CaseLens::Gui {

// A compact bar chart of the activity log: actions per day (or week, month,
// year for long spans), stacked and coloured by action, with a legend and a
// tooltip per bar. The counting is core's bucketActivity (once per ticket);
// the chart names the actions (in the UI's language), gives each its colour
// (the same on every ticket: actionColor()) and paints the bars. Views are
// left out unless asked for: they drown the rest. A click on a bar emits
// bucketClicked() with the days it covers.
class ActivityChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityChart)

public:
    using Unit = ActivityUnit;
    using Bucket = ActivityBucket; // counts per action, in actions() order

    explicit ActivityChart(QWidget *parent = nullptr);

    void setStatistics(const QList<StatisticEntry> &statistics);
    // Whether "view" entries are counted and drawn (off by default).
    void setShowViews(bool show);
    [[nodiscard]] bool showViews() const { return m_showViews; }

    [[nodiscard]] Unit unit() const { return m_unit; }
    [[nodiscard]] const QList<Bucket> &buckets() const { return m_buckets; }
    [[nodiscard]] const QStringList &actions() const { return m_actions; }
    [[nodiscard]] QColor colorForAction(int actionIndex) const;
    [[nodiscard]] int bucketAt(const QPoint &pos) const;
    [[nodiscard]] QString bucketToolTip(int bucketIndex) const;
    // The local days a bar covers (first, last inclusive).
    [[nodiscard]] std::pair<QDate, QDate> bucketDays(int bucketIndex) const;
    // The action keys as counted ("create", ...), in actions() order; the
    // folded tail is "" (it has no one action).
    [[nodiscard]] const QStringList &actionKeys() const { return m_actionKeys; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    // A click on a bar (with entries): the local days it covers, inclusive.
    void bucketClicked(const QDate &first, const QDate &last);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    [[nodiscard]] QRect plotRect() const;
    [[nodiscard]] int legendHeight() const;
    [[nodiscard]] QString bucketLabel(const QDate &start) const;
    void updateAccessibleDescription();
    void rebuild();

    Unit m_unit = Unit::Day;
    QList<StatisticEntry> m_statistics; // as set (shared, not copied)
    bool m_showViews = false;
    QStringList m_actions;    // shown names, most frequent first; the tail folded into "other"
    QStringList m_actionKeys; // the same, as counted
    QList<QColor> m_colors;   // the same, coloured: computed once, not per paint
    QList<Bucket> m_buckets;  // consecutive, empty ones included
    QList<int> m_actionTotals;
    int m_maxTotal = 0;
    int m_undated = 0;
};

} // namespace CaseLens::Gui
