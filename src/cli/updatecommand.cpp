#include "cli/updatecommand.h"

#include "cli/clientsetup.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/ticketprinter.h"
#include "cli/writecommand.h"
#include "core/updateoperation.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

} // namespace

int runUpdate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Replace the title and/or the description of an open ticket. The customer sees the change."));
    parser.addHelpOption();
    const QCommandLineOption titleOption(QStringLiteral("title"),
                                         tr("The new title (at most 200 characters)."), QStringLiteral("T"));
    const QCommandLineOption descriptionOption(
        QStringLiteral("description-file"),
        tr("Read the new description from file F (- for standard input)."), QStringLiteral("F"));
    parser.addOptions({titleOption, descriptionOption});
    parser.addOptions(serverOptions());
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("The case number, e.g. HYXTNJV."));
    if (const std::optional<int> done =
            parseCommand(parser, arguments, QStringLiteral("update"), descriptionFileHelp()))
        return *done;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(
            tr("update: give one case number, e.g. caselens-cli update HYXTNJV --title \"New title\""));
        return ExitUsage;
    }
    const ParsedCaseNumber parsed = CaseNumber::parse(positional.constFirst());
    if (!parsed.ok()) {
        printError(stripControlCharacters(positional.constFirst().trimmed()) + QStringLiteral(": ") +
                   parsed.error().message());
        return ExitUsage;
    }
    if (!parser.isSet(titleOption) && !parser.isSet(descriptionOption)) {
        printError(tr("update: give --title, --description-file or both"));
        return ExitUsage;
    }
    std::optional<QString> title;
    if (parser.isSet(titleOption)) {
        title = checkedTitle(parser.value(titleOption));
        if (!title)
            return ExitUsage;
    }
    std::optional<QString> description;
    if (parser.isSet(descriptionOption)) {
        description = readDescriptionFile(parser.value(descriptionOption));
        if (!description)
            return ExitUsage;
    }
    ClientSetup setup;
    if (const int code = setup.configure(parser); code != ExitOk)
        return code;

    UpdateOperation operation(&setup.client(), *parsed.caseNumber(), title, description);
    runOperation(operation);
    const UpdateOutcome &outcome = operation.outcome();
    switch (outcome.kind) {
    case UpdateOutcome::Kind::Updated:
        printOut(outcome.message() + u'\n');
        return ExitOk;
    case UpdateOutcome::Kind::NotUpdated:
        printError(outcome.message());
        return ExitFailure;
    case UpdateOutcome::Kind::Failed:
        break;
    }
    printError(outcome.message());
    return outcome.answerLost ? ExitFailure : exitCodeFor(outcome.error);
}

} // namespace CaseLens::Cli
