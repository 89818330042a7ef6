#include "cli/commandline.h"

#include "core/apiclient.h"
#include "core/serverresolution.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace CaseLens::Cli {

QCommandLineOption baseUrlOption()
{
    return {QStringLiteral("base-url"),
            QCoreApplication::translate("CaseLens::Cli",
                                        "Server to talk to (default: $CASELENS_BASE_URL, else %1).")
                .arg(ApiClient::defaultBaseUrl().toString()),
            QStringLiteral("URL")};
}

ResolvedBaseUrl resolveBaseUrl(const QCommandLineParser &parser)
{
    // The CLI keeps no saved setting: flag, environment, default.
    const ResolvedServer server =
        resolveServer(parser.value(QStringLiteral("base-url")), QProcessEnvironment::systemEnvironment());
    return {server.url, server.error};
}

QString commandHelp(const QCommandLineParser &parser, const QString &command)
{
    return parser.helpText().replace(QCoreApplication::arguments().constFirst(),
                                     QCoreApplication::applicationName() + u' ' + command);
}

QString exitCodeHelp()
{
    return QCoreApplication::translate("CaseLens::Cli",
                                       "\nExit codes:\n"
                                       "  0  all done\n"
                                       "  2  usage error or invalid case number (nothing sent)\n"
                                       "  3  no API key, or the key was rejected (401/403)\n"
                                       "  4  ticket not found (404), or already closed (resolve)\n"
                                       "  5  network, timeout, TLS, server error, rate limit, too large or "
                                       "malformed response\n"
                                       "  6  keychain unavailable or keychain error\n"
                                       "With several cases the highest code wins; the others are still "
                                       "fetched.\n");
}

void printError(const QString &message)
{
    QTextStream err(stderr);
    err << QCoreApplication::applicationName() << ": " << message << '\n';
}

namespace {
bool verboseOutput = false;
} // namespace

void setVerbose(bool verbose)
{
    verboseOutput = verbose;
}

void printDetails(const Error &error)
{
    if (!verboseOutput || !error.isError())
        return;
    QTextStream err(stderr);
    const QStringList lines = error.details().split(u'\n');
    for (const QString &line : lines)
        err << "  " << line << '\n';
}

void printStatus(const QString &text)
{
    QTextStream err(stderr);
    err << text << '\n';
}

void printOut(const QString &text)
{
    // UTF-8, as QTextStream would write it, in one conversion and one
    // buffered write.
    printOutBytes(text.toUtf8());
}

void printOutBytes(QByteArrayView bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

} // namespace CaseLens::Cli
