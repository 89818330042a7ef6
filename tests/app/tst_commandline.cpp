#include "app/commandline.h"

#include <QtTest>

using namespace CaseLens::Gui;

namespace {

LaunchOptions parse(QStringList arguments, const QProcessEnvironment &environment = {})
{
    arguments.prepend(QStringLiteral("caselens"));
    return parseCommandLine(arguments, environment);
}

QProcessEnvironment environmentWith(const QString &name, const QString &value)
{
    QProcessEnvironment environment;
    environment.insert(name, value);
    return environment;
}

} // namespace

class tst_CommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationName(QStringLiteral("CaseLens")); }
    void noArguments();
    void caseIsNormalised();
    void invalidCase();
    void versionAndHelp();
    void baseUrlFlag();
    void baseUrlFromEnvironment();
    void flagWinsOverEnvironment();
    void invalidBaseUrl_data();
    void invalidBaseUrl();
    void demo();
    void usageErrors();
};

void tst_CommandLine::noArguments()
{
    const LaunchOptions options = parse({});
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QVERIFY(options.caseNumber.isEmpty());
    QVERIFY(options.baseUrl.isEmpty());
    QVERIFY(!options.demo);
}

void tst_CommandLine::caseIsNormalised()
{
    const LaunchOptions options = parse({QStringLiteral(" #hyxtnjv ")});
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QCOMPARE(options.caseNumber, QStringLiteral("HYXTNJV"));
}

void tst_CommandLine::invalidCase()
{
    const LaunchOptions options = parse({QStringLiteral("HY-X")});
    QCOMPARE(options.action, LaunchOptions::Action::Exit);
    QCOMPARE(options.exitCode, 2);
    QVERIFY(options.error.startsWith(QStringLiteral("caselens: ")));
}

void tst_CommandLine::versionAndHelp()
{
    LaunchOptions options = parse({QStringLiteral("--version")});
    QCOMPARE(options.action, LaunchOptions::Action::Exit);
    QCOMPARE(options.exitCode, 0);
    QCOMPARE(options.output, QStringLiteral("CaseLens " CASELENS_VERSION "\n"));

    options = parse({QStringLiteral("--help")});
    QCOMPARE(options.action, LaunchOptions::Action::Exit);
    QCOMPARE(options.exitCode, 0);
    for (const char *expected : {"--base-url", "--demo", "CASELENS_API_KEY", "CASELENS_BASE_URL", "CASE"})
        QVERIFY2(options.output.contains(QString::fromLatin1(expected)), expected);
}

void tst_CommandLine::baseUrlFlag()
{
    const LaunchOptions options = parse(
        {QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("ABC1234")});
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QCOMPARE(options.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(options.caseNumber, QStringLiteral("ABC1234"));
}

void tst_CommandLine::baseUrlFromEnvironment()
{
    const LaunchOptions options = parse({}, environmentWith(QStringLiteral("CASELENS_BASE_URL"),
                                                            QStringLiteral("https://staging.example.com")));
    QCOMPARE(options.baseUrl, QUrl(QStringLiteral("https://staging.example.com")));
}

void tst_CommandLine::flagWinsOverEnvironment()
{
    const LaunchOptions options = parse(
        {QStringLiteral("--base-url=http://localhost:9000")},
        environmentWith(QStringLiteral("CASELENS_BASE_URL"), QStringLiteral("http://remote.example.com")));
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QCOMPARE(options.baseUrl, QUrl(QStringLiteral("http://localhost:9000")));
}

void tst_CommandLine::invalidBaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("http remote") << QStringLiteral("http://remote");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1");
    QTest::newRow("no scheme") << QStringLiteral("api-v3.sweeppea.com");
}

void tst_CommandLine::invalidBaseUrl()
{
    QFETCH(QString, url);
    LaunchOptions options = parse({QStringLiteral("--base-url"), url});
    QCOMPARE(options.action, LaunchOptions::Action::Exit);
    QCOMPARE(options.exitCode, 2);
    QVERIFY(options.error.contains(url));

    options = parse({}, environmentWith(QStringLiteral("CASELENS_BASE_URL"), url));
    QCOMPARE(options.exitCode, 2);
    QVERIFY(options.error.contains(QStringLiteral("CASELENS_BASE_URL")));
}

void tst_CommandLine::demo()
{
    LaunchOptions options = parse({QStringLiteral("--demo"), QStringLiteral("HYXTNJV")});
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QVERIFY(options.demo);
    QCOMPARE(options.caseNumber, QStringLiteral("HYXTNJV"));

    // The environment's server does not apply to the demo; a flag conflicts.
    options = parse({QStringLiteral("--demo")}, environmentWith(QStringLiteral("CASELENS_BASE_URL"),
                                                                QStringLiteral("https://x.example")));
    QCOMPARE(options.action, LaunchOptions::Action::Run);
    QVERIFY(options.baseUrl.isEmpty());
    options =
        parse({QStringLiteral("--demo"), QStringLiteral("--base-url"), QStringLiteral("https://x.example")});
    QCOMPARE(options.exitCode, 2);
}

void tst_CommandLine::usageErrors()
{
    LaunchOptions options = parse({QStringLiteral("--nope")});
    QCOMPARE(options.action, LaunchOptions::Action::Exit);
    QCOMPARE(options.exitCode, 2);
    options = parse({QStringLiteral("AAA1111"), QStringLiteral("BBB2222")});
    QCOMPARE(options.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
