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
#include <QDialog>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

namespace CaseLens::Gui {

WriteActions::WriteActions(MainWindow *window, ApiClient *client, QMenu *ticketMenu, QTabWidget *tabs)
    : QObject(window)
    , m_window(window)
    , m_client(client)
    , m_tabs(tabs)
    , m_newTicket(new QAction(window))
    , m_edit(new QAction(window))
    , m_resolve(new QAction(window))
{
    m_newTicket->setObjectName(QStringLiteral("actionNewTicket"));
    m_newTicket->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_edit->setObjectName(QStringLiteral("actionEditTicket"));
    m_resolve->setObjectName(QStringLiteral("actionResolveTicket"));
    retranslate();
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

void WriteActions::retranslate()
{
    m_newTicket->setText(tr("&New ticket…"));
    m_newTicket->setStatusTip(tr("Write a new ticket"));
    m_edit->setText(tr("&Edit…"));
    m_edit->setStatusTip(tr("Change the title or the description of this ticket"));
    m_resolve->setText(tr("Re&solve…"));
    m_resolve->setStatusTip(tr("Close this ticket for good"));
}

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

std::optional<CaseNumber> WriteActions::writableCase() const
{
    const TicketPage *page = m_page;
    if (!page || !page->hasTicket() || page->isBusy())
        return std::nullopt;
    // Closed tickets cannot change; one whose status could not be read is
    // not offered either.
    if (page->ticketView()->ticket().status != TicketStatus::Open)
        return std::nullopt;
    const ParsedCaseNumber parsed = CaseNumber::parse(page->caseNumber());
    if (!parsed.ok() || m_resolving.contains(*parsed.caseNumber()))
        return std::nullopt;
    return parsed.caseNumber();
}

void WriteActions::updateActions()
{
    const bool writable = writableCase().has_value();
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

void WriteActions::openDialog(QDialog *dialog, const std::function<void()> &onAccepted)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, onAccepted);
    dialog->open();
}

void WriteActions::showOutcome(const CaseNumber &caseNumber, const std::optional<Ticket> &ticket,
                               const QString &message)
{
    TicketPage *page = pageFor(caseNumber);
    if (!page) { // the tab was closed meanwhile
        m_window->statusBar()->showMessage(message);
        return;
    }
    if (ticket)
        page->showTicket(*ticket);
    page->showStatusMessage(message);
}

void WriteActions::newTicket()
{
    auto *dialog = new TicketEditorDialog(m_client, m_window);
    // Also after a failure: "Check My tickets" must find the list fresh.
    connect(dialog, &TicketEditorDialog::writeFinished, this, &WriteActions::refreshQueue);
    openDialog(dialog, [this, dialog] {
        m_window->statusBar()->showMessage(dialog->resultMessage());
        // On 201 the agent lands on the new ticket.
        if (const std::optional<CaseNumber> created = dialog->createdCase())
            m_window->openCase(created->toString());
    });
}

void WriteActions::editTicket()
{
    const std::optional<CaseNumber> caseNumber = writableCase();
    if (!caseNumber)
        return;
    auto *dialog = new TicketEditorDialog(m_client, m_page->ticketView()->ticket(), m_window);
    connect(dialog, &TicketEditorDialog::writeFinished, this,
            &WriteActions::refreshQueue); // the subject is listed there
    openDialog(dialog, [this, dialog, caseNumber = *caseNumber] {
        showOutcome(caseNumber, dialog->updatedTicket(), dialog->resultMessage());
        // Changed, but not read back: the page asks itself.
        if (TicketPage *page = pageFor(caseNumber); page && !dialog->updatedTicket())
            page->fetch();
    });
}

void WriteActions::resolveTicket()
{
    const std::optional<CaseNumber> caseNumber = writableCase();
    if (!caseNumber)
        return;
    auto *dialog =
        new ResolveDialog(caseNumber->toString(), m_page->ticketView()->ticket().subject, m_window);
    openDialog(dialog, [this, caseNumber = *caseNumber] { startResolve(caseNumber); });
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
        // The ticket as read back: the closing note and statistic.
        showOutcome(caseNumber, outcome.ticket, outcome.message());
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
