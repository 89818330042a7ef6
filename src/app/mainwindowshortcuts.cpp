// MainWindow: the list the keyboard shortcuts dialog shows, read from the
// actions themselves so that it cannot drift from what is bound.
#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/shortcutsdialog.h"
#include "app/writeactions.h"

#include <QAction>
#include <QKeySequence>

namespace CaseLens::Gui {

QList<ShortcutEntry> MainWindow::shortcutEntries() const
{
    const auto keysOf = [](const QAction *action) {
        QStringList keys;
        const QList<QKeySequence> sequences = action->shortcuts();
        for (const QKeySequence &sequence : sequences) {
            // Ctrl+Shift+Backtab is how X11 spells Ctrl+Shift+Tab: list it once.
            if (sequence[0].key() != Qt::Key_Backtab)
                keys << sequence.toString(QKeySequence::NativeText);
        }
        return keys.join(QStringLiteral(", "));
    };
    const auto entry = [&keysOf](const QString &description, const QAction *action) {
        return ShortcutEntry{description, keysOf(action)};
    };
    const Ui::MainWindow &ui = *m_ui;
    return {
        entry(tr("Go to the search bar"), ui.actionFocusSearch),
        entry(tr("Go to my tickets (the queue)"), ui.actionFocusQueue),
        entry(tr("New ticket"), m_writes->newTicketAction()),
        {tr("Fetch the case typed in the search bar"), tr("Enter")},
        entry(tr("Cancel loading"), ui.actionCancel),
        entry(tr("Refresh what has focus: my tickets, or the ticket"), ui.actionRefresh),
        entry(tr("Back to the previous case"), ui.actionBack),
        entry(tr("Forward to the next case"), ui.actionForward),
        entry(tr("Next open ticket"), ui.actionNextTab),
        entry(tr("Previous open ticket"), ui.actionPreviousTab),
        entry(tr("Close the ticket"), ui.actionCloseTab),
        entry(tr("Reopen the last closed ticket"),
              findChild<QAction *>(QStringLiteral("actionReopenClosedTab"))),
        entry(tr("Copy the ticket's link"), findChild<QAction *>(QStringLiteral("actionCopyLink"))),
        entry(tr("Print the ticket"), findChild<QAction *>(QStringLiteral("actionPrint"))),
        {tr("Show ticket tab 1 to 7 (Overview, Notes, …)"),
         m_showTabActions.constFirst()->shortcut().toString(QKeySequence::NativeText) +
             QStringLiteral(" … ") +
             m_showTabActions.constLast()->shortcut().toString(QKeySequence::NativeText)},
        entry(tr("Settings"), ui.actionSettings),
        entry(tr("Keyboard shortcuts (this list)"), ui.actionShortcuts),
        entry(tr("Quit"), ui.actionQuit),
    };
}

} // namespace CaseLens::Gui
