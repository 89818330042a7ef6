#include "commandline.h"

#include "apiclient.h"
#include "casenumber.h"

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

bool isCaseLensUrl(const QString &text)
{
    return text.trimmed().startsWith(QLatin1String("caselens:"), Qt::CaseInsensitive);
}

NormalizedCaseNumber caseNumberFromUrl(const QString &text)
{
    const auto invalid = [&text](const QString &why) {
        return NormalizedCaseNumber{
            {},
            Error(ErrorKind::InvalidInput,
                  Tr::tr("not a CaseLens ticket link (%1): %2").arg(why, text.trimmed()))};
    };
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return invalid(Tr::tr("malformed"));
    if (url.scheme() != u"caselens")
        return invalid(Tr::tr("expected caselens://ticket/CASE"));
    if (url.host() != u"ticket")
        return invalid(Tr::tr("expected caselens://ticket/CASE"));
    if (!url.userInfo().isEmpty() || url.port() != -1 || url.hasQuery() || url.hasFragment())
        return invalid(Tr::tr("unexpected parts"));
    const QString path = url.path(QUrl::FullyDecoded);
    const QStringList segments = path.split(u'/');
    // "/HYXTNJV" splits into "" and "HYXTNJV".
    if (segments.size() != 2 || !segments.at(0).isEmpty() || segments.at(1).isEmpty())
        return invalid(Tr::tr("expected one case number after ticket/"));
    NormalizedCaseNumber normalized = normalizeCaseNumber(segments.at(1));
    if (!normalized.ok())
        return invalid(normalized.error.message());
    return normalized;
}

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
    if (!positional.isEmpty() && isCaseLensUrl(positional.constFirst())) {
        // A link from an e-mail or chat: a bad one is reported and ignored.
        const NormalizedCaseNumber fromUrl = caseNumberFromUrl(positional.constFirst());
        if (fromUrl.ok())
            options.caseNumber = fromUrl.caseNumber;
        else
            options.error =
                QStringLiteral("caselens: ") + Tr::tr("ignoring %1").arg(fromUrl.error.message()) + u'\n';
    } else if (!positional.isEmpty()) {
        const NormalizedCaseNumber normalized = normalizeCaseNumber(positional.constFirst());
        if (!normalized.ok())
            return usageError(normalized.error.message());
        options.caseNumber = normalized.caseNumber;
    }

    options.demo = parser.isSet(demoOption);
    options.selfTestStartup = parser.isSet(selfTestOption);
    options.reportOpenedCases = parser.isSet(reportOpenedOption);
    QString urlText;
    QString urlSource;
    if (parser.isSet(baseUrlOption)) {
        urlText = parser.value(baseUrlOption);
        urlSource = QStringLiteral("--base-url");
    } else if (!options.demo) {
        urlText = environment.value(QStringLiteral("CASELENS_BASE_URL"));
        urlSource = QStringLiteral("CASELENS_BASE_URL");
    }
    if (options.demo && !urlText.isEmpty())
        return usageError(Tr::tr("--demo and --base-url cannot be combined"));
    if (!urlText.trimmed().isEmpty()) {
        const QUrl url(urlText.trimmed(), QUrl::StrictMode);
        if (const Error error = ApiClient::validateBaseUrl(url); error.isError())
            return usageError(Tr::tr("%1 %2: %3").arg(urlSource, urlText.trimmed(), error.message()));
        options.baseUrl = url;
    }
    return options;
}

} // namespace CaseLens::Gui
