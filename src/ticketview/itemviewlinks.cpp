#include "ticketview/itemviewlinks.h"

#include "ticketview/linkitemdelegate.h"
#include "ticketview/viewhelpers.h"

#include <QAbstractItemView>
#include <QAction>

namespace CaseLens::Gui {

ItemViewLinks::ItemViewLinks(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    view->setItemDelegate(new LinkItemDelegate(view));
    view->setMouseTracking(true);
    connect(view, &QAbstractItemView::clicked, this, &ItemViewLinks::activate);
    connect(view, &QAbstractItemView::entered, this, &ItemViewLinks::updateCursor);
    connect(view, &QAbstractItemView::viewportEntered, this, [this] { m_view->viewport()->unsetCursor(); });

    auto *open = new QAction(tr("Open Link"), view);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    open->setShortcutContext(Qt::WidgetShortcut);
    // From the keyboard the current cell may be another column of the row:
    // Return opens the row's link.
    connect(open, &QAction::triggered, this, [this] {
        QModelIndex index = m_view->currentIndex();
        for (int column = 0; index.isValid() && column < index.model()->columnCount(index.parent()) &&
                             !index.data(LinkUrlRole).isValid();
             ++column) {
            if (index.siblingAtColumn(column).data(LinkUrlRole).isValid())
                index = index.siblingAtColumn(column);
        }
        activate(index);
    });
    view->addAction(open);
}

void ItemViewLinks::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QUrl url = index.data(LinkUrlRole).toUrl();
    if (isOpenableUrl(url, false))
        Q_EMIT linkActivated(url);
}

void ItemViewLinks::updateCursor(const QModelIndex &index)
{
    if (index.isValid() && index.data(LinkUrlRole).isValid())
        m_view->viewport()->setCursor(Qt::PointingHandCursor);
    else
        m_view->viewport()->unsetCursor();
}

} // namespace CaseLens::Gui
