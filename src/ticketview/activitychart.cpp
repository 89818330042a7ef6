#include "ticketview/activitychart.h"

#include "ticketview/fieldtext.h"
#include "ticketview/localtimecache.h"
#include "ticketview/viewhelpers.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <iterator>

namespace CaseLens::Gui {
namespace {

constexpr int MaxBuckets = 120;
constexpr int MaxActions = 7; // more distinct actions are folded into "other"
constexpr int ChartHeight = 90;
constexpr int Margin = 4;
constexpr int AxisLabelGap = 2;
constexpr int MaxBarWidth = 32;

// The folded "other" actions: a neutral grey, no action's colour.
constexpr QRgb OtherColor = 0x8c8c8c;

} // namespace

ActivityChart::ActivityChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Activity chart"));
    setMouseTracking(true);
}

void ActivityChart::setStatistics(const QList<StatisticEntry> &statistics)
{
    m_statistics = statistics;
    rebuild();
}

void ActivityChart::setShowViews(bool show)
{
    if (show == m_showViews)
        return;
    m_showViews = show;
    rebuild();
}

void ActivityChart::rebuild()
{
    QList<StatisticEntry> counted;
    if (!m_showViews) {
        counted.reserve(m_statistics.size());
        std::copy_if(m_statistics.cbegin(), m_statistics.cend(), std::back_inserter(counted),
                     [](const StatisticEntry &entry) { return !isViewAction(entry.action); });
    }
    LocalTimeCache localTime;
    Activity activity = bucketActivity(
        m_showViews ? m_statistics : counted,
        [&localTime](const QDateTime &utc) { return localTime.toLocal(utc).date(); }, MaxBuckets, MaxActions);
    m_unit = activity.unit;
    m_buckets = std::move(activity.buckets);
    m_actionTotals = std::move(activity.actionTotals);
    m_maxTotal = activity.maxTotal;
    m_undated = activity.undated;
    m_actions.clear();
    m_actionKeys.clear();
    m_colors.clear();
    for (qsizetype i = 0; i < activity.actions.size(); ++i) {
        const QString &key = activity.actions.at(i);
        if (activity.othersFolded && i == activity.actions.size() - 1) {
            m_actions.append(tr("other"));
            m_actionKeys.append(QString());
            m_colors.append(QColor::fromRgb(OtherColor));
            continue;
        }
        m_actions.append(key.isEmpty() ? tr("(none)") : shortened(actionText(key), 30));
        m_actionKeys.append(key);
        m_colors.append(key.isEmpty() ? QColor::fromRgb(OtherColor) : actionColor(key));
    }
    updateAccessibleDescription();
    updateGeometry();
    update();
}

QColor ActivityChart::colorForAction(int actionIndex) const
{
    return actionIndex >= 0 && actionIndex < m_colors.size() ? m_colors.at(actionIndex) : QColor();
}

int ActivityChart::legendHeight() const
{
    return fontMetrics().height() + Margin;
}

QRect ActivityChart::plotRect() const
{
    const int labelHeight = fontMetrics().height() + AxisLabelGap;
    return rect().adjusted(Margin, legendHeight() + Margin, -Margin, -(labelHeight + Margin));
}

QSize ActivityChart::sizeHint() const
{
    return {400, ChartHeight + legendHeight() + fontMetrics().height() + 3 * Margin};
}

QSize ActivityChart::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

int ActivityChart::bucketAt(const QPoint &pos) const
{
    const QRect plot = plotRect();
    if (m_buckets.isEmpty() || pos.x() < plot.left() || pos.x() > plot.right() || pos.y() < plot.top() ||
        pos.y() > plot.bottom() + fontMetrics().height()) {
        return -1;
    }
    const double slot = double(plot.width()) / double(m_buckets.size());
    const int index = int((pos.x() - plot.left()) / slot);
    return index >= 0 && index < m_buckets.size() ? index : -1;
}

QString ActivityChart::bucketLabel(const QDate &start) const
{
    const QLocale locale;
    switch (m_unit) {
    case Unit::Day:
        return locale.toString(start, QLocale::ShortFormat);
    case Unit::Week:
        return tr("Week of %1").arg(locale.toString(start, QLocale::ShortFormat));
    case Unit::Month:
        return locale.toString(start, QStringLiteral("MMMM yyyy"));
    case Unit::Year:
        return QString::number(start.year());
    }
    return {};
}

QString ActivityChart::bucketToolTip(int bucketIndex) const
{
    if (bucketIndex < 0 || bucketIndex >= m_buckets.size())
        return {};
    const Bucket &bucket = m_buckets.at(bucketIndex);
    QStringList lines;
    lines.append(tr("%1: %Ln action(s)", nullptr, bucket.total).arg(bucketLabel(bucket.start)));
    for (qsizetype i = 0; i < m_actions.size(); ++i) {
        if (bucket.counts.at(i) > 0)
            lines.append(QStringLiteral("%1: %2").arg(m_actions.at(i)).arg(bucket.counts.at(i)));
    }
    return lines.join(u'\n');
}

std::pair<QDate, QDate> ActivityChart::bucketDays(int bucketIndex) const
{
    if (bucketIndex < 0 || bucketIndex >= m_buckets.size())
        return {};
    const QDate start = m_buckets.at(bucketIndex).start;
    switch (m_unit) {
    case Unit::Day:
        return {start, start};
    case Unit::Week:
        return {start, start.addDays(6)};
    case Unit::Month:
        return {start, start.addMonths(1).addDays(-1)};
    case Unit::Year:
        return {start, start.addYears(1).addDays(-1)};
    }
    return {};
}

void ActivityChart::updateAccessibleDescription()
{
    if (m_buckets.isEmpty()) {
        setAccessibleDescription(tr("No dated activity"));
        return;
    }
    QStringList parts;
    for (qsizetype i = 0; i < m_actions.size(); ++i)
        parts.append(QStringLiteral("%1 %2").arg(m_actionTotals.at(i)).arg(m_actions.at(i)));
    setAccessibleDescription(tr("Activity from %1 to %2: %3")
                                 .arg(bucketLabel(m_buckets.first().start),
                                      bucketLabel(m_buckets.last().start), parts.join(QStringLiteral(", "))));
}

bool ActivityChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = bucketAt(help->pos());
        if (index >= 0) {
            QString text = bucketToolTip(index);
            if (m_buckets.at(index).total > 0)
                text += u'\n' + tr("Click to list only these entries");
            QToolTip::showText(help->globalPos(), toolTipText(text), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void ActivityChart::mouseReleaseEvent(QMouseEvent *event)
{
    const int index = event->button() == Qt::LeftButton ? bucketAt(event->position().toPoint()) : -1;
    if (index >= 0 && m_buckets.at(index).total > 0) {
        const auto [first, last] = bucketDays(index);
        Q_EMIT bucketClicked(first, last);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void ActivityChart::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = palette().color(QPalette::PlaceholderText);

    if (m_buckets.isEmpty()) {
        painter.setPen(muted);
        painter.drawText(rect(), Qt::AlignCenter, tr("No dated activity to chart"));
        return;
    }

    // Legend: a swatch and "action (count)" per action.
    int x = Margin;
    const int swatch = fm.height() - 4;
    for (qsizetype i = 0; i < m_actions.size(); ++i) {
        const QString label = QStringLiteral("%1 (%2)").arg(m_actions.at(i)).arg(m_actionTotals.at(i));
        const int width = swatch + 4 + fm.horizontalAdvance(label) + 12;
        if (x + width > this->width() - Margin && x > Margin)
            break;
        painter.fillRect(QRect(x, Margin + 2, swatch, swatch), colorForAction(int(i)));
        painter.setPen(text);
        painter.drawText(QRect(x + swatch + 4, Margin, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         label);
        x += width;
    }
    QString unitText;
    switch (m_unit) {
    case Unit::Day:
        unitText = tr("per day");
        break;
    case Unit::Week:
        unitText = tr("per week");
        break;
    case Unit::Month:
        unitText = tr("per month");
        break;
    case Unit::Year:
        unitText = tr("per year");
        break;
    }
    const QString scale = tr("peak: %1 %2").arg(m_maxTotal).arg(unitText);
    if (x + fm.horizontalAdvance(scale) < width() - Margin) {
        painter.setPen(muted);
        painter.drawText(QRect(Margin, Margin, width() - 2 * Margin, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, scale);
    }

    // Bars, stacked by action.
    const QRect plot = plotRect();
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    const double slot = double(plot.width()) / double(m_buckets.size());
    const double barWidth = std::clamp(slot * 0.8, 1.0, double(MaxBarWidth));
    for (qsizetype b = 0; b < m_buckets.size(); ++b) {
        const Bucket &bucket = m_buckets.at(b);
        if (bucket.total == 0)
            continue;
        const double left = plot.left() + b * slot + (slot - barWidth) / 2.0;
        double bottom = plot.bottom();
        for (qsizetype i = 0; i < bucket.counts.size(); ++i) {
            const int count = bucket.counts.at(i);
            if (count == 0)
                continue;
            const double h = double(plot.height()) * count / double(m_maxTotal);
            painter.fillRect(QRectF(left, bottom - h, barWidth, h), colorForAction(int(i)));
            bottom -= h;
        }
    }

    // Axis labels: first and last bucket.
    painter.setPen(muted);
    const QRect labels(plot.left(), plot.bottom() + AxisLabelGap, plot.width(), fm.height());
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, bucketLabel(m_buckets.first().start));
    if (m_buckets.size() > 1)
        painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, bucketLabel(m_buckets.last().start));
}

} // namespace CaseLens::Gui
