#include "cli/fetchcommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/ticketprinter.h"
#include "core/apiclient.h"
#include "core/casenumber.h"
#include "core/ticketmarkdown.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>
#include <optional>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

enum class Format { Text, Json, Markdown };

std::optional<Format> formatNamed(const QString &name)
{
    if (name == u"text")
        return Format::Text;
    if (name == u"json")
        return Format::Json;
    if (name == u"markdown" || name == u"md")
        return Format::Markdown;
    return std::nullopt;
}

} // namespace

int runFetch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Fetch Sweeppea tickets and print them."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        tr("How to print each ticket: text (a summary, the default), json (the Data object as one compact "
           "JSON line) or markdown (the whole ticket as Markdown)."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Same as --format json."));
    parser.addOption(formatOption);
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
    const QString formatName = parser.value(formatOption).trimmed().toLower();
    const std::optional<Format> chosen = formatNamed(formatName);
    if (!chosen) {
        printError(tr("fetch: unknown --format \"%1\"; use text, json or markdown").arg(formatName));
        return ExitUsage;
    }
    if (parser.isSet(jsonOption) && parser.isSet(formatOption) && *chosen != Format::Json) {
        printError(tr("fetch: --json and --format %1 contradict each other").arg(formatName));
        return ExitUsage;
    }
    const Format format = parser.isSet(jsonOption) ? Format::Json : *chosen;
    const QStringList cases = parser.positionalArguments();
    if (cases.isEmpty()) {
        printError(tr("fetch: give at least one case number, e.g. caselens-cli fetch HYXTNJV"));
        return ExitUsage;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;
    ApiClient &client = setup.client();
    if (format == Format::Json) // the Data text as it came: checked, not built
        client.setTicketDetail(ApiClient::TicketDetail::AsSent);
    int exitCode = ExitOk;
    bool printed = false; // a ticket is already out (Markdown sets the next apart)
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
        switch (format) {
        case Format::Json: {
            // Megabytes: printed where they are, the newline on its own (no copy to add it).
            QByteArray compacted;
            printOutBytes(formatTicketJson(result.ticket, compacted));
            printOutBytes("\n");
            break;
        }
        case Format::Markdown:
            // Tickets after the first are set apart by a rule.
            printOut((printed ? QStringLiteral("\n---\n\n") : QString()) +
                     stripControlCharacters(Markdown::fullExport(result.ticket)));
            break;
        case Format::Text:
            printOut((cases.size() > 1 ? QStringLiteral("\n") : QString()) + formatTicketText(result.ticket));
            break;
        }
        printed = true;
        fflush(stdout);
    }
    return exitCode;
}

} // namespace CaseLens::Cli
