#include "cli/clientsetup.h"

#include "cli/apikeysource.h"
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "core/clientsettings.h"
#include "core/proxyconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

} // namespace

QCommandLineOption timeoutOption()
{
    return {QStringLiteral("timeout"), tr("Give up on a request after SECONDS (default 30)."),
            QStringLiteral("SECONDS"), QStringLiteral("30")};
}

QList<QCommandLineOption> serverOptions()
{
    return {baseUrlOption(),
            timeoutOption(),
            {QStringLiteral("ca-file"),
             tr("Also trust the certificate authority in this PEM file (a company certificate; default: "
                "$CASELENS_CA_FILE, else the one set in CaseLens under Settings → Network)."),
             QStringLiteral("PATH")},
            {QStringLiteral("verbose"),
             tr("On errors, also print the details on stderr: Qt's error, the HTTP status, the server's "
                "message, the certificate chain.")}};
}

ClientSetup::ClientSetup()
    : m_client(&m_network)
{
    m_client.setProxyAuthenticator(&m_proxyAuth);
    // The CLI only waits for the answer: parsing it right here saves the
    // thread hop and a second malloc arena (docs/performance.md, issue 19).
    m_client.setParseInPlace(true);
}

ClientSetup::~ClientSetup() = default;

int ClientSetup::configure(const QCommandLineParser &parser)
{
    bool ok = false;
    const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600) {
        printError(tr("--timeout: expected a number of seconds between 0 and 3600"));
        return ExitUsage;
    }
    const ResolvedBaseUrl base = resolveBaseUrl(parser);
    if (base.error.isError()) {
        printError(base.error.message());
        return ExitUsage;
    }
    const ApiKeyLookup key = lookUpApiKey(base.url);
    if (key.error.isError()) {
        printError(key.error.message());
        return exitCodeFor(key.error);
    }
    // The environment is this run's choice (as curl and wget read it; the
    // system configuration would let a desktop setting win); else the app's.
    if (const auto proxy = proxyFromEnvironment(QProcessEnvironment::systemEnvironment(), base.url))
        m_network.setProxy(*proxy);
    else
        applyProxy(m_network, ClientSettings(ClientSettings::Owner::App).proxy());
    (void)m_client.setBaseUrl(base.url);
    m_client.setApiKey(key.key);
    m_client.setTimeout(std::chrono::milliseconds(qint64(seconds * 1000)));
    setVerbose(parser.isSet(QStringLiteral("verbose")));
    // The option, else the environment, else what the agent chose in the app.
    QString caFile = parser.value(QStringLiteral("ca-file"));
    if (caFile.isEmpty())
        caFile = qEnvironmentVariable("CASELENS_CA_FILE");
    if (caFile.isEmpty())
        caFile = ClientSettings(ClientSettings::Owner::App).caFile();
    m_client.setCaFile(caFile);
    // Read now, so that a wrong path is a usage error before anything is sent.
    if (base.url.scheme() == u"https") {
        if (const Error error = m_client.loadCaFile(); error.isError()) {
            printError(error.message());
            printDetails(error);
            return exitCodeFor(error);
        }
    }
    return ExitOk;
}

void waitForReply(ApiReply &reply, const QString &label)
{
    QObject::connect(&reply, &ApiReply::retrying, &reply, [label](const RetryNotice &notice) {
        printError(label + QStringLiteral(": ") + notice.message());
        printDetails(notice.reason);
    });
    if (reply.isFinished())
        return;
    QEventLoop loop;
    QObject::connect(&reply, &ApiReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace CaseLens::Cli
