#pragma once

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>
#include <QUrl>

#include <optional>

class QAbstractItemView;

namespace CaseLens::Gui {

class SafeTextDocument;

// Paints a note (NotesModel rows): a header line with the author (when the
// note names one) and the local date, and the note's sanitised rich text
// below, wrapped to the view's width. Heights are
// cached per note for the current width and laid-out documents are kept in a
// small cache, so thousands of notes scroll smoothly. Clicking a link emits
// linkActivated() for https and mailto links only. Notes added since the
// agent last looked (NotesModel::IsNewRole) carry a "New" pill, and the
// first of them in display order has a "New since you last looked" band
// above it (inside its item, so keyboard navigation and the rows' accessible
// text stay one note per row).
class NoteDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDelegate)

public:
    explicit NoteDelegate(QAbstractItemView *view);
    ~NoteDelegate() override;

    // Forget cached layouts (call when the notes change).
    void clearCache();
    // Follow model (the view's: sorted and filtered) to keep the "New since
    // you last looked" band above the first new note as the order, the
    // filter or the new notes change.
    void followNewMarkers(QAbstractItemModel *model);
    // Whether the "New since you last looked" band is above this row (of
    // the view's model): the first new note in display order only.
    [[nodiscard]] bool hasDivider(const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The line above the note's text: author (when known), date, age.
    [[nodiscard]] static QString headerText(const QModelIndex &index);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

Q_SIGNALS:
    void linkActivated(const QUrl &url);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    // The view row of the first new note in display order, -1 when none.
    [[nodiscard]] int firstNewRow(const QModelIndex &index) const;
    [[nodiscard]] int dividerHeight(const QStyleOptionViewItem &option) const;
    // option.rect without the divider band: where the note itself is.
    [[nodiscard]] QRect noteRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintDivider(QPainter *painter, const QStyleOptionViewItem &option) const;
    // Paints the "New" pill at the left of the header line; returns its width and a gap.
    int paintNewPill(QPainter *painter, const QStyleOptionViewItem &option, const QRect &headerRect) const;
    void invalidateNewMarkers();
    [[nodiscard]] int textWidth() const;
    // textWidth(), after dropping the cached heights and documents when it
    // changed: they were laid out for another width.
    [[nodiscard]] int layoutWidth() const;
    [[nodiscard]] SafeTextDocument *document(const QModelIndex &index, const QFont &font) const;
    [[nodiscard]] QRect bodyRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    [[nodiscard]] QString anchorAt(const QPoint &viewportPos, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const;

    QAbstractItemView *m_view;
    mutable int m_cachedWidth = -1;
    mutable QHash<int, int> m_heights;                 // note index -> body height at m_cachedWidth
    mutable QCache<int, SafeTextDocument> m_documents; // note index -> laid out document
    mutable std::optional<int> m_firstNewRow;          // computed when first asked for
};

} // namespace CaseLens::Gui
