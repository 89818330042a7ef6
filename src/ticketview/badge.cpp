#include "ticketview/badge.h"

#include <QPainter>
#include <QPainterPath>

#include <array>

namespace CaseLens::Gui {
namespace {

constexpr int HorizontalPadding = 8;
constexpr int VerticalPadding = 3;
constexpr int IconGap = 5;

// The background of each icon, in the order of Badge::Icon (None, the three
// priorities, Open, Closed, Unknown): grey; grey, amber, red; green, purple; grey.
// Each gives white text a contrast of at least 4.5:1.
constexpr std::array<QRgb, 7> Backgrounds{0x6e7781, 0x57606a, 0x9a5000, 0xcf222e,
                                          0x1a7f37, 0x8250df, 0x6e7781};
static_assert(Backgrounds.size() == size_t(Badge::Icon::Unknown) + 1);

} // namespace

Badge::Badge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QFont f = font();
    f.setBold(true);
    setFont(f);
}

void Badge::setBadge(const QString &text, Icon icon)
{
    m_text = text;
    m_icon = icon;
    setAccessibleName(text);
    updateGeometry();
    update();
}

QSize Badge::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int iconSize = m_icon == Icon::None ? 0 : fm.height() - 2 + IconGap;
    return {HorizontalPadding * 2 + iconSize + fm.horizontalAdvance(m_text),
            fm.height() + VerticalPadding * 2};
}

QSize Badge::minimumSizeHint() const
{
    return sizeHint();
}

void Badge::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 2.0;
    const QColor background = QColor::fromRgb(Backgrounds[size_t(m_icon)]);
    painter.setPen(QPen(background.darker(130), 1.0));
    painter.setBrush(background);
    painter.drawRoundedRect(r, radius, radius);

    const QFontMetrics fm = fontMetrics();
    qreal x = HorizontalPadding;
    if (m_icon != Icon::None) {
        const qreal size = fm.height() - 2;
        paintIcon(painter, QRectF(x, (height() - size) / 2.0, size, size));
        x += size + IconGap;
    }
    painter.setPen(Qt::white);
    painter.drawText(QRectF(x, 0, width() - x - HorizontalPadding + 1, height()),
                     Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, m_text);
}

void Badge::paintIcon(QPainter &painter, const QRectF &rect) const
{
    painter.save();
    const QColor fg = Qt::white;
    QColor dim = fg;
    dim.setAlphaF(0.35);
    const qreal pen = std::max<qreal>(1.5, rect.width() / 7.0);
    switch (m_icon) {
    case Icon::PriorityLow:
    case Icon::PriorityMedium:
    case Icon::PriorityHigh: {
        // Three rising bars, filled up to the priority (like signal strength).
        const int filled = m_icon == Icon::PriorityLow ? 1 : (m_icon == Icon::PriorityMedium ? 2 : 3);
        const qreal barWidth = rect.width() / 4.0;
        const qreal gap = (rect.width() - 3 * barWidth) / 2.0;
        for (int i = 0; i < 3; ++i) {
            const qreal h = rect.height() * (i + 1) / 3.0;
            const QRectF bar(rect.left() + i * (barWidth + gap), rect.bottom() - h, barWidth, h);
            painter.setPen(Qt::NoPen);
            painter.setBrush(i < filled ? fg : dim);
            painter.drawRect(bar);
        }
        break;
    }
    case Icon::Open:
        painter.setPen(QPen(fg, pen));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(rect.adjusted(pen, pen, -pen, -pen));
        break;
    case Icon::Closed: {
        QPainterPath check;
        check.moveTo(rect.left() + rect.width() * 0.12, rect.top() + rect.height() * 0.55);
        check.lineTo(rect.left() + rect.width() * 0.40, rect.top() + rect.height() * 0.82);
        check.lineTo(rect.left() + rect.width() * 0.90, rect.top() + rect.height() * 0.18);
        painter.setPen(QPen(fg, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(check);
        break;
    }
    case Icon::Unknown: {
        QFont f = font();
        f.setPixelSize(int(rect.height()));
        painter.setFont(f);
        painter.setPen(fg);
        painter.drawText(rect, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    case Icon::None:
        break;
    }
    painter.restore();
}

} // namespace CaseLens::Gui
