#include "ticketview/linkitemdelegate.h"

#include "ticketview/viewhelpers.h"

namespace CaseLens::Gui {

LinkItemDelegate::LinkItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void LinkItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(LinkUrlRole).isValid())
        return;
    option->font.setUnderline(true);
    if (!(option->state & QStyle::State_Selected)) {
        const QColor link = option->palette.color(QPalette::Link);
        option->palette.setColor(QPalette::Text, link);
        option->palette.setColor(QPalette::WindowText, link);
    }
}

} // namespace CaseLens::Gui
