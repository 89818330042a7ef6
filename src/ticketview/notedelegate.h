#pragma once

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>
#include <QUrl>

class QAbstractItemView;

namespace CaseLens::Gui {

class SafeTextDocument;

// Paints a note (NotesModel rows): a header line with the local date and the
// note's sanitised rich text below, wrapped to the view's width. Heights are
// cached per note for the current width and laid-out documents are kept in a
// small cache, so thousands of notes scroll smoothly. Clicking a link emits
// linkActivated() for https and mailto links only.
class NoteDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDelegate)

public:
    explicit NoteDelegate(QAbstractItemView *view);
    ~NoteDelegate() override;

    // Forget cached layouts (call when the notes change).
    void clearCache();

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

Q_SIGNALS:
    void linkActivated(const QUrl &url);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    [[nodiscard]] int textWidth() const;
    // textWidth(), after dropping the cached heights and documents when it
    // changed: they were laid out for another width.
    [[nodiscard]] int layoutWidth() const;
    [[nodiscard]] SafeTextDocument *document(const QModelIndex &index, const QFont &font) const;
    [[nodiscard]] QRect bodyRect(const QStyleOptionViewItem &option) const;
    [[nodiscard]] QString anchorAt(const QPoint &viewportPos, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const;

    QAbstractItemView *m_view;
    mutable int m_cachedWidth = -1;
    mutable QHash<int, int> m_heights;                 // note index -> body height at m_cachedWidth
    mutable QCache<int, SafeTextDocument> m_documents; // note index -> laid out document
};

} // namespace CaseLens::Gui
