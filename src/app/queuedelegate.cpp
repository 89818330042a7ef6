#include "app/queuedelegate.h"

#include "app/queuemodel.h"
#include "core/ticket.h"
#include "ticketview/badge.h"

#include <QApplication>
#include <QPainter>

namespace CaseLens::Gui {
namespace {

constexpr int Padding = 6;
constexpr int Gap = 6;
constexpr int LineGap = 2;
constexpr int OpenBarWidth = 3;

// The ticket header's priority icons (the badge picks the colour).
Badge::Icon priorityIcon(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return Badge::Icon::PriorityLow;
    case Priority::Medium:
        return Badge::Icon::PriorityMedium;
    case Priority::High:
        return Badge::Icon::PriorityHigh;
    case Priority::Unknown:
        break;
    }
    return Badge::Icon::Unknown;
}

QFont smallerFont(const QFont &font)
{
    QFont smaller = font;
    if (smaller.pointSizeF() > 0)
        smaller.setPointSizeF(smaller.pointSizeF() * 0.9);
    return smaller;
}

} // namespace

QueueDelegate::QueueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QPixmap QueueDelegate::badge(int priority, const QFont &font, qreal pixelRatio) const
{
    const QString key = font.key() + u'@' + QString::number(pixelRatio);
    if (key != m_badgeKey) {
        m_badges.clear();
        m_badgeKey = key;
    }
    const auto cached = m_badges.constFind(priority);
    if (cached != m_badges.constEnd())
        return *cached;

    const auto value = Priority(priority);
    Badge widget;
    widget.setFont(font);
    QFont bold = widget.font();
    bold.setBold(true);
    widget.setFont(bold);
    widget.setBadge(priorityName(value), priorityIcon(value));
    widget.resize(widget.sizeHint());
    QPixmap pixmap(widget.size() * pixelRatio);
    pixmap.setDevicePixelRatio(pixelRatio);
    pixmap.fill(Qt::transparent);
    widget.render(&pixmap, {}, {}, QWidget::DrawChildren);
    m_badges.insert(priority, pixmap);
    return pixmap;
}

QSize QueueDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics fm(option.font);
    const QFontMetrics small(smallerFont(option.font));
    // The badge is a line of bold text with 3 px above and below.
    const int firstLine = fm.height() + 6;
    return {option.rect.width() > 0 ? option.rect.width() : 200,
            Padding * 2 + firstLine + LineGap + small.height()};
}

void QueueDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection, hover and focus as the style draws them; the
    // text is ours.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        opt.state.testFlag(QStyle::State_Enabled)
            ? (opt.state.testFlag(QStyle::State_Active) ? QPalette::Active : QPalette::Inactive)
            : QPalette::Disabled;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.7f);

    painter->save();
    const QRect r = opt.rect.adjusted(Padding, Padding, -Padding, -Padding);
    if (index.data(QueueModel::OpenInTabRole).toBool()) {
        painter->fillRect(
            QRect(opt.rect.left(), opt.rect.top() + 2, OpenBarWidth, opt.rect.height() - 4),
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight));
    }

    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap pixmap = badge(index.data(QueueModel::PriorityRole).toInt(), opt.font, ratio);
    const QSize badgeSize = (QSizeF(pixmap.size()) / pixmap.devicePixelRatio()).toSize();
    const int firstLine = badgeSize.height();
    painter->drawPixmap(r.left(), r.top(), pixmap);

    int x = r.left() + badgeSize.width() + Gap;
    int right = r.right();
    const QFontMetrics fm(opt.font);
    if (index.data(QueueModel::MarkedRole).toBool()) {
        const QString warning = QStringLiteral("\u26A0");
        const int w = fm.horizontalAdvance(warning);
        painter->setPen(text);
        painter->setFont(opt.font);
        painter->drawText(QRect(right - w, r.top(), w, firstLine), Qt::AlignVCenter | Qt::AlignRight,
                          warning);
        right -= w + Gap;
    }

    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString caseNumber = index.data(QueueModel::CaseNumberRole).toString();
    const QString caseText = boldMetrics.elidedText(caseNumber, Qt::ElideRight, std::max(0, right - x));
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(QRect(x, r.top(), right - x, firstLine), Qt::AlignVCenter | Qt::AlignLeft, caseText);
    x += boldMetrics.horizontalAdvance(caseText) + Gap;

    painter->setFont(opt.font);
    const QString subject =
        fm.elidedText(index.data(QueueModel::SubjectRole).toString(), Qt::ElideRight, std::max(0, right - x));
    painter->drawText(QRect(x, r.top(), std::max(0, right - x), firstLine), Qt::AlignVCenter | Qt::AlignLeft,
                      subject);

    const QFont small = smallerFont(opt.font);
    const QFontMetrics smallMetrics(small);
    const QString details = index.data(QueueModel::ProductAreaRole).toString() + QStringLiteral(" \u00B7 ") +
                            index.data(QueueModel::AgeTextRole).toString();
    painter->setFont(small);
    painter->setPen(secondary);
    const QRect second(r.left(), r.top() + firstLine + LineGap, r.width(), smallMetrics.height());
    painter->drawText(second, Qt::AlignVCenter | Qt::AlignLeft,
                      smallMetrics.elidedText(details, Qt::ElideRight, second.width()));
    painter->restore();
}

} // namespace CaseLens::Gui
