#include "commandline.h"

#include "apiclient.h"
#include "casenumber.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace CaseLens::Gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Gui::CommandLine", text);
}

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
    parser.setApplicationDescription(tr("CaseLens shows Sweeppea support tickets.\n\n"
                                        "Environment:\n"
                                        "  CASELENS_API_KEY   the Sweeppea API key for this session\n"
                                        "  CASELENS_BASE_URL  the server URL (--base-url wins)"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        tr("Server URL (default https://api-v3.sweeppea.com). https, or http to this computer only."),
        tr("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Show bundled demo tickets from a server inside the app."));
    parser.addOption(baseUrlOption);
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("case"), tr("Case number to open, e.g. HYXTNJV."),
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
        return usageError(tr("expected at most one case number, got %1").arg(positional.size()));
    if (!positional.isEmpty()) {
        const NormalizedCaseNumber normalized = normalizeCaseNumber(positional.constFirst());
        if (!normalized.ok())
            return usageError(normalized.error.message());
        options.caseNumber = normalized.caseNumber;
    }

    options.demo = parser.isSet(demoOption);
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
        return usageError(tr("--demo and --base-url cannot be combined"));
    if (!urlText.trimmed().isEmpty()) {
        const QUrl url(urlText.trimmed(), QUrl::StrictMode);
        if (const Error error = ApiClient::validateBaseUrl(url); error.isError())
            return usageError(tr("%1 %2: %3").arg(urlSource, urlText.trimmed(), error.message()));
        options.baseUrl = url;
    }
    return options;
}

} // namespace CaseLens::Gui
