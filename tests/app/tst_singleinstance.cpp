// SingleInstance (a second launch hands its case to the running one),
// caselens:// link parsing, and, end to end, the real caselens binary: one
// instance in demo mode, a second launch with a link that exits at once.
#include "app/commandline.h"
#include "app/mainwindow.h"
#include "app/singleinstance.h"
#include "app/startup.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <future>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace std::chrono_literals;

namespace {

QString uniqueServerName()
{
    return QStringLiteral("caselens-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// The client blocks while waiting for "ok": it runs on another thread so
// the server's event loop (this thread) can answer.
std::future<bool> sendAsync(const QString &serverName, const QString &caseNumber,
                            std::chrono::milliseconds timeout = 3000ms)
{
    return std::async(std::launch::async, [serverName, caseNumber, timeout] {
        SingleInstance client(serverName);
        return client.sendToRunning(caseNumber, timeout);
    });
}

QString caselensBinary()
{
    return QStringLiteral(CASELENS_BINARY);
}

} // namespace

class tst_SingleInstance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void noRunningInstance();
    void handsOverCase();
    void raiseWithoutCase();
    void ignoresGarbage();
    void staleSocketIsReplaced();
    void defaultNameIsPerUser();
    void urlParsing_data();
    void urlParsing();
    void commandLineLinks();
    void tlsProblemWithoutPlugins();
    void helpSpeaksTheDesktopLanguage();
    void startupProblemBanner();
    void endToEnd();
};

void tst_SingleInstance::noRunningInstance()
{
    SingleInstance client(uniqueServerName());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!client.sendToRunning(QStringLiteral("HYXTNJV"), 500ms));
    QVERIFY(timer.elapsed() < 2000);
}

void tst_SingleInstance::handsOverCase()
{
    const QString name = uniqueServerName();
    SingleInstance server(name);
    QVERIFY(server.listen());
    QVERIFY(server.isListening());
    QSignalSpy spy(&server, &SingleInstance::activationRequested);

    auto sent = sendAsync(name, QStringLiteral("HYXTNJV"));
    QTRY_VERIFY_WITH_TIMEOUT(sent.wait_for(0ms) == std::future_status::ready, 10000);
    QVERIFY(sent.get());
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("HYXTNJV"));

    // Several launches, one after the other.
    auto second = sendAsync(name, QStringLiteral("ABC1234"));
    QTRY_VERIFY_WITH_TIMEOUT(second.wait_for(0ms) == std::future_status::ready, 10000);
    QVERIFY(second.get());
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("ABC1234"));
}

void tst_SingleInstance::raiseWithoutCase()
{
    const QString name = uniqueServerName();
    SingleInstance server(name);
    QVERIFY(server.listen());
    QSignalSpy spy(&server, &SingleInstance::activationRequested);
    auto sent = sendAsync(name, {});
    QTRY_VERIFY_WITH_TIMEOUT(sent.wait_for(0ms) == std::future_status::ready, 10000);
    QVERIFY(sent.get());
    QTRY_COMPARE(spy.size(), 1);
    QVERIFY(spy.at(0).at(0).toString().isEmpty());
}

void tst_SingleInstance::ignoresGarbage()
{
    const QString name = uniqueServerName();
    SingleInstance server(name);
    QVERIFY(server.listen());
    QSignalSpy spy(&server, &SingleInstance::activationRequested);
    for (const QByteArray &line : {QByteArray("open ../../etc\n"), QByteArray("delete everything\n"),
                                   QByteArray("open \n"), QByteArray(4096, 'x')}) {
        QLocalSocket socket;
        socket.connectToServer(name);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(line);
        QVERIFY(socket.waitForBytesWritten(2000));
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
        QVERIFY(!socket.readAll().contains("ok"));
    }
    QCOMPARE(spy.size(), 0);
}

void tst_SingleInstance::staleSocketIsReplaced()
{
#ifdef Q_OS_UNIX
    // A crashed instance leaves its socket file behind.
    const QString name = uniqueServerName();
    {
        QFile stale(QDir::tempPath() + u'/' + name);
        QVERIFY(stale.open(QIODevice::WriteOnly));
    }
    SingleInstance client(name);
    QVERIFY(!client.sendToRunning(QStringLiteral("HYXTNJV"), 300ms));
    SingleInstance server(name);
    QVERIFY(server.listen());
    auto sent = sendAsync(name, QStringLiteral("HYXTNJV"));
    QTRY_VERIFY_WITH_TIMEOUT(sent.wait_for(0ms) == std::future_status::ready, 10000);
    QVERIFY(sent.get());
#else
    QSKIP("Unix sockets only");
#endif
}

void tst_SingleInstance::defaultNameIsPerUser()
{
    const QByteArray saved = qgetenv("CASELENS_INSTANCE_NAME");
    qunsetenv("CASELENS_INSTANCE_NAME");
    const QString name = SingleInstance::defaultServerName();
    QVERIFY(name.startsWith(QStringLiteral("caselens-")));
    QCOMPARE(name.size(), 9 + 16);
    QVERIFY(!name.contains(qEnvironmentVariable("USER")) || qEnvironmentVariable("USER").isEmpty());
    qputenv("CASELENS_INSTANCE_NAME", "caselens-override");
    QCOMPARE(SingleInstance::defaultServerName(), QStringLiteral("caselens-override"));
    if (saved.isEmpty())
        qunsetenv("CASELENS_INSTANCE_NAME");
    else
        qputenv("CASELENS_INSTANCE_NAME", saved);
}

void tst_SingleInstance::urlParsing_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("caseNumber"); // empty: rejected

    QTest::newRow("plain") << "caselens://ticket/HYXTNJV"
                           << "HYXTNJV";
    QTest::newRow("lower-case case") << "caselens://ticket/hyxtnjv"
                                     << "HYXTNJV";
    QTest::newRow("upper-case scheme and host") << "CASELENS://TICKET/HYXTNJV"
                                                << "HYXTNJV";
    QTest::newRow("spaces around") << "  caselens://ticket/HYXTNJV \n"
                                   << "HYXTNJV";
    QTest::newRow("other host") << "caselens://case/HYXTNJV"
                                << "";
    QTest::newRow("no host") << "caselens:/ticket/HYXTNJV"
                             << "";
    QTest::newRow("opaque") << "caselens:HYXTNJV"
                            << "";
    QTest::newRow("no case") << "caselens://ticket/"
                             << "";
    QTest::newRow("no path") << "caselens://ticket"
                             << "";
    QTest::newRow("two segments") << "caselens://ticket/HYXTNJV/notes"
                                  << "";
    QTest::newRow("trailing slash") << "caselens://ticket/HYXTNJV/"
                                    << "";
    QTest::newRow("dot dot") << "caselens://ticket/../HYXTNJV"
                             << "";
    QTest::newRow("query") << "caselens://ticket/HYXTNJV?delete=1"
                           << "";
    QTest::newRow("fragment") << "caselens://ticket/HYXTNJV#x"
                              << "";
    QTest::newRow("user info") << "caselens://me@ticket/HYXTNJV"
                               << "";
    QTest::newRow("port") << "caselens://ticket:80/HYXTNJV"
                          << "";
    QTest::newRow("encoded slash") << "caselens://ticket/HYX%2FTNJV"
                                   << "";
    QTest::newRow("bad case") << "caselens://ticket/NO!"
                              << "";
    QTest::newRow("other scheme") << "https://ticket/HYXTNJV"
                                  << "";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_SingleInstance::urlParsing()
{
    QFETCH(QString, url);
    QFETCH(QString, caseNumber);
    const ParsedCaseNumber result = CaseNumber::parse(url);
    if (caseNumber.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidInput);
        QVERIFY(result.text().isEmpty());
    } else {
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.text(), caseNumber);
    }
}

void tst_SingleInstance::commandLineLinks()
{
    const QProcessEnvironment environment;
    const QString program = QStringLiteral("caselens");
    LaunchOptions options =
        parseCommandLine({program, QStringLiteral("caselens://ticket/hyxtnjv")}, environment);
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QCOMPARE(options.caseNumber, QStringLiteral("HYXTNJV"));
    QVERIFY(options.error.isEmpty());

    // A bad link is ignored with a line on stderr; the app still starts.
    options = parseCommandLine({program, QStringLiteral("caselens://ticket/HYXTNJV?x=1")}, environment);
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QVERIFY(options.caseNumber.isEmpty());
    QVERIFY(options.error.startsWith(QStringLiteral("caselens: ignoring")));
    QVERIFY(options.error.endsWith(u'\n'));

    options = parseCommandLine({program, QStringLiteral("HYXTNJV")}, environment);
    QCOMPARE(options.caseNumber, QStringLiteral("HYXTNJV"));

    // The hidden options are accepted and not advertised.
    options = parseCommandLine({program, QStringLiteral("--self-test-startup")}, environment);
    QVERIFY(options.selfTestStartup);
    options = parseCommandLine({program, QStringLiteral("--help")}, environment);
    QVERIFY(!options.output.contains(QStringLiteral("self-test")));
    QVERIFY(!options.output.contains(QStringLiteral("report-opened")));
}

// The language is installed before the command line is parsed, so --help
// and usage errors are in the desktop's language too.
void tst_SingleInstance::helpSpeaksTheDesktopLanguage()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const auto run = [&home](const QString &lang, const QStringList &arguments) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("LANG"), lang);
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(caselensBinary(), arguments);
        process.waitForFinished(30000);
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    };
    const QString spanish = run(QStringLiteral("es_ES.UTF-8"), {QStringLiteral("--help")});
    QVERIFY2(spanish.contains(QStringLiteral("CaseLens muestra tickets de soporte de Sweeppea.")),
             qPrintable(spanish));
    const QString german = run(QStringLiteral("de_DE.UTF-8"), {QStringLiteral("--help")});
    QVERIFY2(german.contains(QStringLiteral("CaseLens zeigt Sweeppea-Supporttickets an.")),
             qPrintable(german));
    const QString english = run(QStringLiteral("C.UTF-8"), {QStringLiteral("--help")});
    QVERIFY2(english.contains(QStringLiteral("CaseLens shows Sweeppea support tickets.")),
             qPrintable(english));
}

void tst_SingleInstance::tlsProblemWithoutPlugins()
{
    // In this test process the TLS backend is there.
    QVERIFY2(tlsBackendProblem().isEmpty(), qPrintable(tlsBackendProblem()));
    QVERIFY(startupProblems().isEmpty());

    // A deployment without Qt's plugins: QT_PLUGIN_PATH only adds
    // directories, so the binary is copied next to a qt.conf whose Plugins
    // directory is empty. The offscreen platform plugin is found through
    // QT_QPA_PLATFORM_PLUGIN_PATH (the real platforms directory).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("emptyplugins")));
    const QString binary = dir.filePath(QStringLiteral("caselens"));
    QVERIFY(QFile::copy(caselensBinary(), binary));
    QFile conf(dir.filePath(QStringLiteral("qt.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[Paths]\nPlugins=" + dir.filePath(QStringLiteral("emptyplugins")).toUtf8() + '\n');
    conf.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_PLUGIN_PATH"), dir.filePath(QStringLiteral("emptyplugins")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM_PLUGIN_PATH"),
                       QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platforms"));
    environment.insert(QStringLiteral("CASELENS_INSTANCE_NAME"), uniqueServerName());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binary, {QStringLiteral("--self-test-startup")});
    QVERIFY(process.waitForFinished(30000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 1, QByteArray(out + err).constData());
    QVERIFY2(out.contains("Secure connections are not available: the TLS backend (OpenSSL) is missing. "
                          "Install libssl3 / reinstall CaseLens."),
             QByteArray(out + err).constData());

    // The same binary with Qt's plugins: no problems.
    QFile::remove(conf.fileName());
    environment.remove(QStringLiteral("QT_PLUGIN_PATH"));
    process.setProcessEnvironment(environment);
    process.start(binary, {QStringLiteral("--self-test-startup")});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0,
             QByteArray(process.readAllStandardOutput() + process.readAllStandardError()).constData());
}

void tst_SingleInstance::startupProblemBanner()
{
    QNetworkAccessManager network;
    ApiClient client(&network);
    ApiKeyProvider keys;
    Session session(&client, &keys);
    MainWindow window(&session);
    window.show();
    const QString message = QStringLiteral("Secure connections are not available: test");
    window.showStartupProblem(message);
    auto *banner = window.findChild<QLabel *>(QStringLiteral("startupProblemBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(message));
    // Demo mode still works, and the banner stays.
    QVERIFY(window.startDemo());
    QVERIFY(banner->isVisible());
    QVERIFY(window.startupProblem().contains(message));
}

void tst_SingleInstance::endToEnd()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CASELENS_INSTANCE_NAME"), uniqueServerName());
    // Its own settings, and no keychain: the demo needs no key.
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("CASELENS_API_KEY"), QStringLiteral("unused"));

    QProcess first;
    first.setProcessEnvironment(environment);
    first.start(caselensBinary(), {QStringLiteral("--demo"), QStringLiteral("--report-opened-cases")});
    QVERIFY(first.waitForStarted());
    const auto cleanup = qScopeGuard([&first] {
        first.kill();
        first.waitForFinished();
    });

    // The first instance listens once its window is up.
    const QString name = environment.value(QStringLiteral("CASELENS_INSTANCE_NAME"));
    const auto listening = [&name] {
        QLocalSocket probe;
        probe.connectToServer(name);
        const bool connected = probe.waitForConnected(200);
        probe.abort();
        return connected;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listening() || first.state() != QProcess::Running, 30000);
    QVERIFY2(first.state() == QProcess::Running, first.readAllStandardError().constData());

    QProcess second;
    second.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    second.start(caselensBinary(), {QStringLiteral("caselens://ticket/hyxtnjv")});
    QVERIFY2(second.waitForFinished(10000), "the second launch should hand over and exit");
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
    QVERIFY2(timer.elapsed() < 10000, "the second launch should exit quickly");

    QByteArray firstOutput;
    QTRY_VERIFY_WITH_TIMEOUT((firstOutput += first.readAllStandardOutput()).contains("opened HYXTNJV"),
                             10000);
    QCOMPARE(first.state(), QProcess::Running); // still there, one window
}

QTEST_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
