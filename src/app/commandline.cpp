#include "app/commandline.h"

#include "core/casenumber.h"
#include "core/serverresolution.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace CaseLens::Gui {

namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Gui::CommandLine)
};

LaunchOptions usageError(const QString &message)
{
    LaunchOptions options;
    options.action = LaunchOptions::Action::Exit;
    options.exitCode = LaunchOptions::UsageErrorExitCode;
    options.error = QStringLiteral("caselens: ") + message + u'\n';
    return options;
}

} // namespace

LaunchOptions parseCommandLine(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("CaseLens shows Sweeppea support tickets.\n\n"
                                            "Environment:\n"
                                            "  CASELENS_API_KEY   the Sweeppea API key for this session\n"
                                            "  CASELENS_BASE_URL  the server URL (--base-url wins)"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        Tr::tr("Server URL (default https://api-v3.sweeppea.com). https, or http to this computer only."),
        Tr::tr("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        Tr::tr("Show bundled demo tickets from a server inside the app."));
    QCommandLineOption selfTestOption(QStringLiteral("self-test-startup"),
                                      QStringLiteral("For tests and diagnostics: print startup problems "
                                                     "and exit (1 when there are any)."));
    selfTestOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption reportOpenedOption(QStringLiteral("report-opened-cases"),
                                          QStringLiteral("For tests: print the cases handed over by "
                                                         "another launch."));
    reportOpenedOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(baseUrlOption);
    parser.addOption(demoOption);
    parser.addOption(selfTestOption);
    parser.addOption(reportOpenedOption);
    parser.addPositionalArgument(QStringLiteral("case"),
                                 Tr::tr("Case number to open, e.g. HYXTNJV, or a link such as "
                                        "caselens://ticket/HYXTNJV."),
                                 QStringLiteral("[CASE]"));

    if (!parser.parse(arguments))
        return usageError(parser.errorText());

    LaunchOptions options;
    // --help-all is added by QCommandLineParser itself; the Qt options it
    // would list are not useful to agents, so it shows the same text.
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        options.action = LaunchOptions::Action::Exit;
        options.output = parser.helpText();
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.action = LaunchOptions::Action::Exit;
        options.output =
            QCoreApplication::applicationName() + u' ' + QStringLiteral(CASELENS_VERSION) + u'\n';
        return options;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(Tr::tr("expected at most one case number, got %1").arg(positional.size()));
    if (!positional.isEmpty()) {
        const ParsedCaseNumber parsed = CaseNumber::parse(positional.constFirst());
        if (parsed.ok())
            options.caseNumber = parsed.text();
        else if (CaseNumber::looksLikeLink(positional.constFirst()))
            // A link from an e-mail or chat: a bad one is reported and ignored.
            options.error = QStringLiteral("caselens: ") +
                            Tr::tr("ignoring the link. %1").arg(parsed.error().message()) + u'\n';
        else
            return usageError(parsed.error().message());
    }

    options.demo = parser.isSet(demoOption);
    options.selfTestStartup = parser.isSet(selfTestOption);
    options.reportOpenedCases = parser.isSet(reportOpenedOption);
    const QString flag = parser.value(baseUrlOption);
    if (options.demo && !flag.isEmpty())
        return usageError(Tr::tr("--demo and --base-url cannot be combined"));
    // The demo talks to its own server: CASELENS_BASE_URL does not apply.
    const ResolvedServer server = resolveServer(flag, options.demo ? QProcessEnvironment() : environment);
    if (!server.ok())
        return usageError(Tr::tr("%1 %2: %3").arg(server.sourceName(), server.text, server.error.message()));
    if (server.source == ServerSource::Flag || server.source == ServerSource::Environment)
        options.baseUrl = server.url;
    return options;
}

} // namespace CaseLens::Gui
