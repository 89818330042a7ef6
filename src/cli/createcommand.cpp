#include "cli/createcommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/writecommand.h"
#include "core/createoperation.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

std::optional<Priority> priorityNamed(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"low")
        return Priority::Low;
    if (n == u"medium")
        return Priority::Medium;
    if (n == u"high")
        return Priority::High;
    return std::nullopt;
}

} // namespace

int runCreate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create a ticket and print its case number. It is sent once: when the server's answer is lost, "
           "your open tickets are searched for it instead of sending it again."));
    parser.addHelpOption();
    const QCommandLineOption titleOption(QStringLiteral("title"), tr("The title (at most 200 characters)."),
                                         QStringLiteral("T"));
    const QCommandLineOption priorityOption(QStringLiteral("priority"), tr("low, medium or high."),
                                            QStringLiteral("PRIORITY"));
    const QCommandLineOption descriptionOption(QStringLiteral("description-file"),
                                               tr("Read the description from file F (- for standard input)."),
                                               QStringLiteral("F"));
    const QCommandLineOption assignOption(QStringLiteral("assign-to"),
                                          tr("Assign the ticket to an admin, by name or exact e-mail."),
                                          QStringLiteral("X"));
    parser.addOptions({titleOption, priorityOption, descriptionOption, assignOption});
    parser.addOptions(serverOptions());
    if (const std::optional<int> done =
            parseCommand(parser, arguments, QStringLiteral("create"), descriptionFileHelp()))
        return *done;

    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("create: unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
        return ExitUsage;
    }
    const std::optional<QString> title = checkedTitle(parser.value(titleOption));
    if (!title)
        return ExitUsage;
    const std::optional<Priority> priority = priorityNamed(parser.value(priorityOption));
    if (!priority) {
        printError(tr("--priority: expected low, medium or high"));
        return ExitUsage;
    }
    ApiClient::NewTicket ticket;
    ticket.title = *title;
    ticket.priority = *priority;
    ticket.assignTo = parser.value(assignOption).trimmed();
    if (parser.isSet(descriptionOption)) {
        const std::optional<QString> description = readDescriptionFile(parser.value(descriptionOption));
        if (!description)
            return ExitUsage;
        ticket.descriptionHtml = *description;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;

    CreateOperation operation(&setup.client(), ticket);
    runOperation(operation);
    const CreateOutcome &outcome = operation.outcome();
    switch (outcome.kind) {
    case CreateOutcome::Kind::Created:
        printOut(outcome.caseNumber + u'\n');
        return ExitOk;
    case CreateOutcome::Kind::Unknown:
        printError(outcome.message());
        return ExitFailure;
    case CreateOutcome::Kind::Failed:
        break;
    }
    printError(outcome.message());
    return exitCodeFor(outcome.error);
}

} // namespace CaseLens::Cli
