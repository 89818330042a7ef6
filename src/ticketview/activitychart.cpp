#include "ticketview/activitychart.h"

#include "ticketview/localtimecache.h"
#include "ticketview/viewhelpers.h"

#include <QEvent>
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
    LocalTimeCache localTime;
    Activity activity = bucketActivity(
        statistics, [&localTime](const QDateTime &utc) { return localTime.toLocal(utc).date(); }, MaxBuckets,
        MaxActions);
    m_unit = activity.unit;
    m_buckets = std::move(activity.buckets);
    m_actionTotals = std::move(activity.actionTotals);
    m_maxTotal = activity.maxTotal;
    m_undated = activity.undated;
    m_actions.clear();
    for (qsizetype i = 0; i < activity.actions.size(); ++i) {
        const QString &key = activity.actions.at(i);
        if (activity.othersFolded && i == activity.actions.size() - 1)
            m_actions.append(tr("other"));
        else
            m_actions.append(key.isEmpty() ? tr("(none)") : singleLine(shortened(key, 30)));
    }
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
    lines.append(tr("%1: %Ln action(s)", nullptr, bucket.total).arg(bucketLabel(bucket.start)));
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
