#pragma once

#include "core/ticket.h"

#include <QList>
#include <QString>

#include <functional>

class QAction;
class QMenu;

namespace CaseLens::Gui {

// What an agent copies to hand a ticket on.
enum class CopyFormat {
    CaseNumber,      // HYXTNJV
    Link,            // caselens://ticket/HYXTNJV
    Title,           // "HYXTNJV — Winners list export fails", for chats
    MarkdownSummary, // for issue trackers (Markdown::summary)
};

// The text for format; empty when the ticket has no usable case number.
[[nodiscard]] QString copyText(const Ticket &ticket, CopyFormat format);

// The menu text of format's action ("Case &number"), in the UI language.
[[nodiscard]] QString copyActionText(CopyFormat format);

// Adds one action per format to menu, in the order above (object names
// copyCaseNumberAction, copyLinkAction, copyTitleAction, copyMarkdownAction);
// each puts copyText() of what ticket() returns then on the clipboard
// (nothing when it returns null). Shared by the header's Copy button and the
// window's Ticket → Copy menu.
QList<QAction *> addCopyActions(QMenu *menu, const std::function<const Ticket *()> &ticket);

} // namespace CaseLens::Gui
