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
class QStringListModel;

namespace CaseLens {
class ApiClient;
class CaseNumber;
} // namespace CaseLens

namespace CaseLens::Gui {

class ApiKeyProvider;
class DemoServer;
class RecentCases;
class SettingsDialog;
struct SettingsValues;
class TicketPage;

namespace Ui {
class MainWindow;
}

// The window a support agent lives in: a search bar, one tab per open case,
// a welcome screen while nothing is open, demo mode, settings.
//
// Dependencies are injected and outlive the window: the ApiClient (its base
// URL, timeout and retry policy are used as configured; the window only
// changes them when the user edits Settings or enters/leaves demo mode) and
// the ApiKeyProvider (the window keeps the client's key in sync with it).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(ApiClient *client, ApiKeyProvider *keys, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Normalises input; shows it inline and returns false when invalid. An
    // open case is switched to (no new request); a new one gets a tab.
    bool openCase(const QString &input);
    void refreshCurrent(); // F5
    void cancelCurrent();  // Esc
    void closeCurrent();   // Ctrl+W

    // Demo mode: an in-app server with bundled tickets; false if it failed.
    bool startDemo();
    void leaveDemo();
    [[nodiscard]] bool isDemo() const { return m_demo != nullptr; }
    [[nodiscard]] DemoServer *demoServer() const { return m_demo; }

    [[nodiscard]] int ticketCount() const;
    [[nodiscard]] TicketPage *currentPage() const;
    [[nodiscard]] TicketPage *pageFor(const QString &caseNumber) const;
    [[nodiscard]] RecentCases *recentCases() const { return m_recent; }
    [[nodiscard]] QList<ShortcutEntry> shortcutEntries() const;

    // Another launch (a caselens:// link, `caselens CASE`) handed over: bring
    // the window to the front and open caseNumber when it is not empty.
    void activateFromOtherLaunch(const QString &caseNumber);
    // A problem found at start (e.g. no TLS backend): a persistent banner at
    // the top of the window. Demo mode still works.
    void showStartupProblem(const QString &message);
    [[nodiscard]] QString startupProblem() const;

    void showSettings();
    void showShortcuts();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupActions();
    void setupWelcome();
    void submitSearch();
    void showInputError(const QString &message);
    void clearInputError();
    TicketPage *addPage(const CaseNumber &caseNumber);
    void closeTab(int index);
    void closeAllTabs();
    void switchTab(int delta);
    void onCurrentTabChanged();
    void onPageStateChanged(TicketPage *page);
    void navigate(bool back);
    void onKeyChanged();
    void applyKeyToClient();
    void openLink(const QUrl &url);
    void editCase(const QString &caseNumber);
    void updateActions();
    void updateWindowTitle();
    void updateWelcome();
    void updateRecent();
    void updateColors();
    void saveWindowState();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ApiClient *m_client;
    ApiKeyProvider *m_keys;
    RecentCases *m_recent;
    NavigationHistory m_history;
    bool m_navigating = false; // moving through history: do not record
    QCompleter *m_completer;
    QStringListModel *m_completerModel;
    QUrl m_serverUrl; // the configured server, restored when demo mode ends
    DemoServer *m_demo = nullptr;
    QList<QAction *> m_showTabActions;
    QList<QAction *> m_recentActions;
    QPointer<SettingsDialog> m_settingsDialog;
    QLabel *m_startupProblem = nullptr; // created on the first startup problem
};

} // namespace CaseLens::Gui
