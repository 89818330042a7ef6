// MainWindow: where the focus goes after a ticket tab closes, Ticket →
// Reopen closed tab, Leave demo's question, the first window on a small
// screen, and the search bar's help with pasted text and short input
// (issue 18, items 5, 7 and 8).
#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/demoserver.h"
#include "app/errorbanner.h"
#include "app/screenfit.h"
#include "app/ticketpage.h"
#include "core/casenumber.h"
#include "core/session.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QTabBar>
#include <QTabWidget>

namespace CaseLens::Gui {

namespace {

constexpr int ClosedTabsKept = 10;
constexpr QSize PreferredWindowSize(1120, 760);

// The first widget in container that takes keyboard focus (container itself
// when it does), or null.
QWidget *firstFocusable(QWidget *container)
{
    const auto takesFocus = [](const QWidget *widget) {
        return (widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(widget->window()) &&
               widget->isEnabled();
    };
    if (takesFocus(container))
        return container;
    for (QWidget *widget = container->nextInFocusChain(); widget && widget != container;
         widget = widget->nextInFocusChain()) {
        if (container->isAncestorOf(widget) && takesFocus(widget))
            return widget;
    }
    return nullptr;
}

} // namespace

void MainWindow::setupLook()
{
    auto *reopen = new QAction(tr("Reopen closed &tab"), this);
    reopen->setObjectName(QStringLiteral("actionReopenClosedTab"));
    reopen->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    reopen->setEnabled(false);
    connect(reopen, &QAction::triggered, this, &MainWindow::reopenClosed);
    // Beside Cancel, before the section shortcuts.
    const QList<QAction *> ticketActions = m_ui->menuTicket->actions();
    const qsizetype cancelAt = ticketActions.indexOf(m_ui->actionCancel);
    m_ui->menuTicket->insertAction(ticketActions.value(cancelAt + 1), reopen);

    // textEdited comes before textChanged: m_searchText is the text before the edit.
    connect(m_ui->searchEdit, &QLineEdit::textEdited, this, &MainWindow::onSearchEdited);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_searchText = text; });
    // Closed tabs belong to whoever the window asked as: demo cases are not
    // the account's, and another server's cases are not this one's.
    const auto forget = [this] {
        m_closedCases.clear();
        findChild<QAction *>(QStringLiteral("actionReopenClosedTab"))->setEnabled(false);
    };
    connect(m_session, &Session::demoChanged, this, forget);
    connect(m_session, &Session::serverChanged, this, forget);
    setupAppearance();
}

void MainWindow::rememberClosed(const QString &caseNumber)
{
    m_closedCases.removeAll(caseNumber);
    m_closedCases.prepend(caseNumber);
    while (m_closedCases.size() > ClosedTabsKept)
        m_closedCases.removeLast();
    findChild<QAction *>(QStringLiteral("actionReopenClosedTab"))->setEnabled(true);
}

void MainWindow::reopenClosed()
{
    // The last closed one that is not open again already.
    while (!m_closedCases.isEmpty()) {
        const QString caseNumber = m_closedCases.takeFirst();
        if (!pageFor(caseNumber)) {
            openCase(caseNumber);
            break;
        }
    }
    findChild<QAction *>(QStringLiteral("actionReopenClosedTab"))->setEnabled(!m_closedCases.isEmpty());
}

void MainWindow::focusAfterClose()
{
    // Qt hands the focus of a deleted widget to the next one in the chain,
    // which can be the demo banner's Leave demo: one Space there would end
    // the demo. The focus goes where the agent reads instead.
    TicketPage *page = currentPage();
    if (!page) {
        m_ui->searchEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    QWidget *target = nullptr;
    if (page->hasTicket()) {
        if (auto *sections = page->ticketView()->findChild<QTabWidget *>();
            sections && sections->currentWidget())
            target = firstFocusable(sections->currentWidget());
    }
    // Loading or failed: the tab itself, never the banner's buttons.
    (target ? target : m_ui->ticketTabs->tabBar())->setFocus(Qt::OtherFocusReason);
}

bool MainWindow::confirmLeaveDemo()
{
    if (ticketCount() == 0)
        return true;
    // Leaving closes every demo ticket: a stray Space must not do that.
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Leave demo mode?"),
                        tr("Leaving demo mode closes the %n open demo ticket(s).", nullptr, ticketCount()),
                        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("leaveDemoConfirmation"));
    QPushButton *leave = box->addButton(tr("Leave demo"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, leave] {
        if (box->clickedButton() == leave)
            m_session->leaveDemo();
    });
    box->open();
    return false;
}

void MainWindow::restoreFittedGeometry(const QByteArray &geometry)
{
    const bool restored = restoreGeometry(geometry);
    const QScreen *screen = this->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect();
    if (!restored) {
        // The first window: centred, and never larger than the screen
        // (1120×760 cut Fetch and Leave demo off a 1024×640 screen).
        resize(firstWindowSize(PreferredWindowSize, available));
        if (available.isValid())
            move(available.center() - rect().center());
        return;
    }
    // A remembered size from a larger monitor fits this one (a maximized
    // window already does).
    if (windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return;
    const QRect fitted = fitIntoScreen(this->geometry(), available);
    if (fitted != this->geometry())
        setGeometry(fitted);
}

void MainWindow::preparePage(TicketPage *page)
{
    // A case the demo does not have: say which ones it has, not "for this API key".
    if (m_demo) {
        const QStringList demoCases = DemoServer::caseNumbers(m_demo->directory());
        page->errorBanner()->setDemoCases(demoCases);
        page->refreshErrorBanner()->setDemoCases(demoCases);
    }
    findChild<QAction *>(QStringLiteral("actionReopenClosedTab"))->setEnabled(!m_closedCases.isEmpty());
}

bool MainWindow::holdShortInput()
{
    const QString text = m_ui->searchEdit->text();
    const ParsedCaseNumber parsed = CaseNumber::parse(text);
    // Enter a second time on the same input fetches it anyway.
    if (!parsed.ok() || parsed.text().size() >= CaseNumber::UsualLength || text == m_heldShortInput) {
        m_heldShortInput.clear();
        return false;
    }
    m_heldShortInput = text;
    showInputError(tr("%1 is too short for a case number: they have %2 letters or digits, e.g. HYXTNJV. "
                      "Press Enter again to fetch it anyway.")
                       .arg(parsed.text())
                       .arg(CaseNumber::UsualLength));
    return true;
}

void MainWindow::onSearchEdited(const QString &text)
{
    const QString &before = m_searchText;
    m_heldShortInput.clear();
    // Typing adds one character at a time; a paste (or a drop) several. A
    // link or a sentence pasted is replaced with the case number in it.
    if (text.size() - before.size() < 2)
        return;
    const std::optional<CaseNumber> found = CaseNumber::find(text);
    if (!found || found->toString() == text)
        return;
    m_ui->searchEdit->setText(found->toString());
    clearInputError();
}

} // namespace CaseLens::Gui
