#include "ticketview/notestab.h"

#include "ticketview/notedelegate.h"
#include "ticketview/notesmodel.h"
#include "ticketview/viewhelpers.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTimer>

namespace CaseLens::Gui {
namespace {

constexpr int FilterDelayMs = 200;
constexpr int MaxScrollAttempts = 200;
constexpr auto NewestFirstKey = "notes/newestFirst";

} // namespace

NotesTab::NotesTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new NotesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_order(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_list(new QListView(this))
    , m_stack(new QStackedWidget(this))
    , m_filterTimer(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(NotesModel::DateRole);
    m_proxy->setFilterRole(NotesModel::PlainTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(false);

    m_filter->setPlaceholderText(tr("Filter notes"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter notes"));
    m_filter->setObjectName(QStringLiteral("notesFilter"));

    m_order->addItem(tr("Oldest first"));
    m_order->addItem(tr("Newest first"));
    m_order->setAccessibleName(tr("Note order"));
    m_order->setObjectName(QStringLiteral("notesOrder"));

    m_count->setTextFormat(Qt::PlainText);
    m_count->setAccessibleName(tr("Number of notes shown"));

    m_list->setModel(m_proxy);
    m_delegate = new NoteDelegate(m_list);
    m_list->setItemDelegate(m_delegate);
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setAccessibleName(tr("Notes"));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setLayoutMode(QListView::Batched);
    m_list->setBatchSize(50);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMouseTracking(true);
    m_list->setWordWrap(true);
    connect(m_delegate, &NoteDelegate::linkActivated, this, &NotesTab::httpsLinkActivated);
    m_delegate->followNewMarkers(m_proxy);

    auto *copy = new QAction(tr("Copy Note Text"), m_list);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &NotesTab::copySelectedNotes);
    m_list->addAction(copy);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_empty = fillWithContentStack(this, m_stack, makeBarPage(this, {m_filter, m_order, m_count}, m_list),
                                   tr("No notes on this ticket"));

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &NotesTab::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &NotesTab::applyFilter);
    // Newest first unless the agent chose otherwise: the latest note is what they came for.
    m_order->setCurrentIndex(QSettings().value(QLatin1StringView(NewestFirstKey), true).toBool() ? 1 : 0);
    connect(m_order, &QComboBox::currentIndexChanged, this, &NotesTab::applySortOrder);
    connect(m_order, &QComboBox::currentIndexChanged, this, &NotesTab::rememberSortOrder);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] {
        // The note the agent was on stays in view after the order flips.
        if (m_list->currentIndex().isValid() && isVisible())
            m_list->scrollTo(m_list->currentIndex());
    });
    setFocusProxy(m_list); // Ctrl+2 lands in the notes, not on the tab

    applySortOrder();
    updateState();
}

void NotesTab::setTicket(const Ticket &ticket)
{
    m_delegate->clearCache();
    m_model->setNotes(ticket.notes);
    applySortOrder();
    updateState();
    showNewestNote();
}

void NotesTab::setNewestFirst(bool newestFirst)
{
    m_order->setCurrentIndex(newestFirst ? 1 : 0);
}

bool NotesTab::newestFirst() const
{
    return m_order->currentIndex() == 1;
}

void NotesTab::rememberSortOrder()
{
    QSettings().setValue(QLatin1StringView(NewestFirstKey), newestFirst());
}

// The latest note is what an agent reads first: select it, and bring it into
// view once the list is shown (at the bottom when oldest first: that needs
// every note's height, so it waits until the agent looks).
void NotesTab::showNewestNote()
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex newest = m_proxy->index(newestFirst() ? 0 : rows - 1, 0);
    m_list->selectionModel()->setCurrentIndex(newest, QItemSelectionModel::ClearAndSelect);
    m_scrollPending = true;
    if (isVisible())
        QMetaObject::invokeMethod(this, &NotesTab::scrollToCurrent, Qt::QueuedConnection);
}

void NotesTab::scrollToCurrent()
{
    if (!m_scrollPending || !isVisible())
        return;
    const QModelIndex current = m_list->currentIndex();
    m_list->scrollTo(current,
                     newestFirst() ? QAbstractItemView::PositionAtTop : QAbstractItemView::PositionAtBottom);
    // The list lays its rows out in batches: at the bottom, try again until
    // the row is really in view (bounded, a few event-loop turns).
    const bool inView = m_list->viewport()->rect().intersects(m_list->visualRect(current));
    if (inView || ++m_scrollAttempts > MaxScrollAttempts) {
        m_scrollPending = false;
        m_scrollAttempts = 0;
        return;
    }
    QMetaObject::invokeMethod(this, &NotesTab::scrollToCurrent, Qt::QueuedConnection);
}

void NotesTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_scrollPending)
        QMetaObject::invokeMethod(this, &NotesTab::scrollToCurrent, Qt::QueuedConnection);
}

void NotesTab::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

void NotesTab::applyFilter()
{
    m_filterTimer->stop();
    m_proxy->setFilterFixedString(m_filter->text().trimmed());
    updateState();
}

void NotesTab::applySortOrder()
{
    m_proxy->sort(0, newestFirst() ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void NotesTab::updateState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_stack->setCurrentIndex(total == 0 ? 1 : 0);
    if (shown == total)
        m_count->setText(tr("%Ln note(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %Ln note(s)", nullptr, total).arg(QLocale().toString(shown)));
}

void NotesTab::copySelectedNotes()
{
    QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList parts;
    for (const QModelIndex &index : rows) {
        const QString date = index.data(NotesModel::DateTextRole).toString();
        const QString text = index.data(NotesModel::PlainTextRole).toString();
        parts.append(date.isEmpty() ? text : date + u'\n' + text);
    }
    if (!parts.isEmpty())
        QGuiApplication::clipboard()->setText(parts.join(QStringLiteral("\n\n")));
}

} // namespace CaseLens::Gui
