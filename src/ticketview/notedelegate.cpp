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

QRect NoteDelegate::bodyRect(const QStyleOptionViewItem &option) const
{
    const int headerHeight = option.fontMetrics.height();
    return option.rect.adjusted(Padding, Padding + headerHeight + HeaderGap, -Padding, -Padding);
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
    return {width + 2 * Padding, Padding + headerHeight + HeaderGap + bodyHeight + Padding};
}

void NoteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
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
    const QDateTime date = index.data(NotesModel::DateRole).toDateTime();
    QString header = index.data(NotesModel::DateTextRole).toString();
    if (header.isEmpty())
        header = tr("No date");
    else
        header += QStringLiteral(" \u00B7 ") + relativeAgeText(date, QDateTime::currentDateTimeUtc());
    const QRect headerRect(opt.rect.left() + Padding, opt.rect.top() + Padding,
                           opt.rect.width() - 2 * Padding, opt.fontMetrics.height());
    painter->drawText(headerRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetrics(headerFont).elidedText(header, Qt::ElideRight, headerRect.width()));

    // Body: the sanitised rich text.
    SafeTextDocument *doc = document(index, opt.font);
    const QRect body = bodyRect(opt);
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

QString NoteDelegate::anchorAt(const QPoint &viewportPos, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const QRect body = bodyRect(option);
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
