#include "cli/resolvecommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/ticketprinter.h"
#include "cli/writecommand.h"
#include "core/resolveoperation.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <memory>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

// On a terminal, without --yes: reads the ticket and asks. Returns the exit
// code when the ticket is not to be closed (declined: 0; already closed or
// not found: 4), nothing when it is.
std::optional<int> askFirst(ApiClient &client, const CaseNumber &caseNumber)
{
    const std::unique_ptr<TicketReply> reply(client.fetchTicket(caseNumber));
    waitForReply(*reply, caseNumber.toString());
    const TicketResult &result = reply->result();
    if (!result.ok()) {
        printError(caseNumber.toString() + QStringLiteral(": ") + result.error.message());
        return exitCodeFor(result.error);
    }
    if (isClosed(result.ticket)) {
        ResolveOutcome outcome(caseNumber);
        outcome.kind = ResolveOutcome::Kind::AlreadyClosed;
        outcome.closedBy = result.ticket.closedBy;
        outcome.closedAt = result.ticket.closeDate;
        printError(QString(outcome.message() + u' ' + outcome.closedByText()).trimmed());
        return ExitNotFound;
    }
    const QString subject = stripControlCharacters(result.ticket.subject);
    if (!confirm(tr("Close %1 — %2? It cannot be reopened. [y/N]").arg(caseNumber.toString(), subject))) {
        printStatus(tr("%1 was not closed.").arg(caseNumber.toString()));
        return ExitOk;
    }
    return std::nullopt;
}

int outcomeExitCode(const ResolveOutcome &outcome)
{
    switch (outcome.kind) {
    case ResolveOutcome::Kind::Closed:
        return ExitOk;
    case ResolveOutcome::Kind::AlreadyClosed:
    case ResolveOutcome::Kind::NotFound:
        return ExitNotFound;
    case ResolveOutcome::Kind::NotClosed:
        return ExitFailure;
    case ResolveOutcome::Kind::Failed:
        break;
    }
    return outcome.answerLost ? ExitFailure : exitCodeFor(outcome.error);
}

} // namespace

int runResolve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Close tickets. A closed ticket cannot be reopened. Each is sent once: when the server's answer "
           "is lost, the ticket is read again to learn whether it was closed, never closed twice."));
    parser.addHelpOption();
    const QCommandLineOption yesOption(QStringLiteral("yes"),
                                       tr("Do not ask: close them. Needed when not on a terminal."));
    parser.addOption(yesOption);
    parser.addOptions(serverOptions());
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("One or more case numbers, e.g. HYXTNJV."),
                                 QStringLiteral("CASE..."));
    if (const std::optional<int> done = parseCommand(
            parser, arguments, QStringLiteral("resolve"),
            tr("\nOn a terminal, each ticket is read and you are asked before it is closed. Exit code 4: "
               "a ticket was already closed or not found.\n")))
        return *done;

    // Every case number checked before anything is sent.
    const QStringList texts = parser.positionalArguments();
    if (texts.isEmpty()) {
        printError(tr("resolve: give at least one case number, e.g. caselens-cli resolve HYXTNJV"));
        return ExitUsage;
    }
    QList<CaseNumber> cases;
    for (const QString &text : texts) {
        const ParsedCaseNumber parsed = CaseNumber::parse(text);
        if (!parsed.ok()) {
            printError(stripControlCharacters(text.trimmed()) + QStringLiteral(": ") +
                       parsed.error().message());
            return ExitUsage;
        }
        cases << *parsed.caseNumber();
    }
    const bool ask = !parser.isSet(yesOption);
    if (ask && !canAsk()) {
        printError(tr("resolve: not on a terminal, so nobody can confirm. Nothing was closed. Add --yes to "
                      "close without asking."));
        return ExitUsage;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;

    int exitCode = ExitOk;
    // One at a time, in the order given: the API serves one request at a time.
    for (const CaseNumber &caseNumber : std::as_const(cases)) {
        if (ask) {
            if (const std::optional<int> skipped = askFirst(setup.client(), caseNumber)) {
                exitCode = std::max(exitCode, *skipped);
                continue;
            }
        }
        ResolveOperation operation(&setup.client(), caseNumber);
        runOperation(operation);
        const ResolveOutcome &outcome = operation.outcome();
        const int code = outcomeExitCode(outcome);
        exitCode = std::max(exitCode, code);
        const QString closed = outcome.kind == ResolveOutcome::Kind::Closed ||
                                       outcome.kind == ResolveOutcome::Kind::AlreadyClosed
                                   ? outcome.closedByText()
                                   : QString();
        const QString line = stripControlCharacters(QString(outcome.message() + u' ' + closed).trimmed());
        if (code == ExitOk) {
            printOut(line + u'\n');
            fflush(stdout);
        } else {
            printError(line);
        }
    }
    return exitCode;
}

} // namespace CaseLens::Cli
