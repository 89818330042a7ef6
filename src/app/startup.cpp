#include "app/startup.h"

#include "app/appearance.h"
#include "app/appicon.h"
#include "app/commandline.h"
#include "app/deferrediconstyle.h"
#include "app/languagesupport.h"
#include "app/mainwindow.h"
#include "app/singleinstance.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/clientsettings.h"
#include "core/session.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QSslSocket>
#include <QTimer>

#ifdef CASELENS_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

#include <cstdio>
#include <functional>
#include <utility>

namespace CaseLens::Gui {

namespace {

void print(FILE *stream, const QString &text)
{
    if (text.isEmpty())
        return;
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// Runs a function once, in its own event-loop slice, right after the
// watched window's first paint: the first frame is on screen before the work
// starts. If no paint comes (a platform that does not expose the window, a
// window started minimised), it runs after FallbackDelay anyway.
class AfterFirstPaint final : public QObject
{
public:
    static constexpr std::chrono::milliseconds FallbackDelay{1000};

    AfterFirstPaint(QWidget *window, std::function<void()> work)
        : QObject(window)
        , m_work(std::move(work))
    {
        window->installEventFilter(this);
        QTimer::singleShot(FallbackDelay, this, &AfterFirstPaint::runSoon);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            runSoon();
        return QObject::eventFilter(watched, event);
    }

private:
    void runSoon()
    {
        if (!m_work)
            return;
        parent()->removeEventFilter(this);
        // Not inside the paint: after it, once the frame is flushed.
        QTimer::singleShot(0, this, [this] {
            const std::function<void()> work = std::exchange(m_work, {});
            deleteLater();
            work();
        });
    }

    std::function<void()> m_work;
};

} // namespace

FontConfigWarmUp::FontConfigWarmUp()
{
#ifdef CASELENS_HAVE_FONTCONFIG
    // FcInit() is thread-safe: were Qt to ask first, fontconfig would load
    // its configuration once more and keep one, never a half-built one.
    m_thread = std::thread([] { FcInit(); });
#endif
}

FontConfigWarmUp::~FontConfigWarmUp()
{
    wait();
}

void FontConfigWarmUp::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

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

int runApplication(QApplication &app, FontConfigWarmUp *fonts)
{
    QApplication::setApplicationName(QStringLiteral("CaseLens"));
    QApplication::setOrganizationName(QStringLiteral("CaseLens"));
    QApplication::setOrganizationDomain(QStringLiteral("caselens.app"));
    QApplication::setApplicationVersion(QStringLiteral(CASELENS_VERSION));
    // Corporate networks often need the system's proxy (PAC, env variables).
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    // The language first, so that --help and usage errors speak it too.
    installTranslations(app, ClientSettings().language());

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const LaunchOptions options = parseCommandLine(QApplication::arguments(), environment);
    print(stdout, options.output);
    print(stderr, options.error);
    if (options.action == LaunchOptions::Action::Exit)
        return options.exitCode;

    if (options.selfTestStartup) {
        const QStringList problems = startupProblems();
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
    ApiKeyProvider keys(ApiKeyProvider::Storage::Keychain);
    Session session(&client, &keys);
    // --base-url / CASELENS_BASE_URL (validated by parseCommandLine), else
    // the saved server, else the default; the saved timeout.
    if (const ResolvedServer server = session.start(options.baseUrl); server.ignoredSaved.isError())
        print(stderr, QStringLiteral("caselens: ignoring the saved server URL %1: %2\n")
                          .arg(ClientSettings().serverUrl().toString(), server.ignoredSaved.message()));

    // CASELENS_API_KEY wins; else the keychain entry for the server, read in
    // the background once the window is painted (the session reacts).
    keys.loadFromEnvironment(environment);
    keys.announceLoad();

    // Icons the first frame does not show are read when first shown.
    QApplication::setStyle(new DeferredIconStyle(QApplication::style()->name()));
    Appearance::apply(Appearance::fromName(ClientSettings().appearance())); // System: unchanged
    if (fonts)
        fonts->wait();
    MainWindow window(&session);
    window.show();

    // Nothing slow before the first frame (issue 7, start-up budget): the
    // server for later launches, the keychain read (D-Bus), the TLS backend
    // check (it loads OpenSSL) and the window icon (image plugins) wait until
    // the window is painted. The probe of a running instance stays above.
    // A case from the command line opens after keys.load(), which marks the
    // key as loading: the page waits for it instead of saying "no API key".
    new AfterFirstPaint(&window, [&window, &instance, &keys, report = options.reportOpenedCases,
                                  caseNumber = options.caseNumber] {
        instance.listen();
        QObject::connect(&instance, &SingleInstance::activationRequested, &window,
                         [&window, report](const QString &caseNumber) {
                             window.activateFromOtherLaunch(caseNumber);
                             if (report)
                                 print(stdout, QStringLiteral("opened %1\n").arg(caseNumber));
                         });
        keys.load();
        for (const QString &problem : startupProblems())
            window.showStartupProblem(problem);
        QApplication::setWindowIcon(applicationIcon());
        if (!caseNumber.isEmpty())
            window.openCase(caseNumber);
    });
    if (options.demo && !window.startDemo()) {
        print(stderr, QStringLiteral("caselens: the demo server could not start\n"));
        return 1;
    }
    return QApplication::exec();
}

} // namespace CaseLens::Gui
