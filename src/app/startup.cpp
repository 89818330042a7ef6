#include "startup.h"

#include "apiclient.h"
#include "apikeyprovider.h"
#include "appicon.h"
#include "appsettings.h"
#include "commandline.h"
#include "languagesupport.h"
#include "mainwindow.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

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

    ApiKeyProvider keys;
    keys.loadFromEnvironment(environment);

    MainWindow window(&client, &keys);
    window.show();
    if (options.demo && !window.startDemo()) {
        print(stderr, QStringLiteral("caselens: the demo server could not start\n"));
        return 1;
    }
    if (!options.caseNumber.isEmpty())
        window.openCase(options.caseNumber);
    return QApplication::exec();
}

} // namespace CaseLens::Gui
