#include "ticketview/activitychart.h"

#include "ticketview/localtimecache.h"
#include "ticketview/viewhelpers.h"

#include <QEvent>
#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace CaseLens::Gui {
namespace {

constexpr int MaxBuckets = 120;
constexpr int MaxActions = 7; // more distinct actions are folded into "other"
constexpr int ChartHeight = 90;
constexpr int Margin = 4;
constexpr int AxisLabelGap = 2;
constexpr int MaxBarWidth = 32;

// Mid-tone colours (Tableau 10) readable on light and dark backgrounds.
constexpr QRgb Palette[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948, 0xb07aa1, 0x9c755f};

qint64 bucketKey(const QDate &date, ActivityChart::Unit unit)
{
    switch (unit) {
    case ActivityChart::Unit::Day:
        return date.toJulianDay();
    case ActivityChart::Unit::Week:
        return date.addDays(1 - date.dayOfWeek()).toJulianDay();
    case ActivityChart::Unit::Month:
        return qint64(date.year()) * 12 + date.month() - 1;
    case ActivityChart::Unit::Year:
        return date.year();
    }
    return 0;
}

QDate bucketStart(qint64 key, ActivityChart::Unit unit)
{
    switch (unit) {
    case ActivityChart::Unit::Day:
    case ActivityChart::Unit::Week:
        return QDate::fromJulianDay(key);
    case ActivityChart::Unit::Month: {
        const qint64 year = key >= 0 ? key / 12 : (key - 11) / 12;
        return QDate(int(year), int(key - year * 12) + 1, 1);
    }
    case ActivityChart::Unit::Year:
        return QDate(int(key), 1, 1);
    }
    return {};
}

qint64 nextKey(qint64 key, ActivityChart::Unit unit)
{
    return unit == ActivityChart::Unit::Week ? key + 7 : key + 1;
}

qint64 bucketCount(qint64 firstKey, qint64 lastKey, ActivityChart::Unit unit)
{
    return unit == ActivityChart::Unit::Week ? (lastKey - firstKey) / 7 + 1 : lastKey - firstKey + 1;
}

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
    m_actions.clear();
    m_buckets.clear();
    m_actionTotals.clear();
    m_maxTotal = 0;
    m_undated = 0;

    // Dates as local days, and which actions occur how often.
    QList<QDate> days;
    days.reserve(statistics.size());
    QHash<QString, int> actionCounts;
    for (const StatisticEntry &entry : statistics) {
        if (!entry.date.isValid()) {
            ++m_undated;
            continue;
        }
        ++actionCounts[entry.action.trimmed().toLower()];
    }
    QList<std::pair<QString, int>> ranked;
    ranked.reserve(actionCounts.size());
    for (auto it = actionCounts.constBegin(); it != actionCounts.constEnd(); ++it)
        ranked.append({it.key(), it.value()});
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QHash<QString, int> actionIndex;
    const bool fold = ranked.size() > MaxActions;
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        const int index = fold && i >= MaxActions - 1 ? MaxActions - 1 : int(i);
        actionIndex.insert(ranked.at(i).first, index);
        if (index == int(m_actions.size()))
            m_actions.append(fold && index == MaxActions - 1
                                 ? tr("other")
                                 : (ranked.at(i).first.isEmpty()
                                        ? tr("(none)")
                                        : singleLine(shortened(ranked.at(i).first, 30))));
    }
    m_actionTotals.fill(0, m_actions.size());

    QDate first;
    QDate last;
    QList<std::pair<QDate, int>> dated; // local day, action index
    dated.reserve(statistics.size());
    LocalTimeCache localTime;
    for (const StatisticEntry &entry : statistics) {
        if (!entry.date.isValid())
            continue;
        const QDate day = localTime.toLocal(entry.date).date();
        if (!day.isValid())
            continue;
        const int index = actionIndex.value(entry.action.trimmed().toLower());
        dated.append({day, index});
        ++m_actionTotals[index];
        if (!first.isValid() || day < first)
            first = day;
        if (!last.isValid() || day > last)
            last = day;
    }
    if (dated.isEmpty()) {
        updateAccessibleDescription();
        updateGeometry();
        update();
        return;
    }

    // The finest unit that needs at most MaxBuckets bars.
    for (const Unit unit : {Unit::Day, Unit::Week, Unit::Month, Unit::Year}) {
        m_unit = unit;
        if (bucketCount(bucketKey(first, unit), bucketKey(last, unit), unit) <= MaxBuckets)
            break;
    }
    const qint64 firstKey = bucketKey(first, m_unit);
    const qint64 lastKey = bucketKey(last, m_unit);
    // Dates spread over centuries (hostile data): bars for the most recent years only.
    const qint64 startKey = std::max(firstKey, lastKey - (MaxBuckets - 1));
    for (qint64 key = startKey; key <= lastKey; key = nextKey(key, m_unit)) {
        Bucket bucket;
        bucket.start = bucketStart(key, m_unit);
        bucket.counts.fill(0, m_actions.size());
        m_buckets.append(bucket);
    }
    for (const auto &[day, index] : dated) {
        const qint64 key = bucketKey(day, m_unit);
        if (key < startKey)
            continue;
        const qint64 position = m_unit == Unit::Week ? (key - startKey) / 7 : key - startKey;
        Bucket &bucket = m_buckets[position];
        ++bucket.counts[index];
        ++bucket.total;
    }
    for (const Bucket &bucket : std::as_const(m_buckets))
        m_maxTotal = std::max(m_maxTotal, bucket.total);
    updateAccessibleDescription();
    updateGeometry();
    update();
}

QColor ActivityChart::colorForAction(int actionIndex) const
{
    return QColor::fromRgb(Palette[size_t(actionIndex) % std::size(Palette)]);
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
    lines.append((bucket.total == 1 ? tr("%1: %Ln action", nullptr, bucket.total)
                                    : tr("%1: %Ln actions", nullptr, bucket.total))
                     .arg(bucketLabel(bucket.start)));
    for (qsizetype i = 0; i < m_actions.size(); ++i) {
        if (bucket.counts.at(i) > 0)
            lines.append(QStringLiteral("%1: %2").arg(m_actions.at(i)).arg(bucket.counts.at(i)));
    }
    return lines.join(u'\n');
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
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipText(bucketToolTip(index)), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
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
