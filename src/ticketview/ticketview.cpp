#include "ticketview/ticketview.h"

#include "ticketview/filesmodel.h"
#include "ticketview/filestab.h"
#include "ticketview/jsonarraytablemodel.h"
#include "ticketview/notesmodel.h"
#include "ticketview/notestab.h"
#include "ticketview/overviewtab.h"
#include "ticketview/rawtab.h"
#include "ticketview/requestertab.h"
#include "ticketview/statisticsmodel.h"
#include "ticketview/statisticstab.h"
#include "ticketview/tabletab.h"
#include "ticketview/ticketheader.h"
#include "ticketview/viewhelpers.h"

#include <QLocale>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace CaseLens::Gui {

TicketView::TicketView(QWidget *parent)
    : QWidget(parent)
    , m_header(new TicketHeader(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new OverviewTab(m_tabs))
    , m_notes(new NotesTab(m_tabs))
    , m_statistics(new StatisticsTab(m_tabs))
    , m_collaboratorsModel(new JsonArrayTableModel(this))
    , m_collaborators(new TableTab(m_collaboratorsModel, JsonArrayTableModel::SortRole,
                                   tr("No collaborators on this ticket"), tr("Collaborators"), m_tabs))
    , m_filesModel(new FilesModel(this))
    , m_files(new FilesTab(m_filesModel, m_tabs))
    , m_requester(new RequesterTab(m_tabs))
    , m_raw(new RawTab(m_tabs))
    , m_fillTimer(new QTimer(this))
{
    m_header->setObjectName(QStringLiteral("ticketHeader"));
    m_tabs->setObjectName(QStringLiteral("ticketTabs"));
    m_tabs->setAccessibleName(tr("Ticket sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setExpanding(false);
    m_tabs->tabBar()->setUsesScrollButtons(true);
    m_tabs->addTab(m_overview, {});
    m_tabs->addTab(m_notes, {});
    m_tabs->addTab(m_statistics, {});
    m_tabs->addTab(m_collaborators, {});
    m_tabs->addTab(m_files, {});
    m_tabs->addTab(m_requester, {});
    m_tabs->addTab(m_raw, {});
    m_overview->setObjectName(QStringLiteral("overviewTab"));
    m_notes->setObjectName(QStringLiteral("notesTab"));
    m_statistics->setObjectName(QStringLiteral("statisticsTab"));
    m_collaborators->setObjectName(QStringLiteral("collaboratorsTab"));
    m_files->setObjectName(QStringLiteral("filesTab"));
    m_requester->setObjectName(QStringLiteral("requesterTab"));
    m_raw->setObjectName(QStringLiteral("rawTab"));
    // Where Ctrl+1…7 puts the keyboard (showTab); Notes, Overview and Statistics set their own.
    m_collaborators->setFocusProxy(m_collaborators->tableView());
    m_files->setFocusProxy(m_files->tableView());
    m_raw->setFocusProxy(m_raw->editor());

    connect(m_overview, &OverviewTab::httpsLinkActivated, this, &TicketView::forwardLink);
    connect(m_notes, &NotesTab::httpsLinkActivated, this, &TicketView::forwardLink);
    connect(m_collaborators, &TableTab::httpsLinkActivated, this, &TicketView::forwardLink);
    connect(m_files, &FilesTab::httpsLinkActivated, this, &TicketView::forwardLink);
    connect(m_requester, &RequesterTab::httpsLinkActivated, this, &TicketView::forwardLink);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TicketView::onCurrentTabChanged);
    connect(m_header, &TicketHeader::requesterActivated, this, [this] { showTab(RequesterTabIndex); });
    connect(m_header, &TicketHeader::httpsLinkActivated, this, &TicketView::forwardLink);

    m_fillTimer->setSingleShot(true);
    connect(m_fillTimer, &QTimer::timeout, this, &TicketView::fillNextTab);
    m_tabs->tabBar()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);

    setTicket(Ticket{});
}

void TicketView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A short window keeps the tabs' room: the header shrinks to one line.
    m_header->setCompact(height() < CompactHeaderBelowHeight);
}

void TicketView::setTicket(const Ticket &ticket)
{
    m_ticket = ticket;
    const bool blank = ticket.caseNumber.isEmpty() && ticket.raw.isEmpty();
    m_header->setVisible(!blank);
    m_header->setTicket(ticket);
    // The tab titles count from the ticket: only the tab in front is filled
    // before the first paint; the others follow one per event-loop turn (or
    // at once when the agent gets there first). Issue 19.
    m_unfilled.set();
    fillTab(m_tabs->currentIndex());
    updateTabTitles();
    // A zero timer would run before the paint (posted update requests come
    // last): on screen, the first slice waits for the tab bar's paint.
    if (m_unfilled.any() && !isVisible())
        m_fillTimer->start();
}

bool TicketView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs->tabBar() && event->type() == QEvent::Paint && m_unfilled.any() &&
        !m_fillTimer->isActive())
        m_fillTimer->start();
    return QWidget::eventFilter(watched, event);
}

// One slice: the next tab still showing the previous ticket.
void TicketView::fillNextTab()
{
    for (int i = 0; i < TabCount; ++i) {
        if (m_unfilled.test(size_t(i))) {
            fillTab(i);
            break;
        }
    }
    if (m_unfilled.any())
        m_fillTimer->start();
}

void TicketView::fillTab(int index)
{
    if (index < 0 || index >= TabCount || !m_unfilled.test(size_t(index)))
        return;
    m_unfilled.reset(size_t(index));
    switch (index) {
    case OverviewTabIndex:
        m_overview->setTicket(m_ticket);
        break;
    case NotesTabIndex:
        m_notes->setTicket(m_ticket);
        break;
    case StatisticsTabIndex:
        m_statistics->setTicket(m_ticket);
        break;
    case CollaboratorsTabIndex:
        m_collaboratorsModel->setArray(m_ticket.collaborators);
        m_collaborators->refresh();
        break;
    case FilesTabIndex:
        m_filesModel->setFiles(m_ticket.attachments);
        m_files->refresh();
        break;
    case RequesterTabIndex:
        m_requester->setTicket(m_ticket);
        break;
    case RawTabIndex:
        m_raw->setRaw(m_ticket.raw);
        if (m_tabs->currentIndex() == RawTabIndex)
            m_raw->ensureLoaded();
        break;
    default:
        break;
    }
}

NotesTab *TicketView::notesTab()
{
    fillTab(NotesTabIndex);
    return m_notes;
}

const Ticket &TicketView::ticket() const
{
    return m_ticket;
}

int TicketView::tabCount() const
{
    return m_tabs->count();
}

void TicketView::showTab(int index, TabFocus focus)
{
    if (index < 0 || index >= m_tabs->count())
        return;
    m_tabs->setCurrentIndex(index);
    if (focus == TabFocus::MoveIntoContent)
        focusTabContent(index);
}

// The keyboard goes where the reading is: the tab's focus proxy (the notes
// list, the table, ...); else its first control that takes Tab focus (the
// Requester's values); else, on an empty tab, the tab bar.
void TicketView::focusTabContent(int index)
{
    QWidget *page = m_tabs->widget(index);
    QWidget *target = page;
    while (target->focusProxy())
        target = target->focusProxy();
    const auto takesFocus = [page](const QWidget *w) {
        return w && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
               page->isAncestorOf(w);
    };
    if (!takesFocus(target)) {
        target = nullptr;
        for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
            if (takesFocus(w)) {
                target = w;
                break;
            }
        }
    }
    if (!target)
        target = m_tabs->tabBar();
    target->setFocus(Qt::ShortcutFocusReason);
}

QString TicketView::tabTitle(int index) const
{
    return m_tabs->tabText(index);
}

int TicketView::currentTab() const
{
    return m_tabs->currentIndex();
}

void TicketView::forwardLink(const QUrl &url)
{
    // Every tab filters already; this is the last gate before the window.
    if (isOpenableUrl(url))
        Q_EMIT httpsLinkActivated(url);
}

void TicketView::onCurrentTabChanged(int index)
{
    fillTab(index); // before it paints, and before Ctrl+1…7 puts the keyboard in it
    if (index == RawTabIndex)
        m_raw->ensureLoaded();
    if (index == NotesTabIndex && isVisible())
        Q_EMIT notesViewed();
}

void TicketView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Also when the window comes back from being minimised, or this ticket's
    // tab is brought to the front: the agent sees the notes now.
    if (m_tabs->currentIndex() == NotesTabIndex)
        Q_EMIT notesViewed();
}

void TicketView::setNewNotesCount(int count)
{
    count = std::max(0, count);
    if (count == m_newNotes)
        return;
    m_newNotes = count;
    m_tabs->setTabText(NotesTabIndex, notesTabTitle());
}

void TicketView::setNewNoteIds(const QSet<QString> &ids)
{
    // Kept by the model for when the Notes tab is filled; counted on the
    // ticket, so the title is right before that.
    m_notes->model()->setNewNoteIds(ids);
    setNewNotesCount(NotesModel::newNoteCount(m_ticket.notes, ids));
}

QString TicketView::notesTabTitle() const
{
    const QString count = QLocale().toString(m_ticket.notes.size());
    if (m_newNotes == 0)
        return QStringLiteral("%1 (%2)").arg(tr("Notes"), count);
    // "Notes (62 · 2 new)"
    return tr("%1 (%2 · %n new)", nullptr, m_newNotes).arg(tr("Notes"), count);
}

void TicketView::updateTabTitles()
{
    const QLocale locale;
    const auto counted = [&locale](const QString &title, qsizetype count) {
        return QStringLiteral("%1 (%2)").arg(title, locale.toString(count));
    };
    struct TabInfo
    {
        QString title;
        QStringList warnings;
    };
    const auto w = [this](const char *field) {
        return warningMessages(m_ticket, QString::fromLatin1(field));
    };
    const TabInfo tabs[TabCount] = {
        {tr("Overview"), w("Description") + w("NotifyUsers") + w("Documentation") + w("GitHubIssue") +
                             w("Survey") + w("AttachmentInfo")},
        {notesTabTitle(), w("Notes")},
        {counted(tr("Statistics"), m_ticket.statistics.size()), w("Statistics")},
        {counted(tr("Collaborators"), m_ticket.collaborators.size()), w("Collaborators")},
        {counted(tr("Files"), m_ticket.files.size()), w("Files")},
        {tr("Requester"), w("AccountInfo")},
        {tr("Raw"), {}},
    };
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < TabCount; ++i) {
        m_tabs->setTabText(i, tabs[i].title);
        m_tabs->setTabIcon(i, tabs[i].warnings.isEmpty() ? QIcon() : warningIcon);
        QString tip = tr("Ctrl+%1").arg(i + 1);
        if (!tabs[i].warnings.isEmpty())
            tip += u'\n' + shortened(tabs[i].warnings.mid(0, 10).join(u'\n'), 2000);
        m_tabs->setTabToolTip(i, toolTipText(tip));
    }
}

void TicketView::setApiClient(ApiClient *client)
{
    m_files->setApiClient(client);
}

void TicketView::setYouToken(const QString &token)
{
    m_statistics->model()->setYouToken(token);
    m_overview->setYouToken(token);
    m_collaboratorsModel->setYouToken(token);
}

} // namespace CaseLens::Gui
