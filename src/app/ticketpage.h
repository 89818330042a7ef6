#pragma once

#include "core/apiclient.h"
#include "core/casenumber.h"
#include "core/error.h"
#include "core/ticket.h"

#include <QDateTime>
#include <QWidget>

class QProgressBar;
class QStackedWidget;
class QTimer;

namespace CaseLens::Gui {

class ErrorBanner;
class LoadingPane;
class TicketView;

// One open case: a stack of states (Loading, Ticket, Error) around a
// TicketView. The page asks the ApiClient for its case and shows what its
// reply brings back; it never builds requests or reads JSON. A refresh keeps the ticket
// on screen, with a thin busy bar on top, until the new one arrives.
class TicketPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketPage)

public:
    enum class State { Loading, Ticket, Error };

    TicketPage(ApiClient *client, const CaseNumber &caseNumber, QWidget *parent = nullptr);
    ~TicketPage() override; // cancels a request still running

    [[nodiscard]] QString caseNumber() const { return m_caseNumber.toString(); }
    [[nodiscard]] State state() const;
    [[nodiscard]] bool isBusy() const { return m_reply != nullptr; }
    [[nodiscard]] bool isRefreshing() const { return isBusy() && m_hasTicket; }
    [[nodiscard]] bool hasTicket() const { return m_hasTicket; }
    [[nodiscard]] Error lastError() const { return m_lastError; }
    // When the ticket shown arrived (UTC); invalid before the first one.
    [[nodiscard]] QDateTime loadedAt() const { return m_loadedAt; }
    // A short line for the status bar: "Refreshing HYXTNJV…", retry notices.
    [[nodiscard]] QString statusText() const { return m_statusText; }

    [[nodiscard]] TicketView *ticketView() const { return m_view; }
    [[nodiscard]] ErrorBanner *errorBanner() const { return m_errorBanner; }
    [[nodiscard]] ErrorBanner *refreshErrorBanner() const { return m_refreshError; }
    [[nodiscard]] LoadingPane *loadingPane() const { return m_loading; }

    // Fetches the case: the first load, a retry, or a refresh (F5).
    void fetch();
    void cancel();
    // A ticket read by someone else (a write reads its ticket back): shown
    // as a fetch's would be, unless a fetch of the page is on its way.
    void showTicket(const Ticket &ticket);
    // A line for the status bar until the next fetch ("HYXTNJV is closed.").
    void showStatusMessage(const QString &text);

Q_SIGNALS:
    void stateChanged();
    void ticketLoaded();
    void settingsRequested();
    void editCaseRequested(const QString &caseNumber);
    void httpsLinkActivated(const QUrl &url);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onStarted();
    void updateAges();
    void onRetrying(const RetryNotice &notice);
    void onFinished();
    void setStatusText(const QString &text);

    ApiClient *m_client;
    CaseNumber m_caseNumber;
    TicketReply *m_reply = nullptr; // the fetch on its way, if any
    RetryNotice m_retry;            // the retry being waited for, if any
    bool m_hasTicket = false;
    Error m_lastError;
    QString m_statusText;
    QDateTime m_loadedAt;

    QProgressBar *m_refreshBar;
    ErrorBanner *m_refreshError;
    QStackedWidget *m_stack;
    LoadingPane *m_loading;
    TicketView *m_view;
    ErrorBanner *m_errorBanner;
    QTimer *m_ageTimer; // "Updated 2 minutes ago": one timer per page, each minute
};

} // namespace CaseLens::Gui
