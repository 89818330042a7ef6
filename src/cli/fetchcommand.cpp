#include "cli/fetchcommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/ticketprinter.h"
#include "core/apiclient.h"
#include "core/casenumber.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

} // namespace

int runFetch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Fetch Sweeppea tickets and print them."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print each ticket's Data object as one compact JSON line."));
    parser.addOption(jsonOption);
    parser.addOptions(serverOptions());
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("One or more case numbers, e.g. HYXTNJV."),
                                 QStringLiteral("CASE..."));

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("fetch")) +
                 tr("\nThe API key is read from CASELENS_API_KEY, else the keychain (see caselens-cli key "
                    "--help).\n") +
                 exitCodeHelp());
        return ExitOk;
    }
    const QStringList cases = parser.positionalArguments();
    if (cases.isEmpty()) {
        printError(tr("fetch: give at least one case number, e.g. caselens-cli fetch HYXTNJV"));
        return ExitUsage;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;
    ApiClient &client = setup.client();
    const bool json = parser.isSet(jsonOption);
    int exitCode = ExitOk;
    // One case at a time, in the order given: the API serves one request at a time.
    for (const QString &argument : cases) {
        const ParsedCaseNumber parsed = CaseNumber::parse(argument);
        const QString shown = stripControlCharacters(argument.trimmed());
        TicketResult result{{}, parsed.error()};
        if (parsed.ok()) {
            std::unique_ptr<TicketReply> reply(client.fetchTicket(*parsed.caseNumber()));
            waitForReply(*reply, parsed.text());
            result = reply->result();
        }
        if (!result.ok()) {
            printError(shown.isEmpty() ? result.error.message()
                                       : shown + QStringLiteral(": ") + result.error.message());
            printDetails(result.error);
            exitCode = std::max<int>(exitCode, exitCodeFor(result.error));
            continue;
        }
        for (const ParseWarning &warning : std::as_const(result.ticket.warnings))
            printError(result.ticket.caseNumber + QStringLiteral(": warning: ") +
                       stripControlCharacters(warning.message));
        if (json)
            printOutBytes(formatTicketJson(result.ticket) + '\n');
        else
            printOut((cases.size() > 1 ? QStringLiteral("\n") : QString()) + formatTicketText(result.ticket));
        fflush(stdout);
    }
    return exitCode;
}

} // namespace CaseLens::Cli
