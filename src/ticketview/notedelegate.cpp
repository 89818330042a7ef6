#include "ticketview/notedelegate.h"

#include "ticketview/notesmodel.h"
#include "ticketview/safetextdocument.h"
#include "ticketview/viewhelpers.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextFrame>
#include <QTextFrameFormat>
#include <QToolTip>

namespace CaseLens::Gui {
namespace {

constexpr int Padding = 8;
constexpr int HeaderGap = 4;
constexpr int MaxDocuments = 256;
constexpr int MinTextWidth = 120;
constexpr int PillPadding = 6;
constexpr int DividerGap = 6;

} // namespace

NoteDelegate::NoteDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_documents(MaxDocuments)
{}

NoteDelegate::~NoteDelegate() = default;

void NoteDelegate::clearCache()
{
    m_heights.clear();
    m_documents.clear();
    m_cachedWidth = -1;
    invalidateNewMarkers();
}

int NoteDelegate::textWidth() const
{
    int width = m_view->viewport()->width();
    // Reserve the scroll bar's width so showing it does not relayout everything.
    if (!m_view->verticalScrollBar()->isVisible())
        width -= m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    return std::max(MinTextWidth, width - 2 * Padding);
}

int NoteDelegate::layoutWidth() const
{
    const int width = textWidth();
    if (width != m_cachedWidth) {
        m_heights.clear();
        m_documents.clear();
        m_cachedWidth = width;
    }
    return width;
}

SafeTextDocument *NoteDelegate::document(const QModelIndex &index, const QFont &font) const
{
    const int width = layoutWidth();
    const int key = index.data(NotesModel::NoteIndexRole).toInt();
    if (SafeTextDocument *doc = m_documents.object(key)) {
        if (doc->defaultFont() == font)
            return doc;
    }
    auto *doc = new SafeTextDocument;
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    const QString html = index.data(NotesModel::SanitizedHtmlRole).toString();
    if (html.trimmed().isEmpty())
        doc->setSanitizedHtml(QStringLiteral("<i>") + tr("(no text)").toHtmlEscaped() +
                              QStringLiteral("</i>"));
    else
        doc->setSanitizedHtml(html);
    doc->setTextWidth(width);
    m_heights.insert(key, int(std::ceil(doc->size().height())));
    m_documents.insert(key, doc);
    return doc;
}

QString NoteDelegate::headerText(const QModelIndex &index)
{
    // "Ana Ruiz · 26/01/2025 10:05 · 2 days ago": who first, when the note says.
    QStringList parts;
    if (QString author = index.data(NotesModel::AuthorRole).toString(); !author.isEmpty())
        parts.append(std::move(author));
    const QString date = index.data(NotesModel::DateTextRole).toString();
    if (date.isEmpty()) {
        parts.append(tr("No date"));
    } else {
        parts.append(date);
        parts.append(
            relativeAgeText(index.data(NotesModel::DateRole).toDateTime(), QDateTime::currentDateTimeUtc()));
    }
    return parts.join(QStringLiteral(" \u00B7 "));
}

QRect NoteDelegate::bodyRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int headerHeight = option.fontMetrics.height();
    return noteRect(option, index).adjusted(Padding, Padding + headerHeight + HeaderGap, -Padding, -Padding);
}

QSize NoteDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const int width = layoutWidth();
    const int key = index.data(NotesModel::NoteIndexRole).toInt();
    auto it = m_heights.constFind(key);
    int bodyHeight = 0;
    if (it != m_heights.constEnd())
        bodyHeight = *it;
    else
        bodyHeight = int(std::ceil(document(index, option.font)->size().height()));
    const int headerHeight = option.fontMetrics.height();
    const int divider = hasDivider(index) ? dividerHeight(option) : 0;
    return {width + 2 * Padding, divider + Padding + headerHeight + HeaderGap + bodyHeight + Padding};
}

void NoteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    if (hasDivider(index)) {
        paintDivider(painter, opt);
        opt.rect = noteRect(option, index);
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    // Header: date, relative age, id.
    QFont headerFont = opt.font;
    headerFont.setBold(true);
    painter->setFont(headerFont);
    QColor headerColor = textColor;
    if (!selected)
        headerColor = opt.palette.color(group, QPalette::PlaceholderText);
    painter->setPen(headerColor);
    const QString header = headerText(index);
    QRect headerRect(opt.rect.left() + Padding, opt.rect.top() + Padding, opt.rect.width() - 2 * Padding,
                     opt.fontMetrics.height());
    if (index.data(NotesModel::IsNewRole).toBool()) {
        headerRect.setLeft(headerRect.left() + paintNewPill(painter, opt, headerRect));
        painter->setFont(headerFont);
        painter->setPen(headerColor);
    }
    painter->drawText(headerRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetrics(headerFont).elidedText(header, Qt::ElideRight, headerRect.width()));

    // Body: the sanitised rich text.
    SafeTextDocument *doc = document(index, opt.font);
    const QRect body = bodyRect(option, index);
    painter->translate(body.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, textColor);
    if (selected)
        context.palette.setColor(QPalette::Link, textColor);
    context.clip = QRectF(0, 0, body.width(), body.height());
    painter->setClipRect(context.clip);
    doc->documentLayout()->draw(painter, context);
    painter->restore();

    // A separator between notes.
    painter->save();
    painter->setPen(opt.palette.color(group, QPalette::Mid));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());
    painter->restore();
}

void NoteDelegate::followNewMarkers(QAbstractItemModel *model)
{
    // Any change of order, filter or rows may move the first new note.
    connect(model, &QAbstractItemModel::modelReset, this, &NoteDelegate::invalidateNewMarkers);
    connect(model, &QAbstractItemModel::layoutChanged, this, &NoteDelegate::invalidateNewMarkers);
    connect(model, &QAbstractItemModel::rowsInserted, this, &NoteDelegate::invalidateNewMarkers);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &NoteDelegate::invalidateNewMarkers);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (!roles.isEmpty() && !roles.contains(NotesModel::IsNewRole))
                    return;
                invalidateNewMarkers();
                // The band changes rows' heights, which QListView only
                // measures again when it lays the items out.
                m_view->doItemsLayout();
            });
}

void NoteDelegate::invalidateNewMarkers()
{
    m_firstNewRow.reset();
}

int NoteDelegate::firstNewRow(const QModelIndex &index) const
{
    if (!m_firstNewRow) {
        m_firstNewRow = -1;
        const QAbstractItemModel *model = index.model();
        const int rows = model->rowCount(index.parent());
        for (int row = 0; row < rows; ++row) {
            if (model->index(row, 0, index.parent()).data(NotesModel::IsNewRole).toBool()) {
                m_firstNewRow = row;
                break;
            }
        }
    }
    return *m_firstNewRow;
}

bool NoteDelegate::hasDivider(const QModelIndex &index) const
{
    return index.data(NotesModel::IsNewRole).toBool() && firstNewRow(index) == index.row();
}

int NoteDelegate::dividerHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height() + 2 * DividerGap;
}

QRect NoteDelegate::noteRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return hasDivider(index) ? option.rect.adjusted(0, dividerHeight(option), 0, 0) : option.rect;
}

void NoteDelegate::paintDivider(QPainter *painter, const QStyleOptionViewItem &option) const
{
    // On the view's background, not the selection: it is not part of a note.
    const QRect band(option.rect.left(), option.rect.top(), option.rect.width(), dividerHeight(option));
    const QColor accent = option.palette.color(QPalette::Normal, QPalette::Highlight);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString text = tr("New since you last looked");
    const int textWidth = std::min(metrics.horizontalAdvance(text), band.width() - 4 * Padding);
    const QRect textRect(band.left() + 2 * Padding, band.top(), textWidth, band.height());
    painter->save();
    painter->setFont(font);
    painter->setPen(accent);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    const int y = band.center().y();
    painter->drawLine(band.left() + Padding, y, textRect.left() - Padding / 2, y);
    painter->drawLine(textRect.right() + Padding, y, band.right() - Padding, y);
    painter->restore();
}

int NoteDelegate::paintNewPill(QPainter *painter, const QStyleOptionViewItem &option,
                               const QRect &headerRect) const
{
    // Highlight on HighlightedText is the pair every style keeps readable, in
    // light and dark; on a selected row (already Highlight) it is inverted.
    const bool selected = option.state & QStyle::State_Selected;
    QColor fill = option.palette.color(QPalette::Normal, QPalette::Highlight);
    QColor ink = option.palette.color(QPalette::Normal, QPalette::HighlightedText);
    if (selected)
        std::swap(fill, ink);
    QFont font = option.font;
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics metrics(font);
    const QString text = tr("New");
    const int width = metrics.horizontalAdvance(text) + 2 * PillPadding;
    const QRect pill(headerRect.left(), headerRect.top(), width, headerRect.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(QRectF(pill), radius, radius);
    painter->setFont(font);
    painter->setPen(ink);
    painter->drawText(pill, Qt::AlignCenter | Qt::TextSingleLine, text);
    painter->restore();
    return width + PillPadding;
}

QString NoteDelegate::anchorAt(const QPoint &viewportPos, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const QRect body = bodyRect(option, index);
    if (!body.contains(viewportPos))
        return {};
    SafeTextDocument *doc = document(index, option.font);
    return doc->documentLayout()->anchorAt(QPointF(viewportPos - body.topLeft()));
}

bool NoteDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QUrl url(anchorAt(mouse->position().toPoint(), option, index), QUrl::StrictMode);
            if (isOpenableUrl(url))
                Q_EMIT linkActivated(url);
        }
    } else if (event->type() == QEvent::MouseMove) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const bool onLink = !anchorAt(mouse->position().toPoint(), option, index).isEmpty();
        if (onLink)
            m_view->viewport()->setCursor(Qt::PointingHandCursor);
        else
            m_view->viewport()->unsetCursor();
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool NoteDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                             const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        const QString anchor = anchorAt(event->pos(), option, index);
        if (!anchor.isEmpty()) {
            // Show where a link goes: its text may say something else.
            const QUrl url(anchor, QUrl::StrictMode);
            const QString text =
                isOpenableUrl(url) ? anchor : tr("%1 (this link cannot be opened)").arg(anchor);
            QToolTip::showText(event->globalPos(), toolTipText(text), view);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace CaseLens::Gui
