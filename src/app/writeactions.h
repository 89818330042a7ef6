#pragma once

#include "core/casenumber.h"
#include "core/ticket.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class QAction;
class QDialog;
class QMenu;
class QTabWidget;

namespace CaseLens {
class ApiClient;
} // namespace CaseLens

namespace CaseLens::Gui {

class MainWindow;
class TicketPage;

// The Ticket menu's writes: New ticket… (Ctrl+N), Edit… and Resolve… (also
// the Resolve… button in the ticket's header). Edit and Resolve act on the
// current tab's ticket, and only when it is open and loaded. Each write is
// sent once (core's operations); afterwards the page shows the ticket as
// read back, the outcome is said in the status line (never a modal box), and
// the queue is refreshed. MainWindow owns one; the rest of the window does
// not need to know about writes.
class WriteActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WriteActions)

public:
    // Puts its actions at the top of ticketMenu; follows tabs' current page.
    WriteActions(MainWindow *window, ApiClient *client, QMenu *ticketMenu, QTabWidget *tabs);
    ~WriteActions() override;

    [[nodiscard]] QAction *newTicketAction() const { return m_newTicket; }
    [[nodiscard]] QAction *editAction() const { return m_edit; }
    [[nodiscard]] QAction *resolveAction() const { return m_resolve; }

    void newTicket();
    void editTicket();
    void resolveTicket(); // asks first (ResolveDialog)

    // Texts again in the UI language (the window calls it on a language change).
    void retranslate();

private:
    void onCurrentChanged();
    void updateActions();
    void startResolve(const CaseNumber &caseNumber);
    // The page of caseNumber if it is still open, else null.
    [[nodiscard]] TicketPage *pageFor(const CaseNumber &caseNumber) const;
    // The current ticket's case number when Edit and Resolve may act on it.
    [[nodiscard]] std::optional<CaseNumber> writableCase() const;
    void refreshQueue();
    void openDialog(QDialog *dialog, const std::function<void()> &onAccepted);
    // What a write did, on the ticket's page (ticket: as read back), or in
    // the status bar when its tab was closed meanwhile.
    void showOutcome(const CaseNumber &caseNumber, const std::optional<Ticket> &ticket,
                     const QString &message);

    MainWindow *m_window;
    ApiClient *m_client;
    QTabWidget *m_tabs;
    QAction *m_newTicket;
    QAction *m_edit;
    QAction *m_resolve;
    QPointer<TicketPage> m_page;  // the current page, followed for its state
    QSet<CaseNumber> m_resolving; // resolves on their way
};

} // namespace CaseLens::Gui
