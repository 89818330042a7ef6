#include "app/writeactions.h"

#include "app/mainwindow.h"
#include "app/queuepanel.h"
#include "app/resolvedialog.h"
#include "app/ticketeditordialog.h"
#include "app/ticketpage.h"
#include "core/resolveoperation.h"
#include "ticketview/ticketheader.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

namespace CaseLens::Gui {

WriteActions::WriteActions(MainWindow *window, ApiClient *client, QMenu *ticketMenu, QTabWidget *tabs)
    : QObject(window)
    , m_window(window)
    , m_client(client)
    , m_tabs(tabs)
    , m_newTicket(new QAction(tr("&New ticket…"), window))
    , m_edit(new QAction(tr("&Edit…"), window))
    , m_resolve(new QAction(tr("Re&solve…"), window))
{
    m_newTicket->setObjectName(QStringLiteral("actionNewTicket"));
    m_newTicket->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newTicket->setStatusTip(tr("Write a new ticket"));
    m_edit->setObjectName(QStringLiteral("actionEditTicket"));
    m_edit->setStatusTip(tr("Change the title or the description of this ticket"));
    m_resolve->setObjectName(QStringLiteral("actionResolveTicket"));
    m_resolve->setStatusTip(tr("Close this ticket for good"));
    // Window-wide: Ctrl+N works wherever the focus is.
    for (QAction *action : {m_newTicket, m_edit, m_resolve})
        window->addAction(action);

    QAction *first = ticketMenu->actions().value(0);
    ticketMenu->insertActions(first, {m_newTicket, m_edit, m_resolve});
    ticketMenu->insertSeparator(first);

    connect(m_newTicket, &QAction::triggered, this, &WriteActions::newTicket);
    connect(m_edit, &QAction::triggered, this, &WriteActions::editTicket);
    connect(m_resolve, &QAction::triggered, this, &WriteActions::resolveTicket);
    connect(tabs, &QTabWidget::currentChanged, this, &WriteActions::onCurrentChanged);
    onCurrentChanged();
}

WriteActions::~WriteActions() = default;

void WriteActions::onCurrentChanged()
{
    if (m_page)
        disconnect(m_page, nullptr, this, nullptr);
    m_page = qobject_cast<TicketPage *>(m_tabs->currentWidget());
    if (m_page) {
        connect(m_page, &TicketPage::stateChanged, this, &WriteActions::updateActions);
        connect(m_page->ticketView()->header(), &TicketHeader::resolveRequested, this,
                &WriteActions::resolveTicket, Qt::UniqueConnection);
    }
    updateActions();
}

TicketPage *WriteActions::writablePage() const
{
    TicketPage *page = m_page;
    if (!page || !page->hasTicket() || page->isBusy())
        return nullptr;
    // Closed tickets cannot change; one whose status could not be read is
    // not offered either.
    if (page->ticketView()->ticket().status != TicketStatus::Open)
        return nullptr;
    const std::optional<CaseNumber> caseNumber = CaseNumber::parse(page->caseNumber()).caseNumber();
    return caseNumber && !m_resolving.contains(*caseNumber) ? page : nullptr;
}

void WriteActions::updateActions()
{
    const bool writable = writablePage() != nullptr;
    m_edit->setEnabled(writable);
    m_resolve->setEnabled(writable);
    if (m_page)
        m_page->ticketView()->header()->setResolveEnabled(writable);
}

TicketPage *WriteActions::pageFor(const CaseNumber &caseNumber) const
{
    return m_window->pageFor(caseNumber.toString());
}

void WriteActions::refreshQueue()
{
    m_window->queuePanel()->refresh();
}

void WriteActions::newTicket()
{
    auto *dialog = new TicketEditorDialog(m_client, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_window->statusBar()->showMessage(dialog->resultMessage());
        refreshQueue();
        // On 201 the agent lands on the new ticket.
        if (const std::optional<CaseNumber> created = dialog->createdCase())
            m_window->openCase(created->toString());
    });
    dialog->open();
}

void WriteActions::editTicket()
{
    TicketPage *page = writablePage();
    if (!page)
        return;
    const std::optional<CaseNumber> caseNumber = CaseNumber::parse(page->caseNumber()).caseNumber();
    auto *dialog = new TicketEditorDialog(m_client, page->ticketView()->ticket(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, caseNumber = *caseNumber] {
        refreshQueue(); // the subject is listed there
        TicketPage *edited = pageFor(caseNumber);
        if (!edited) {
            m_window->statusBar()->showMessage(dialog->resultMessage());
            return;
        }
        if (const std::optional<Ticket> ticket = dialog->updatedTicket())
            edited->showTicket(*ticket);
        else
            edited->fetch();
        edited->showStatusMessage(dialog->resultMessage());
    });
    dialog->open();
}

void WriteActions::resolveTicket()
{
    TicketPage *page = writablePage();
    if (!page)
        return;
    const Ticket &ticket = page->ticketView()->ticket();
    auto *dialog = new ResolveDialog(page->caseNumber(), ticket.subject, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::optional<CaseNumber> caseNumber = CaseNumber::parse(page->caseNumber()).caseNumber();
    connect(dialog, &QDialog::accepted, this, [this, caseNumber = *caseNumber] { startResolve(caseNumber); });
    dialog->open();
}

void WriteActions::startResolve(const CaseNumber &caseNumber)
{
    if (m_resolving.contains(caseNumber))
        return;
    m_resolving.insert(caseNumber);
    auto *operation = new ResolveOperation(m_client, caseNumber, this);
    connect(operation, &WriteOperation::finished, this, [this, operation, caseNumber] {
        operation->deleteLater();
        m_resolving.remove(caseNumber);
        const ResolveOutcome &outcome = operation->outcome();
        TicketPage *page = pageFor(caseNumber);
        if (page && outcome.ticket)
            page->showTicket(*outcome.ticket); // the closing note and statistic
        if (page)
            page->showStatusMessage(outcome.message());
        else
            m_window->statusBar()->showMessage(outcome.message());
        // The ticket moves from Open to Closed in My tickets.
        if (outcome.kind == ResolveOutcome::Kind::Closed ||
            outcome.kind == ResolveOutcome::Kind::AlreadyClosed)
            refreshQueue();
        updateActions();
    });
    updateActions();
    if (TicketPage *page = pageFor(caseNumber))
        page->showStatusMessage(tr("Resolving %1…").arg(caseNumber.toString()));
    operation->start();
}

} // namespace CaseLens::Gui
