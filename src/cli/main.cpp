// caselens-cli: a small command-line front end over the CaseLens core, for
// scripts, support macros and quick checks.
#include "cli/accountcommand.h"
#include "cli/commandline.h"
#include "cli/createcommand.h"
#include "cli/exitcodes.h"
#include "cli/fetchcommand.h"
#include "cli/hugepageheap.h"
#include "cli/keycommand.h"
#include "cli/listcommand.h"
#include "cli/resolvecommand.h"
#include "cli/updatecommand.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QTranslator>

using namespace CaseLens::Cli;

namespace {

QString usage()
{
    return QCoreApplication::translate(
               "CaseLens::Cli", "Usage: caselens-cli COMMAND [OPTIONS]\n"
                                "\n"
                                "View Sweeppea support tickets from the command line.\n"
                                "\n"
                                "Commands:\n"
                                "  fetch CASE...   fetch tickets and print them (see fetch --help)\n"
                                "  list            list your open or closed tickets, page by page or\n"
                                "                  --all, as a table or --json (see list --help)\n"
                                "  account         whose API key this is, and how much of the plan is\n"
                                "                  used (see account --help)\n"
                                "  key ACTION      keep the API key in the system keychain: set, status,\n"
                                "                  forget (see key --help)\n"
                                "  resolve CASE... close tickets, after asking (or --yes); each exactly\n"
                                "                  once (see resolve --help)\n"
                                "  create          create a ticket and print its case number (see\n"
                                "                  create --help)\n"
                                "  update CASE     replace an open ticket's title or description (see\n"
                                "                  update --help)\n"
                                "\n"
                                "Every command that talks to the server takes --base-url URL and\n"
                                "--timeout SECONDS.\n"
                                "\n"
                                "Options:\n"
                                "  -h, --help      show this help\n"
                                "  -v, --version   show the version\n"
                                "\n"
                                "Environment:\n"
                                "  CASELENS_API_KEY    the API key to use (else the keychain entry for\n"
                                "                      the server, see key --help)\n"
                                "  CASELENS_BASE_URL   the server (default https://api-v3.sweeppea.com)\n"
                                "  CASELENS_CA_FILE    a company certificate (PEM) to trust besides the\n"
                                "                      system's (see --ca-file)\n") +
           exitCodeHelp();
}

} // namespace

int main(int argc, char *argv[])
{
    useHugePagesForTheHeap();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("caselens-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("CaseLens"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("caselens.app"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASELENS_VERSION));
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    // English only, but counts read right: "1 attempt", "4 attempts".
    QTranslator englishPlurals;
    if (englishPlurals.load(QStringLiteral(":/i18n/caselens_en.qm")))
        QCoreApplication::installTranslator(&englishPlurals);

    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == u"-h" || command == u"--help" || command == u"help") {
        printOut(usage());
        return ExitOk;
    }
    if (command == u"-v" || command == u"--version") {
        printOut(QStringLiteral("caselens-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    if (command == u"fetch")
        return runFetch(args.mid(1));
    if (command == u"list")
        return runList(args.mid(1));
    if (command == u"account")
        return runAccount(args.mid(1));
    if (command == u"key")
        return runKey(args.mid(1));
    if (command == u"resolve")
        return runResolve(args.mid(1));
    if (command == u"create")
        return runCreate(args.mid(1));
    if (command == u"update")
        return runUpdate(args.mid(1));
    if (command.isEmpty())
        printError(QCoreApplication::translate("CaseLens::Cli", "no command given"));
    else
        printError(QCoreApplication::translate("CaseLens::Cli", "unknown command \"%1\"").arg(command));
    printOut(usage());
    return ExitUsage;
}
