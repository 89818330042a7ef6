#pragma once

#include <QHash>
#include <QPixmap>
#include <QStyledItemDelegate>

namespace CaseLens::Gui {

// Paints a queue row (QueueModel's roles) in two lines: the priority badge
// as the ticket header shows it, the case number and the subject (elided);
// then the product area and the age. A ticket open in a tab has a bar at
// the row's start; a row that is not as documented ends in a warning sign
// (its tooltip says why). A new or unread row (QueueModel::UnreadRole) is
// bold throughout: initStyleOption() takes the model's Qt::FontRole into the
// option's font, and every line is drawn from that font.
class QueueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueDelegate)

public:
    explicit QueueDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // Badges are the header's Badge widget rendered once per priority, font
    // and pixel ratio: rendering a widget per row per paint would be slow.
    [[nodiscard]] QPixmap badge(int priority, const QFont &font, qreal pixelRatio) const;

    mutable QHash<int, QPixmap> m_badges;
    mutable QString m_badgeKey; // font and pixel ratio the cache was made for
};

} // namespace CaseLens::Gui
