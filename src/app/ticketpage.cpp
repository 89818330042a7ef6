#include "app/ticketpage.h"

#include "app/errorbanner.h"
#include "app/loadingpane.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QProgressBar>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace CaseLens::Gui {

TicketPage::TicketPage(ApiClient *client, const CaseNumber &caseNumber, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_caseNumber(caseNumber)
    , m_refreshBar(new QProgressBar(this))
    , m_refreshError(new ErrorBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_loading(new LoadingPane(m_stack))
    , m_view(new TicketView(m_stack))
    , m_errorBanner(new ErrorBanner(m_stack))
    , m_ageTimer(new QTimer(this))
{
    Q_ASSERT(client);
    setObjectName(QStringLiteral("ticketPage"));
    setAccessibleName(tr("Ticket %1").arg(caseNumber.toString()));

    // A thin bar, so a refresh does not push the ticket around.
    m_refreshBar->setObjectName(QStringLiteral("refreshBar"));
    m_refreshBar->setRange(0, 0);
    m_refreshBar->setTextVisible(false);
    m_refreshBar->setFixedHeight(4);
    m_refreshBar->setAccessibleName(tr("Refreshing"));
    m_refreshBar->hide();

    m_refreshError->setObjectName(QStringLiteral("refreshErrorBanner"));
    m_refreshError->setDismissible(true);
    m_refreshError->hide();

    m_view->setObjectName(QStringLiteral("ticketView"));
    m_view->setApiClient(client); // Files: Save As…

    // The error banner sits at the top of its page, as wide as the ticket.
    auto *errorPage = new QWidget(m_stack);
    errorPage->setObjectName(QStringLiteral("errorPage"));
    auto *errorLayout = new QVBoxLayout(errorPage);
    errorLayout->setContentsMargins(24, 24, 24, 24);
    errorLayout->addWidget(m_errorBanner);
    errorLayout->addStretch();

    m_stack->setObjectName(QStringLiteral("pageStates"));
    m_stack->addWidget(m_loading);
    m_stack->addWidget(m_view);
    m_stack->addWidget(errorPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_refreshBar);
    layout->addWidget(m_refreshError);
    layout->addWidget(m_stack, 1);

    connect(m_loading, &LoadingPane::cancelRequested, this, &TicketPage::cancel);
    for (ErrorBanner *banner : {m_errorBanner, m_refreshError}) {
        connect(banner, &ErrorBanner::retryRequested, this, &TicketPage::fetch);
        connect(banner, &ErrorBanner::settingsRequested, this, &TicketPage::settingsRequested);
        connect(banner, &ErrorBanner::editCaseRequested, this, &TicketPage::editCaseRequested);
    }
    connect(m_view, &TicketView::httpsLinkActivated, this, &TicketPage::httpsLinkActivated);

    using namespace std::chrono_literals;
    m_ageTimer->setInterval(1min);
    connect(m_ageTimer, &QTimer::timeout, this, &TicketPage::updateAges);
}

// Deleting the reply withdraws the request (quietly): nothing arrives for a
// page that is gone.
TicketPage::~TicketPage()
{
    delete m_reply;
}

TicketPage::State TicketPage::state() const
{
    if (m_stack->currentWidget() == m_loading)
        return State::Loading;
    if (m_stack->currentWidget() == m_view)
        return State::Ticket;
    return State::Error;
}

void TicketPage::fetch()
{
    if (m_reply)
        return; // already on its way
    m_refreshError->hide();
    m_retry = {};
    m_reply = m_client->fetchTicket(m_caseNumber);
    connect(m_reply, &ApiReply::started, this, &TicketPage::onStarted);
    connect(m_reply, &ApiReply::retrying, this, &TicketPage::onRetrying);
    connect(m_reply, &ApiReply::finished, this, &TicketPage::onFinished);
    // Shown at once, not when the request leaves the queue: the agent sees
    // within a frame that something happens.
    if (m_hasTicket) {
        m_refreshBar->show();
        setStatusText(tr("Refreshing %1…").arg(m_caseNumber.toString()));
    } else {
        m_loading->start(m_caseNumber.toString());
        m_stack->setCurrentWidget(m_loading);
        setStatusText(tr("Fetching %1…").arg(m_caseNumber.toString()));
    }
    Q_EMIT stateChanged();
}

void TicketPage::cancel()
{
    if (m_reply)
        m_reply->abort(); // finished(Cancelled) follows
}

void TicketPage::onStarted()
{
    // After "retrying in 2 s" the wait is over: say that it is trying now.
    if (m_retry.attempt == 0)
        return;
    const QString text = tr("Trying again (attempt %1 of %2)…").arg(m_retry.attempt).arg(m_retry.maxAttempts);
    m_loading->setNotice(text);
    m_refreshBar->setToolTip(text);
    setStatusText(text);
    Q_EMIT stateChanged();
}

void TicketPage::onRetrying(const RetryNotice &notice)
{
    m_retry = notice;
    m_loading->setNotice(notice.message());
    m_refreshBar->setToolTip(notice.message());
    setStatusText(notice.message());
    Q_EMIT stateChanged();
}

void TicketPage::onFinished()
{
    TicketReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    const TicketResult &result = reply->result();
    m_refreshBar->hide();
    m_refreshBar->setToolTip({});
    m_lastError = result.error;
    setStatusText({});

    if (result.ok()) {
        showTicket(result.ticket);
        return;
    }
    if (m_hasTicket) {
        // A failed or cancelled refresh: the ticket already shown stays, and
        // says how old it is. Cancelling was the agent's wish: no banner.
        if (result.error.kind() == ErrorKind::Cancelled) {
            setStatusText(
                tr("Refresh cancelled — showing data from %1").arg(ErrorBanner::dataTimeText(m_loadedAt)));
        } else {
            m_refreshError->showRefreshError(result.error, m_caseNumber.toString(), m_loadedAt);
            m_refreshError->show();
        }
    } else {
        m_errorBanner->showError(result.error, m_caseNumber.toString());
        m_stack->setCurrentIndex(m_stack->count() - 1);
    }
    Q_EMIT stateChanged();
}

void TicketPage::showTicket(const Ticket &ticket)
{
    if (m_reply)
        return; // what the fetch brings is as new, and it must not find the page changed under it
    // A refresh keeps the agent where they were (Notes stays Notes).
    const int tab = m_hasTicket ? m_view->currentTab() : 0;
    m_view->setTicket(ticket);
    if (tab > 0)
        m_view->showTab(tab, TicketView::TabFocus::KeepFocus);
    m_hasTicket = true;
    m_loadedAt = QDateTime::currentDateTimeUtc();
    m_view->header()->setUpdatedAt(m_loadedAt);
    m_ageTimer->start();
    m_refreshError->hide();
    m_stack->setCurrentWidget(m_view);
    Q_EMIT stateChanged();
    Q_EMIT ticketLoaded();
}

void TicketPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateAges(); // a page that was behind another one shows its age as it is now
}

void TicketPage::updateAges()
{
    // Hidden pages wait for their showEvent: no work for tabs nobody sees.
    if (m_hasTicket && isVisible())
        m_view->header()->updateAges();
}

void TicketPage::showStatusMessage(const QString &text)
{
    setStatusText(text);
    Q_EMIT stateChanged();
}

void TicketPage::setStatusText(const QString &text)
{
    m_statusText = text;
}

} // namespace CaseLens::Gui
