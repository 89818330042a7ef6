// MainWindow's parts around the tickets: the "My tickets" panel beside them
// (built after the first frame, in its splitter slot), F5's target, and what
// follows the key and the server: the queue's owner, the account line and
// "You" in open tickets. The rest of the window is in mainwindow.cpp.
#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/accountstatuslabel.h"
#include "app/appsettings.h"
#include "app/queuemodel.h"
#include "app/queuepanel.h"
#include "app/ticketpage.h"
#include "app/watchcontroller.h"
#include "core/accountstatus.h"
#include "core/casenumber.h"
#include "core/session.h"
#include "ticketview/ticketview.h"

#include <QApplication>
#include <QBoxLayout>
#include <QSet>
#include <QSplitter>

namespace CaseLens::Gui {
namespace {

constexpr int QueueDefaultWidth = 340; // room for a case number, a badge and a short subject

} // namespace

void MainWindow::setupQueue()
{
    // The panel sits beside the page stack (welcome or tickets), under the
    // search bar, in a splitter whose state is kept.
    auto *layout = qobject_cast<QBoxLayout *>(m_ui->centralWidget->layout());
    const int index = layout->indexOf(m_ui->centralStack);
    layout->removeWidget(m_ui->centralStack);
    m_splitter->setObjectName(QStringLiteral("queueSplitter"));
    m_splitter->setChildrenCollapsible(false);
    // The panel itself is built one event-loop slice after the first frame
    // (queuePanel()), in this slot, which holds its place and width.
    m_queueSlot->setObjectName(QStringLiteral("queueSlot"));
    auto *slotLayout = new QVBoxLayout(m_queueSlot);
    slotLayout->setContentsMargins(0, 0, 0, 0);
    m_splitter->addWidget(m_queueSlot);
    m_splitter->addWidget(m_ui->centralStack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    layout->insertWidget(index, m_splitter, 1);

    m_ui->statusBar->addPermanentWidget(m_accountLabel);
}

void MainWindow::restoreQueueLayout(const AppSettings &settings)
{
    // After the window's own geometry: the default width needs the window's.
    if (!m_splitter->restoreState(settings.queueSplitterState()))
        m_splitter->setSizes({QueueDefaultWidth, width() - QueueDefaultWidth});
    setQueueVisible(settings.queueVisible());
}

QueuePanel *MainWindow::queuePanel()
{
    if (m_queue)
        return m_queue;
    m_queue = new QueuePanel(m_client, m_queueSlot);
    m_queueSlot->layout()->addWidget(m_queue);
    m_queue->show(); // now, not when the layout gets round to it
    // Search bar, then the queue, then the page.
    QWidget::setTabOrder(m_ui->fetchButton, m_queue);
    m_queue->restoreState();
    connect(m_queue, &QueuePanel::openRequested, this,
            [this](const CaseNumber &caseNumber, QueuePanel::OpenMode mode) {
                openFromQueue(caseNumber, mode == QueuePanel::OpenMode::Background);
            });
    updateQueueMarks();
    updateQueueAccess();
    return m_queue;
}

void MainWindow::openFromQueue(const CaseNumber &caseNumber, bool inBackground)
{
    if (TicketPage *page = pageFor(caseNumber.toString())) {
        if (!inBackground)
            m_ui->ticketTabs->setCurrentWidget(page);
        return;
    }
    // The focus stays in the list: the agent goes on down the queue.
    addPage(caseNumber, !inBackground)->fetch();
}

void MainWindow::updateQueueMarks()
{
    QSet<QString> open;
    for (int i = 0; i < m_ui->ticketTabs->count(); ++i) {
        if (auto *page = qobject_cast<TicketPage *>(m_ui->ticketTabs->widget(i)))
            open.insert(page->caseNumber());
    }
    if (m_queue)
        m_queue->setOpenCases(open);
    if (m_watch)
        m_watch->pagesChanged();
}

bool MainWindow::queueHasFocus() const
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && m_queue && m_queue->isVisible() && m_queue->isAncestorOf(focus);
}

void MainWindow::focusQueue()
{
    setQueueVisible(true);
    queuePanel()->focusList();
}

void MainWindow::setQueueVisible(bool visible)
{
    const bool hadFocus = queueHasFocus();
    m_queueSlot->setVisible(visible);
    m_ui->actionShowQueue->setChecked(visible);
    if (hadFocus && !visible)
        m_ui->searchEdit->setFocus(Qt::OtherFocusReason);
}

void MainWindow::refreshFocused()
{
    if (queueHasFocus())
        m_queue->refresh();
    else
        refreshCurrent();
}

void MainWindow::onAccessChanged()
{
    updateQueueAccess();
    m_session->refreshAccount();
}

void MainWindow::updateQueueAccess()
{
    if (!m_queue)
        return; // it asks when it is built
    const bool canAsk = !m_session->apiKey().isEmpty();
    m_queue->setKeyAvailable(canAsk);
    // Rows listed for another key or server are someone else's queue.
    if (canAsk && m_queue->model()->state() != QueueModel::State::Loading)
        m_queue->model()->reload();
}

QString MainWindow::youToken() const
{
    const std::optional<AccountProfile> &profile = m_session->account()->profile();
    return profile ? profile->userToken : QString();
}

// The signed-in user reads "You" in every open ticket.
void MainWindow::updateYouToken()
{
    const QString token = youToken();
    for (int i = 0; i < m_ui->ticketTabs->count(); ++i) {
        if (auto *page = qobject_cast<TicketPage *>(m_ui->ticketTabs->widget(i)))
            page->ticketView()->setYouToken(token);
    }
}

} // namespace CaseLens::Gui
