#pragma once

#include "core/ticket.h"
#include "ticketview/ticketdocument.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace CaseLens::Gui {

class TicketPage;

// Handing a ticket on: File → Export ticket… (PDF, Markdown, HTML) and
// Print… (Ctrl+P, with a preview), Ticket → Copy (case number, link on
// Ctrl+Shift+C, "case — subject", Markdown summary) and the ticket tabs'
// context menu (Copy link, Close, Close others). The window owns it and
// passes its tabs and menus; its actions follow the current tab and are
// enabled only while a ticket is shown.
class HandoffActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandoffActions)

public:
    HandoffActions(QMainWindow *window, QTabWidget *tabs, QMenu *fileMenu, QMenu *ticketMenu);

    [[nodiscard]] QAction *exportAction() const { return m_export; }
    [[nodiscard]] QAction *printAction() const { return m_print; }
    [[nodiscard]] QAction *copyLinkAction() const { return m_copyLink; }

    // The ticket on screen, or null while loading, failed or no tab.
    [[nodiscard]] const Ticket *currentTicket() const;

    // Writes the current ticket to path and says so in the status bar; what
    // the export dialog does once a file is chosen. False when nothing was written.
    bool exportCurrentTo(const QString &path, ExportFormat format);

    // The tab context menu for the tab at index (not shown).
    [[nodiscard]] QMenu *tabMenu(int index, QWidget *parent);

    // Texts again in the UI language (the window calls it on a language change).
    void retranslate();

private:
    void exportCurrent();
    void printCurrent();
    void closeOtherTabs(int keep);
    void followCurrentTab();
    void updateActions();

    QMainWindow *m_window;
    QTabWidget *m_tabs;
    QAction *m_export;
    QAction *m_print;
    QAction *m_copyLink = nullptr;
    QMenu *m_copyMenu;
    QList<QAction *> m_copies;       // Ticket → Copy, in CopyFormat order
    QPointer<TicketPage> m_followed; // the page whose state the actions follow
};

} // namespace CaseLens::Gui
