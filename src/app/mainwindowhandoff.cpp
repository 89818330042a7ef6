// MainWindow's hand-off parts: Export ticket…, Print…, Ticket → Copy and the
// ticket tabs' context menu live in HandoffActions, which the window owns.
#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/handoffactions.h"

namespace CaseLens::Gui {

void MainWindow::setupHandoff()
{
    // A child of the window; after the ticket menu's section actions, which
    // the Copy submenu goes before.
    new HandoffActions(this, m_ui->ticketTabs, m_ui->menuFile, m_ui->menuTicket);
}

} // namespace CaseLens::Gui
