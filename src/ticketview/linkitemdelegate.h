#pragma once

#include <QStyledItemDelegate>

namespace CaseLens::Gui {

// Draws items that carry LinkUrlRole like links (palette link colour,
// underlined); everything else as usual.
class LinkItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkItemDelegate)

public:
    explicit LinkItemDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace CaseLens::Gui
