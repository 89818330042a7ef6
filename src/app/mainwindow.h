#pragma once

#include "app/navigationhistory.h"
#include "app/shortcutsdialog.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <memory>

class QAction;
class QCompleter;
class QLabel;
class QSplitter;
class QStringListModel;

namespace CaseLens {
class ApiClient;
class ApiKeyProvider;
class CaseNumber;
class Session;
} // namespace CaseLens

namespace CaseLens::Gui {

class AccountStatusLabel;
class AppSettings;
class DemoServer;
class QueuePanel;
class RecentCases;
class SettingsDialog;
class TicketPage;
class WatchController;
class WatchStatusLabel;
class WriteActions;

namespace Ui {
class MainWindow;
}

// The window a support agent lives in: a search bar, the agent's queue ("My
// tickets") at the left, one tab per open case at the right (a welcome screen
// while nothing is open), who is signed in and the plan's usage in the status
// bar, demo mode, settings.
//
// The Session is injected and outlives the window: it owns the client's
// configuration, the key and demo mode. The window never configures the
// client itself; it hands Settings to the session, starts the demo server and
// asks the session to switch to it, and follows the session's signals.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Normalises input; shows it inline and returns false when invalid. An
    // open case is switched to (no new request); a new one gets a tab.
    bool openCase(const QString &input);
    void refreshCurrent(); // the ticket
    // F5: the queue when it has focus, else the current ticket.
    void refreshFocused();
    void cancelCurrent(); // Esc
    void closeCurrent();  // Ctrl+W

    // Demo mode: an in-app server with bundled tickets; false if it failed.
    bool startDemo();
    void leaveDemo();
    [[nodiscard]] bool isDemo() const { return m_demo != nullptr; }
    [[nodiscard]] DemoServer *demoServer() const { return m_demo; }

    [[nodiscard]] int ticketCount() const;
    [[nodiscard]] TicketPage *currentPage() const;
    [[nodiscard]] TicketPage *pageFor(const QString &caseNumber) const;
    [[nodiscard]] RecentCases *recentCases() const { return m_recent; }
    // "My tickets"; built after the first frame, or now when asked earlier.
    [[nodiscard]] QueuePanel *queuePanel();
    // Ctrl+Shift+O: shows the panel if hidden and puts the focus in its list.
    void focusQueue();
    void setQueueVisible(bool visible);
    [[nodiscard]] QList<ShortcutEntry> shortcutEntries() const;

    // Another launch (a caselens:// link, `caselens CASE`) handed over: bring
    // the window to the front and open caseNumber when it is not empty.
    void activateFromOtherLaunch(const QString &caseNumber);
    // A problem found at start (e.g. no TLS backend): a persistent banner at
    // the top of the window. Demo mode still works.
    void showStartupProblem(const QString &message);
    [[nodiscard]] QString startupProblem() const;

    // Watching (mainwindowwatch.cpp): View → Do not disturb (checkable,
    // remembered) and the status bar's watch line.
    [[nodiscard]] QAction *doNotDisturbAction() const { return m_doNotDisturb; }
    [[nodiscard]] WatchStatusLabel *watchStatusLabel() const { return m_watchStatus; }
    [[nodiscard]] WatchController *watchController() const { return m_watch; }

    void showSettings();
    void showShortcuts();
    void showAbout();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupActions();
    void setupHandoff(); // export, print, copy, the tabs' menu (mainwindowhandoff.cpp)
    void setupWelcome();
    void finishSetup(); // what the first frame does not need; after the first paint
    void submitSearch();
    void showInputError(const QString &message);
    void clearInputError();
    void setupQueue();
    void setupWatchActions();
    void setupWatching(); // the watcher, seen state and notifier (after the first frame)
    void restoreQueueLayout(const AppSettings &settings);
    TicketPage *addPage(const CaseNumber &caseNumber, bool makeCurrent = true);
    void openFromQueue(const CaseNumber &caseNumber, bool inBackground);
    [[nodiscard]] bool queueHasFocus() const;
    void updateQueueMarks();
    void closeTab(int index);
    void closeAllTabs();
    void switchTab(int delta);
    void onCurrentTabChanged();
    void onPageStateChanged(TicketPage *page);
    void navigate(bool back);
    void onKeyChanged();
    void onDemoChanged(bool demo);
    // The key, the server or demo mode changed: the queue and the account
    // belong to whoever the client now asks as.
    void onAccessChanged();
    void updateYouToken();
    void updateQueueAccess();
    [[nodiscard]] QString youToken() const;
    void openLink(const QUrl &url);
    void editCase(const QString &caseNumber);
    void updateActions();
    void updateWindowTitle();
    void updateWelcome();
    void updateRecent();
    void updateColors();
    void saveWindowState();
    // Focus, reopening, small screens, paste (mainwindowfocus.cpp); appearance and language
    // (mainwindowlook.cpp).
    void setupLook();
    void rememberClosed(const QString &caseNumber);
    void reopenClosed();
    void focusAfterClose();
    [[nodiscard]] bool confirmLeaveDemo(); // true: leave now; false: asked, the answer decides
    void restoreFittedGeometry(const QByteArray &geometry);
    void preparePage(TicketPage *page);
    [[nodiscard]] bool holdShortInput();
    void onSearchEdited(const QString &text);
    void setupAppearance();
    void applyLanguage(const QString &language);
    void retranslate();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Session *m_session;
    ApiClient *m_client; // the session's; pages fetch through it
    ApiKeyProvider *m_keys;
    RecentCases *m_recent;
    NavigationHistory m_history;
    bool m_navigating = false; // moving through history: do not record
    QCompleter *m_completer;
    QStringListModel *m_completerModel;
    DemoServer *m_demo = nullptr;
    QSplitter *m_splitter;
    QWidget *m_queueSlot; // the panel's place in the splitter
    QueuePanel *m_queue = nullptr;
    AccountStatusLabel *m_accountLabel;
    QAction *m_doNotDisturb = nullptr;
    WatchStatusLabel *m_watchStatus = nullptr;
    WatchController *m_watch = nullptr;
    QLabel *m_doNotDisturbIndicator = nullptr;
    WriteActions *m_writes = nullptr; // New ticket…, Edit…, Resolve…
    QList<QAction *> m_showTabActions;
    QList<QAction *> m_recentActions;
    QPointer<SettingsDialog> m_settingsDialog;
    QLabel *m_startupProblem = nullptr; // created on the first startup problem
    bool m_setupScheduled = false;
    bool m_setupFinished = false;
    QStringList m_closedCases; // Ctrl+Shift+T, the last closed first
    QString m_searchText;      // before the last edit: a paste adds several characters at once
    QString m_heldShortInput;  // hinted once as too short: Enter again fetches it
};

} // namespace CaseLens::Gui
