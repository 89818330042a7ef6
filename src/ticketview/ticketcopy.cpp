#include "ticketview/ticketcopy.h"

#include "core/casenumber.h"
#include "core/ticketexport.h"
#include "core/ticketmarkdown.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMenu>

namespace CaseLens::Gui {
namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::TicketCopy)
};

} // namespace

QString copyText(const Ticket &ticket, CopyFormat format)
{
    const ParsedCaseNumber parsed = CaseNumber::parse(ticket.caseNumber);
    if (!parsed.ok())
        return {};
    switch (format) {
    case CopyFormat::CaseNumber:
        return parsed.text();
    case CopyFormat::Link:
        return parsed.caseNumber()->toLink();
    case CopyFormat::Title:
        return Export::titleText(ticket);
    case CopyFormat::MarkdownSummary:
        return Markdown::summary(ticket);
    }
    return {};
}

QString copyActionText(CopyFormat format)
{
    switch (format) {
    case CopyFormat::CaseNumber:
        return Tr::tr("Case &number");
    case CopyFormat::Link:
        return Tr::tr("&Link (caselens://)");
    case CopyFormat::Title:
        return Tr::tr("Case and &subject (for chats)");
    case CopyFormat::MarkdownSummary:
        return Tr::tr("&Markdown summary (for issue trackers)");
    }
    return {};
}

QList<QAction *> addCopyActions(QMenu *menu, const std::function<const Ticket *()> &ticket)
{
    struct Entry
    {
        CopyFormat format;
        const char *name;
    };
    const Entry entries[] = {
        {CopyFormat::CaseNumber, "copyCaseNumberAction"},
        {CopyFormat::Link, "copyLinkAction"},
        {CopyFormat::Title, "copyTitleAction"},
        {CopyFormat::MarkdownSummary, "copyMarkdownAction"},
    };
    QList<QAction *> actions;
    for (const Entry &entry : entries) {
        QAction *action = menu->addAction(copyActionText(entry.format));
        action->setObjectName(QLatin1StringView(entry.name));
        QObject::connect(action, &QAction::triggered, menu, [ticket, format = entry.format] {
            const Ticket *shown = ticket();
            const QString text = shown ? copyText(*shown, format) : QString();
            if (!text.isEmpty())
                QGuiApplication::clipboard()->setText(text);
        });
        actions.append(action);
    }
    return actions;
}

} // namespace CaseLens::Gui
