#include "app/handoffactions.h"

#include "app/ticketpage.h"
#include "core/ticketexport.h"
#include "ticketview/safetextdocument.h"
#include "ticketview/ticketcopy.h"
#include "ticketview/ticketview.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

#include <array>

namespace CaseLens::Gui {
namespace {

struct FormatFilter
{
    ExportFormat format;
    QString filter;
};

std::array<FormatFilter, 3> formatFilters()
{
    return {{{ExportFormat::Pdf, HandoffActions::tr("PDF document (*.pdf)")},
             {ExportFormat::Markdown, HandoffActions::tr("Markdown (*.md)")},
             {ExportFormat::Html, HandoffActions::tr("HTML page (*.html)")}}};
}

ExportFormat formatOf(const QString &filter)
{
    for (const FormatFilter &entry : formatFilters()) {
        if (entry.filter == filter)
            return entry.format;
    }
    return ExportFormat::Pdf;
}

QAction *findAction(QMenu *menu, const char *name)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == QLatin1StringView(name))
            return action;
    }
    return nullptr;
}

} // namespace

HandoffActions::HandoffActions(QMainWindow *window, QTabWidget *tabs, QMenu *fileMenu, QMenu *ticketMenu)
    : QObject(window)
    , m_window(window)
    , m_tabs(tabs)
    , m_export(new QAction(this))
    , m_print(new QAction(this))
    , m_copyMenu(new QMenu(ticketMenu))
{
    m_export->setObjectName(QStringLiteral("actionExportTicket"));
    m_print->setObjectName(QStringLiteral("actionPrint"));
    m_print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_export, &QAction::triggered, this, &HandoffActions::exportCurrent);
    connect(m_print, &QAction::triggered, this, &HandoffActions::printCurrent);
    // File: Settings, Export ticket…, Print…, Quit.
    QAction *quit = findAction(fileMenu, "actionQuit");
    fileMenu->insertActions(quit, {m_export, m_print});
    fileMenu->insertSeparator(quit);

    // Ticket → Copy, before the ticket's sections.
    m_copyMenu->setObjectName(QStringLiteral("menuCopy"));
    m_copies = addCopyActions(m_copyMenu, [this] { return currentTicket(); });
    m_copyLink = m_copies.at(int(CopyFormat::Link));
    m_copyLink->setObjectName(QStringLiteral("actionCopyLink")); // the header's own is copyLinkAction
    // One action, bound once: the header's menu offers the link without a key.
    m_copyLink->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyLink->setShortcutContext(Qt::WindowShortcut);
    // Shortcuts of actions in a menu only work while the menu's window is
    // shown; the window holds the action as well so that the key works
    // before the menu was ever opened.
    m_window->addAction(m_copyLink);
    QAction *before = findAction(ticketMenu, "actionShowTab1");
    ticketMenu->insertMenu(before, m_copyMenu);
    ticketMenu->insertSeparator(before);

    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int index = m_tabs->tabBar()->tabAt(pos);
        if (index < 0)
            return;
        QMenu *menu = tabMenu(index, m_tabs);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tabs->tabBar()->mapToGlobal(pos));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &HandoffActions::followCurrentTab);
    followCurrentTab();
    retranslate();
}

void HandoffActions::retranslate()
{
    m_export->setText(tr("&Export ticket…"));
    m_print->setText(tr("&Print…"));
    m_copyMenu->setTitle(tr("&Copy"));
    for (qsizetype i = 0; i < m_copies.size(); ++i)
        m_copies.at(i)->setText(copyActionText(CopyFormat(i)));
}

const Ticket *HandoffActions::currentTicket() const
{
    const auto *page = qobject_cast<TicketPage *>(m_tabs->currentWidget());
    return page && page->hasTicket() ? &page->ticketView()->ticket() : nullptr;
}

void HandoffActions::followCurrentTab()
{
    if (m_followed)
        disconnect(m_followed, nullptr, this, nullptr);
    m_followed = qobject_cast<TicketPage *>(m_tabs->currentWidget());
    if (m_followed)
        connect(m_followed, &TicketPage::stateChanged, this, &HandoffActions::updateActions);
    updateActions();
}

void HandoffActions::updateActions()
{
    const bool shown = currentTicket() != nullptr;
    m_export->setEnabled(shown);
    m_print->setEnabled(shown);
    m_copyMenu->setEnabled(shown);
    const QList<QAction *> copies = m_copyMenu->actions();
    for (QAction *action : copies)
        action->setEnabled(shown);
}

QMenu *HandoffActions::tabMenu(int index, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("ticketTabMenu"));
    auto *page = qobject_cast<TicketPage *>(m_tabs->widget(index));
    // The link needs only the case number: it works while the tab loads or failed.
    QAction *copyLink = menu->addAction(tr("Copy &link"));
    copyLink->setObjectName(QStringLiteral("tabCopyLinkAction"));
    copyLink->setEnabled(page != nullptr);
    connect(copyLink, &QAction::triggered, this, [page = QPointer<TicketPage>(page)] {
        if (page) {
            Ticket ticket;
            ticket.caseNumber = page->caseNumber();
            QGuiApplication::clipboard()->setText(copyText(ticket, CopyFormat::Link));
        }
    });
    menu->addSeparator();
    QWidget *tab = m_tabs->widget(index);
    QAction *close = menu->addAction(tr("&Close"));
    close->setObjectName(QStringLiteral("tabCloseAction"));
    // Through the tab's own close request: the window closes it as when its × is clicked.
    connect(close, &QAction::triggered, this, [this, tab = QPointer<QWidget>(tab)] {
        if (tab && m_tabs->indexOf(tab) >= 0)
            emit m_tabs->tabCloseRequested(m_tabs->indexOf(tab));
    });
    QAction *closeOthers = menu->addAction(tr("Close &others"));
    closeOthers->setObjectName(QStringLiteral("tabCloseOthersAction"));
    closeOthers->setEnabled(m_tabs->count() > 1);
    connect(closeOthers, &QAction::triggered, this, [this, tab = QPointer<QWidget>(tab)] {
        if (tab && m_tabs->indexOf(tab) >= 0)
            closeOtherTabs(m_tabs->indexOf(tab));
    });
    return menu;
}

void HandoffActions::closeOtherTabs(int keep)
{
    QWidget *kept = m_tabs->widget(keep);
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        if (m_tabs->widget(i) != kept)
            emit m_tabs->tabCloseRequested(i);
    }
}

void HandoffActions::exportCurrent()
{
    const Ticket *ticket = currentTicket();
    if (!ticket)
        return;
    auto *dialog = new QFileDialog(m_window, tr("Export ticket"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    QStringList filters;
    for (const FormatFilter &entry : formatFilters())
        filters << entry.filter;
    dialog->setNameFilters(filters);
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->setDefaultSuffix(exportSuffix(ExportFormat::Pdf));
    dialog->selectFile(Export::exportFileName(*ticket, exportSuffix(ExportFormat::Pdf)));
    const QString baseName = Export::exportFileName(*ticket, QString()).chopped(1);
    // Another format: the suggested name follows, unless the agent typed one.
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, baseName](const QString &filter) {
        const QString suffix = exportSuffix(formatOf(filter));
        dialog->setDefaultSuffix(suffix);
        dialog->selectFile(baseName + u'.' + suffix);
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &path) {
        exportCurrentTo(path, formatOf(dialog->selectedNameFilter()));
    });
    dialog->open();
}

bool HandoffActions::exportCurrentTo(const QString &path, ExportFormat format)
{
    const Ticket *ticket = currentTicket();
    if (!ticket)
        return false;
    const QString problem = writeTicketExport(*ticket, path, format);
    // Inline, as other expected failures: a full disk is no reason for a modal box.
    m_window->statusBar()->showMessage(
        problem.isEmpty() ? tr("Exported %1 to %2").arg(ticket->caseNumber, QDir::toNativeSeparators(path))
                          : problem);
    return problem.isEmpty();
}

void HandoffActions::printCurrent()
{
    const Ticket *ticket = currentTicket();
    if (!ticket)
        return;
    auto *preview = new QPrintPreviewDialog(m_window);
    preview->setObjectName(QStringLiteral("printPreview"));
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Print %1").arg(ticket->caseNumber));
    // The document of the ticket as it was when Print was chosen; the preview
    // repaints from it whenever its page setup changes.
    std::shared_ptr<SafeTextDocument> document = ticketDocument(*ticket);
    connect(preview, &QPrintPreviewDialog::paintRequested, preview,
            [document](QPrinter *printer) { printTicketDocument(*document, printer); });
    preview->open();
}

} // namespace CaseLens::Gui
