#include "app/watchcontroller.h"

#include "app/desktopnotifier.h"
#include "app/mainwindow.h"
#include "app/queuemodel.h"
#include "app/tabunreaddot.h"
#include "app/ticketpage.h"
#include "app/watchstatus.h"
#include "core/casenumber.h"
#include "core/clientsettings.h"
#include "core/seenstore.h"
#include "core/session.h"
#include "core/ticketlist.h"
#include "core/ticketwatcher.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QApplication>
#include <QStringList>
#include <QTabWidget>

#include <algorithm>

namespace CaseLens::Gui {
namespace {

// What a change is, for "never announce the same thing twice".
QString signature(const TicketChanges &changes)
{
    return changes.newNoteIds.join(u',') + u'|' + QString::number(changes.newStatistics) + u'|' +
           QString::number(int(changes.status)) + (changes.statusChanged ? u"!" : u"");
}

WatchStatusLabel::State labelState(TicketWatcher::State state)
{
    switch (state) {
    case TicketWatcher::State::Off:
        return WatchStatusLabel::State::Off;
    case TicketWatcher::State::Watching:
        return WatchStatusLabel::State::Watching;
    case TicketWatcher::State::NoKey:
        return WatchStatusLabel::State::NoKey;
    case TicketWatcher::State::Offline:
        return WatchStatusLabel::State::Offline;
    case TicketWatcher::State::BackingOff:
        return WatchStatusLabel::State::BackingOff;
    }
    return WatchStatusLabel::State::Off;
}

// The ticket with only the notes already seen: what "looked at, but the
// Notes tab not opened" has seen.
Ticket withSeenNotesOnly(const Ticket &ticket, const QSet<QString> &seenNotes)
{
    Ticket copy = ticket;
    copy.notes.clear();
    for (const Note &note : ticket.notes) {
        if (seenNotes.contains(seenNoteKey(note)))
            copy.notes.append(note);
    }
    return copy;
}

} // namespace

WatchController::WatchController(MainWindow *window, Session *session, QTabWidget *tabs,
                                 const QString &seenFile)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_tabs(tabs)
    , m_store(new SeenStore(seenFile.isEmpty() ? SeenStore::defaultFilePath() : seenFile, this))
    , m_watcher(new TicketWatcher(session->client(), this))
    , m_notifier(new DesktopNotifier(this))
{
    connect(m_watcher, &TicketWatcher::ticketPolled, this, &WatchController::onTicketPolled);
    connect(m_watcher, &TicketWatcher::openListPolled, this, &WatchController::onOpenListPolled);
    connect(m_watcher, &TicketWatcher::stateChanged, this, &WatchController::updateStatus);
    connect(m_notifier, &DesktopNotifier::openRequested, this, &WatchController::openRequested);
    connect(m_session, &Session::keyChanged, this, &WatchController::updateKey);
    connect(m_session, &Session::demoChanged, this, &WatchController::updateKey);
    connect(m_session, &Session::settingsApplied, this, [this] { applySettings(m_session->values()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, &WatchController::onLookedAt);
    connect(qApp, &QApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            onLookedAt();
    });
    if (QAction *dnd = m_window->doNotDisturbAction()) {
        m_notifier->setDoNotDisturb(dnd->isChecked());
        connect(dnd, &QAction::toggled, m_notifier, &DesktopNotifier::setDoNotDisturb);
    }
    applySettings(session->values());
    updateKey();
}

WatchController::~WatchController()
{
    m_store->save();
}

void WatchController::applySettings(const SettingsValues &values)
{
    m_watcher->setInterval(
        values.watchIntervalMinutes > 0
            ? std::optional<std::chrono::seconds>(std::chrono::minutes(values.watchIntervalMinutes))
            : std::nullopt);
    m_notifier->setEnabled(values.notifications);
    updateStatus();
}

void WatchController::setDoNotDisturb(bool on)
{
    m_notifier->setDoNotDisturb(on);
}

void WatchController::setQueueModel(QueueModel *model)
{
    m_queue = model;
    m_watcher->setWatchOpenList(model != nullptr);
    updateQueueMarks();
}

QString WatchController::server() const
{
    // Demo tickets are the same on every run, whatever port the demo server got.
    return m_session->isDemo() ? QStringLiteral("demo")
                               : SeenStore::serverKey(m_session->client()->baseUrl());
}

QList<TicketPage *> WatchController::pages() const
{
    QList<TicketPage *> out;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<TicketPage *>(m_tabs->widget(i)))
            out.append(page);
    }
    return out;
}

TicketPage *WatchController::pageFor(const QString &caseNumber) const
{
    const QList<TicketPage *> all = pages();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&caseNumber](const TicketPage *p) {
        return p->caseNumber() == caseNumber;
    });
    return it == all.cend() ? nullptr : *it;
}

bool WatchController::isLookedAt(const TicketPage *page) const
{
    return page && page->hasTicket() && m_tabs->currentWidget() == page && m_window->isActiveWindow() &&
           !m_window->isMinimized();
}

void WatchController::pagesChanged()
{
    QList<CaseNumber> cases;
    QSet<QString> open;
    for (TicketPage *page : pages()) {
        watchPage(page);
        open.insert(page->caseNumber());
        if (const ParsedCaseNumber parsed = CaseNumber::parse(page->caseNumber()); parsed.ok())
            cases.append(*parsed.caseNumber());
    }
    m_unread.intersect(open);
    m_watcher->setWatchedCases(cases);
    updateQueueMarks();
    updateStatus();
}

void WatchController::watchPage(TicketPage *page)
{
    if (page->property("caselensWatched").toBool())
        return;
    page->setProperty("caselensWatched", true);
    connect(page, &TicketPage::ticketLoaded, this, [this, page] { onTicketLoaded(page); });
    connect(page->ticketView(), &TicketView::notesViewed, this, [this, page] { onNotesViewed(page); });
}

void WatchController::onTicketLoaded(TicketPage *page)
{
    const Ticket &ticket = page->ticketView()->ticket();
    const TicketChanges changes = m_store->observe(server(), ticket);
    TicketView *view = page->ticketView();
    view->setNewNoteIds(QSet<QString>(changes.newNoteIds.cbegin(), changes.newNoteIds.cend()));
    view->header()->setCallout(changes.headerCallout());
    // Opened: no longer new in the queue.
    if (m_newInQueue.remove(page->caseNumber()))
        m_store->rememberQueueCases(server(), {page->caseNumber()});

    const bool fromPoll = m_polledCase == page->caseNumber();
    if (changes.isEmpty()) {
        setUnread(page, false);
        m_notified.remove(page->caseNumber());
        return;
    }
    if (isLookedAt(page)) {
        onLookedAt();
        if (view->currentTab() == TicketView::NotesTabIndex)
            onNotesViewed(page);
        return;
    }
    setUnread(page, true);
    const QString what = signature(changes);
    if (fromPoll && m_notified.value(page->caseNumber()) != what) {
        m_notified.insert(page->caseNumber(), what);
        m_notifier->notify({{page->caseNumber(), tr("%1: %2").arg(page->caseNumber(), changes.summary())}});
    }
}

void WatchController::onTicketPolled(const Ticket &ticket)
{
    TicketPage *page = pageFor(ticket.caseNumber);
    if (!page || page->isBusy())
        return;
    // Nothing new: the view (and the agent's place in it) stays as it is.
    if (page->hasTicket() && ticket.raw.isUnchangedFrom(page->ticketView()->ticket().raw))
        return;
    m_polledCase = ticket.caseNumber;
    page->showTicket(ticket);
    m_polledCase.clear();
}

void WatchController::onOpenListPolled(const TicketList &list)
{
    const QString key = server();
    QSet<QString> cases;
    for (const TicketSummary &row : list.tickets)
        cases.insert(row.caseNumber);
    const QSet<QString> known = m_store->knownQueueCases(key);
    if (known.isEmpty()) { // the first look: nothing is new
        m_store->rememberQueueCases(key, cases);
        return;
    }
    QList<ChangeNotice> notices;
    for (const TicketSummary &row : list.tickets) {
        if (known.contains(row.caseNumber) || m_newInQueue.contains(row.caseNumber) ||
            pageFor(row.caseNumber))
            continue;
        m_newInQueue.insert(row.caseNumber);
        notices.append({row.caseNumber, tr("%1: new ticket, “%2”").arg(row.caseNumber, row.subject)});
    }
    if (!notices.isEmpty()) {
        // Announced once: after a restart they are known (no longer bold).
        m_store->rememberQueueCases(key, m_newInQueue);
        m_notifier->notify(notices);
        if (m_queue)
            m_queue->refresh(Lane::Background);
    }
    updateQueueMarks();
}

void WatchController::onNotesViewed(TicketPage *page)
{
    if (!page->hasTicket() || !m_window->isActiveWindow())
        return;
    m_store->markNotesSeen(server(), page->ticketView()->ticket());
}

void WatchController::onLookedAt()
{
    auto *page = qobject_cast<TicketPage *>(m_tabs->currentWidget());
    if (!isLookedAt(page))
        return;
    const Ticket &ticket = page->ticketView()->ticket();
    const std::optional<SeenTicket> seen = m_store->seen(server(), ticket.caseNumber);
    if (seen)
        m_store->markSeen(server(), withSeenNotesOnly(ticket, seen->noteIds));
    if (page->ticketView()->currentTab() == TicketView::NotesTabIndex)
        m_store->markNotesSeen(server(), ticket);
    m_notified.remove(ticket.caseNumber);
    setUnread(page, false);
}

void WatchController::setUnread(TicketPage *page, bool unread)
{
    const int index = m_tabs->indexOf(page);
    if (index >= 0)
        setTabUnread(m_tabs, index, unread);
    if (unread)
        m_unread.insert(page->caseNumber());
    else
        m_unread.remove(page->caseNumber());
    updateQueueMarks();
}

void WatchController::updateQueueMarks()
{
    if (!m_queue)
        return;
    m_queue->setUnreadCases(m_unread);
    m_queue->setNewCases(m_newInQueue);
}

void WatchController::updateStatus()
{
    if (WatchStatusLabel *label = m_window->watchStatusLabel())
        label->setState(labelState(m_watcher->state()), m_watcher->watchedCount());
}

void WatchController::updateKey()
{
    m_watcher->setKeyAvailable(!m_session->apiKey().isEmpty());
    m_newInQueue.clear();
    updateQueueMarks();
    updateStatus();
}

} // namespace CaseLens::Gui
