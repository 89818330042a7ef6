#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QTabWidget;

namespace CaseLens {
class Session;
class SeenStore;
class TicketWatcher;
struct SettingsValues;
struct Ticket;
struct TicketChanges;
struct TicketList;
} // namespace CaseLens

namespace CaseLens::Gui {

class DesktopNotifier;
class MainWindow;
class QueueModel;
class TicketPage;

// Keeps the agent on top of their tickets (issue 14): the open ticket tabs
// and the open-tickets list are refreshed in the background (TicketWatcher),
// what is new since the agent last looked is marked (SeenStore: New notes,
// "Notes (62 · 2 new)", the tab's dot, the header's call-out, bold queue
// rows), and changes found in the background are announced on the desktop
// (DesktopNotifier), except for the ticket the agent is looking at.
//
// The window owns it and tells it when tabs come and go (pagesChanged) and
// when the queue exists; everything else it learns from signals.
class WatchController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchController)

public:
    // seenFile: where the seen state is kept (empty: SeenStore::defaultFilePath()).
    WatchController(MainWindow *window, Session *session, QTabWidget *tabs, const QString &seenFile = {});
    ~WatchController() override;

    [[nodiscard]] TicketWatcher *watcher() const { return m_watcher; }
    [[nodiscard]] SeenStore *seenStore() const { return m_store; }
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier; }

    // Settings → Watching: the interval (0: off) and notifications.
    void applySettings(const SettingsValues &values);
    void setDoNotDisturb(bool on);
    // The queue's model, once the panel is built: bold rows.
    void setQueueModel(QueueModel *model);
    // A tab was opened or closed.
    void pagesChanged();

Q_SIGNALS:
    // A notification's Open: the window opens the case and comes forward.
    void openRequested(const QString &caseNumber);

private:
    [[nodiscard]] QString server() const;
    [[nodiscard]] QList<TicketPage *> pages() const;
    [[nodiscard]] TicketPage *pageFor(const QString &caseNumber) const;
    [[nodiscard]] bool isLookedAt(const TicketPage *page) const;
    void watchPage(TicketPage *page);
    void onTicketLoaded(TicketPage *page);
    void onTicketPolled(const Ticket &ticket);
    void onOpenListPolled(const TicketList &list);
    void onNotesViewed(TicketPage *page);
    // The agent is looking at what is current: its status and statistics
    // are seen, its dot goes.
    void onLookedAt();
    void setUnread(TicketPage *page, bool unread);
    void updateQueueMarks();
    void updateStatus();
    void updateKey();

    MainWindow *m_window;
    Session *m_session;
    QTabWidget *m_tabs;
    SeenStore *m_store;
    TicketWatcher *m_watcher;
    DesktopNotifier *m_notifier;
    QPointer<QueueModel> m_queue;
    QString m_polledCase;               // set while a background poll's ticket is shown
    QHash<QString, QString> m_notified; // case → what was last announced (never twice)
    QSet<QString> m_unread;             // cases with changes the agent has not looked at
    QSet<QString> m_newInQueue;         // open-list cases never seen before
};

} // namespace CaseLens::Gui
