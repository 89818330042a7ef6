#include "app/tabunreaddot.h"

#include <QCoreApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>

namespace CaseLens::Gui {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::TabUnreadDot)
};

// Kept on the tab's page: tabs can be moved and closed around it.
constexpr char UnreadProperty[] = "caselensUnread";
constexpr char IconBeforeProperty[] = "caselensIconBeforeUnread";

QString unreadToolTipLine()
{
    return QStringLiteral("<p>") + Tr::tr("Unread changes").toHtmlEscaped() + QStringLiteral("</p>");
}

QPixmap dotPixmap(const QColor &color, int size, qreal ratio)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const qreal diameter = size / 2.0;
    const qreal offset = (size - diameter) / 2.0;
    painter.drawEllipse(QRectF(offset, offset, diameter, diameter));
    return pixmap;
}

} // namespace

QIcon unreadDotIcon(const QPalette &palette, int size, qreal devicePixelRatio)
{
    const QColor color = palette.color(QPalette::Normal, QPalette::Highlight);
    QIcon icon;
    icon.addPixmap(dotPixmap(color, size, 1.0));
    if (devicePixelRatio > 1.0)
        icon.addPixmap(dotPixmap(color, size, devicePixelRatio));
    return icon;
}

void setTabUnread(QTabWidget *tabs, int index, bool unread)
{
    QWidget *page = tabs ? tabs->widget(index) : nullptr;
    if (!page || isTabUnread(tabs, index) == unread)
        return;
    page->setProperty(UnreadProperty, unread);
    QTabBar *bar = tabs->tabBar();
    QString tip = tabs->tabToolTip(index);
    if (unread) {
        page->setProperty(IconBeforeProperty, tabs->tabIcon(index));
        const int size = tabs->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, tabs);
        tabs->setTabIcon(index, unreadDotIcon(tabs->palette(), size, tabs->devicePixelRatioF()));
        tabs->setTabToolTip(index, tip + unreadToolTipLine());
        tabs->setTabWhatsThis(index, Tr::tr("Unread changes"));
        bar->setAccessibleTabName(index, Tr::tr("%1, unread").arg(tabs->tabText(index)));
    } else {
        tabs->setTabIcon(index, page->property(IconBeforeProperty).value<QIcon>());
        page->setProperty(IconBeforeProperty, {});
        if (tip.endsWith(unreadToolTipLine()))
            tip.chop(unreadToolTipLine().size());
        tabs->setTabToolTip(index, tip);
        tabs->setTabWhatsThis(index, {});
        bar->setAccessibleTabName(index, {});
    }
}

bool isTabUnread(const QTabWidget *tabs, int index)
{
    const QWidget *page = tabs ? tabs->widget(index) : nullptr;
    return page && page->property(UnreadProperty).toBool();
}

} // namespace CaseLens::Gui
