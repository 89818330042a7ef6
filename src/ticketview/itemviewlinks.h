#pragma once

#include <QObject>
#include <QUrl>

class QAbstractItemView;
class QModelIndex;

namespace CaseLens::Gui {

// Makes items with LinkUrlRole in an item view behave as links: drawn as
// links, a pointing-hand cursor over them, and a click (or Return on the
// current row) emits linkActivated() — only for URLs isOpenableUrl() accepts.
class ItemViewLinks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemViewLinks)

public:
    explicit ItemViewLinks(QAbstractItemView *view);

    // What a click on index does (public so tests can drive it).
    void activate(const QModelIndex &index);

Q_SIGNALS:
    void linkActivated(const QUrl &url);

private:
    void updateCursor(const QModelIndex &index);

    QAbstractItemView *m_view;
};

} // namespace CaseLens::Gui
