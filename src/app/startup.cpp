#include "startup.h"

#include "apiclient.h"
#include "apikeyprovider.h"
#include "appicon.h"
#include "appsettings.h"
#include "commandline.h"
#include "languagesupport.h"
#include "mainwindow.h"
#include "singleinstance.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QSslSocket>

#include <cstdio>

namespace CaseLens::Gui {

namespace {

void print(FILE *stream, const QString &text)
{
    if (text.isEmpty())
        return;
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

QString tlsBackendProblem()
{
    if (QSslSocket::supportsSsl())
        return {};
    return QApplication::translate("CaseLens::Gui::Startup",
                                   "Secure connections are not available: the TLS backend (OpenSSL) is "
                                   "missing. Install libssl3 / reinstall CaseLens.");
}

QStringList startupProblems()
{
    QStringList problems;
    if (const QString tls = tlsBackendProblem(); !tls.isEmpty())
        problems << tls;
    return problems;
}

int runApplication(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("CaseLens"));
    QApplication::setOrganizationName(QStringLiteral("CaseLens"));
    QApplication::setOrganizationDomain(QStringLiteral("caselens.app"));
    QApplication::setApplicationVersion(QStringLiteral(CASELENS_VERSION));
    QApplication::setWindowIcon(applicationIcon());
    // Corporate networks often need the system's proxy (PAC, env variables).
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const LaunchOptions options = parseCommandLine(QApplication::arguments(), environment);
    print(stdout, options.output);
    print(stderr, options.error);
    if (options.action == LaunchOptions::Action::Exit)
        return options.exitCode;

    const AppSettings settings;
    installTranslations(app, settings.language());

    const QStringList problems = startupProblems();
    if (options.selfTestStartup) {
        for (const QString &problem : problems)
            print(stdout, problem + u'\n');
        if (problems.isEmpty())
            print(stdout, QStringLiteral("caselens: no startup problems\n"));
        return problems.isEmpty() ? 0 : 1;
    }

    // One window per user: a second launch hands its case over and exits.
    SingleInstance instance(SingleInstance::defaultServerName());
    if (instance.sendToRunning(options.caseNumber))
        return 0;

    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setTimeout(std::chrono::seconds(settings.timeoutSeconds()));
    if (!options.baseUrl.isEmpty()) {
        client.setBaseUrl(options.baseUrl); // validated by parseCommandLine
    } else if (const QUrl saved = settings.serverUrl(); !saved.isEmpty()) {
        if (const Error error = client.setBaseUrl(saved); error.isError())
            print(stderr, QStringLiteral("caselens: ignoring the saved server URL %1: %2\n")
                              .arg(saved.toString(), error.message()));
    }

    // CASELENS_API_KEY wins; else the keychain entry for the server, read in
    // the background (the window shows at once and reacts to keyChanged()).
    ApiKeyProvider keys(ApiKeyProvider::Storage::Keychain);
    keys.setServer(client.baseUrl());
    keys.loadFromEnvironment(environment);
    keys.load();

    MainWindow window(&client, &keys);
    for (const QString &problem : problems)
        window.showStartupProblem(problem);
    window.show();

    instance.listen();
    QObject::connect(&instance, &SingleInstance::activationRequested, &window,
                     [&window, report = options.reportOpenedCases](const QString &caseNumber) {
                         window.activateFromOtherLaunch(caseNumber);
                         if (report)
                             print(stdout, QStringLiteral("opened %1\n").arg(caseNumber));
                     });
    if (options.demo && !window.startDemo()) {
        print(stderr, QStringLiteral("caselens: the demo server could not start\n"));
        return 1;
    }
    if (!options.caseNumber.isEmpty())
        window.openCase(options.caseNumber);
    return QApplication::exec();
}

} // namespace CaseLens::Gui
