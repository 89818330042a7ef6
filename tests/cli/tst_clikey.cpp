// caselens-cli key set/status/forget and fetch's keychain lookup, end to end:
// the real executable, a real Secret Service (scripts/with-keyring.sh runs
// an unlocked throwaway GNOME Keyring) and the loopback FakeServer.
#include "support/fakeserver.h"
#include "support/sampledata.h"
#include "support/testkeyring.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace CaseLens::Testing;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString noBus = QStringLiteral("unix:path=/nonexistent/caselens-bus");

} // namespace

class TestCliKey final : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_home; // HOME and XDG_* of every run
    QStringList m_output;                  // everything every run printed
    QStringList m_keys;                    // every key used: never printed

    // Runs caselens-cli with stdin (closed after writing), a HOME inside
    // m_home, no CASELENS_* from the outside, plus env. Waits with the
    // event loop running: the fake server lives in this process.
    Run run(const QStringList &arguments, const QByteArray &input = {},
            const QHash<QString, QString> &env = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name :
             {"CASELENS_API_KEY", "CASELENS_BASE_URL", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
              "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
            environment.remove(QLatin1String(name));
        const QString home = m_home->path();
        environment.insert(QStringLiteral("HOME"), home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        for (auto it = env.begin(); it != env.end(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(CASELENS_CLI_PATH), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(30000)) {
            process.kill();
            process.waitForFinished();
        }
        Run r{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
              QString::fromUtf8(process.readAllStandardOutput()),
              QString::fromUtf8(process.readAllStandardError())};
        m_output << r.out << r.err;
        return r;
    }

    Run key(const QString &action, const QUrl &server, const QByteArray &input = {},
            const QHash<QString, QString> &env = {})
    {
        return run({QStringLiteral("key"), action, QStringLiteral("--base-url"), server.toString()}, input,
                   env);
    }

    Run fetch(const QUrl &server, const QHash<QString, QString> &env = {})
    {
        return run({QStringLiteral("fetch"), QStringLiteral("--json"), QStringLiteral("--base-url"),
                    server.toString(), QStringLiteral("HYXTNJV")},
                   {}, env);
    }

    static std::unique_ptr<FakeServer> startServer()
    {
        auto server = std::make_unique<FakeServer>();
        if (!server->listen())
            return {};
        server->serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        return server;
    }

    // Files under dir whose bytes contain text (UTF-8 or UTF-16).
    static QStringList filesContaining(const QString &dir, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        QStringList hits;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly)) {
                hits << file.fileName() + QStringLiteral(" (unreadable)");
                continue;
            }
            const QByteArray bytes = file.readAll();
            if (bytes.contains(utf8) || bytes.contains(utf16))
                hits << file.fileName();
        }
        return hits;
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_output.clear();
    }

    void cleanup()
    {
        // The key never reaches standard output or standard error.
        for (const QString &k : std::as_const(m_keys))
            for (const QString &text : std::as_const(m_output))
                QVERIFY2(!text.contains(k), "a key was printed");
        m_keys.clear();
        m_home.reset();
    }

    void help()
    {
        Run r = run({QStringLiteral("key"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: caselens-cli key")));
        for (const char *word :
             {"set", "status", "forget", "--base-url", "standard input", "CASELENS_API_KEY", "Exit codes"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
        r = run({QStringLiteral("--help")});
        QVERIFY(r.out.contains(QStringLiteral("key ACTION")));
        r = run({QStringLiteral("fetch"), QStringLiteral("--help")});
        QVERIFY(r.out.contains(QStringLiteral("CASELENS_API_KEY, else the keychain")));
    }

    void keyIsNeverAnArgument()
    {
        const QString secret = uniqueKey("sk_live_arg_");
        m_keys << secret;
        Run r = run({QStringLiteral("key"), QStringLiteral("set"), secret});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("standard input")));
        r = run({QStringLiteral("key"), secret}); // pasted where the action goes
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("key")});
        QCOMPARE(r.exitCode, 2);
    }

    void emptyInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("blank lines") << QByteArray(" \n\t\n");
        QTest::newRow("two lines") << QByteArray("sk_a\nsk_b\n");
    }

    void emptyInputIsRefused()
    {
        QFETCH(QByteArray, input);
        // An unreachable keychain proves that nothing was even tried.
        const Run r = key(QStringLiteral("set"), QUrl(QStringLiteral("http://127.0.0.1:9")), input,
                          {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), noBus}});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count(u'\n'), 1);
        QCOMPARE(r.out, QString());
    }

    // set -> status -> fetch with the stored key -> forget -> status -> fetch,
    // all categories logging; then no file under HOME holds the key.
    void fullSession()
    {
        REQUIRE_TEST_KEYRING();
        const auto server = startServer();
        QVERIFY(server);
        const QString secret = uniqueKey("sk_live_session_");
        m_keys << secret;
        const QString origin = server->url().toString();

        Run r = key(QStringLiteral("set"), server->url(), secret.toUtf8() + "\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Saved the API key for %1 in the system keychain.\n").arg(origin));

        r = key(QStringLiteral("status"), server->url());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("An API key is stored for %1.\n").arg(origin));

        r = fetch(server->url());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(server->requestCount(), 1);
        QCOMPARE(server->requests().constLast().header("authorization"), "Bearer " + secret.toUtf8());
        QVERIFY(r.out.contains(QStringLiteral("HYXTNJV")));

        r = key(QStringLiteral("forget"), server->url());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Forgot the API key for %1.\n").arg(origin));

        r = key(QStringLiteral("status"), server->url());
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.out, QStringLiteral("No API key stored for %1.\n").arg(origin));

        r = fetch(server->url());
        QCOMPARE(r.exitCode, 3);
        QVERIFY(
            r.err.contains(QStringLiteral("No API key: set CASELENS_API_KEY or run caselens-cli key set")));
        QCOMPARE(server->requestCount(), 1); // nothing sent without a key

        r = key(QStringLiteral("forget"), server->url());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("nothing to forget")));

        // The runs logged (all categories on) and still printed no key (cleanup()).
        QVERIFY(m_output.join(QString()).contains(QStringLiteral("caselens.keychain")));

        // gnome-keyring keeps its (encrypted) keyrings in with-keyring.sh's
        // own XDG_DATA_HOME, outside this HOME, so nothing is excluded here.
        const QString keyringData = qEnvironmentVariable("XDG_DATA_HOME");
        QVERIFY(keyringData.isEmpty() || !keyringData.startsWith(m_home->path()));
        QCOMPARE(filesContaining(m_home->path(), secret), QStringList());

        // The scan itself works.
        QFile probe(m_home->filePath(QStringLiteral(".cache/probe")));
        QVERIFY(QDir().mkpath(QFileInfo(probe).absolutePath()) && probe.open(QIODevice::WriteOnly));
        probe.write("x" + secret.toUtf8() + "y");
        probe.close();
        QCOMPARE(filesContaining(m_home->path(), secret).size(), 1);
    }

    void keysAreKeptPerServer()
    {
        REQUIRE_TEST_KEYRING();
        const auto first = startServer();
        const auto second = startServer();
        QVERIFY(first && second);
        const QString firstKey = uniqueKey("sk_live_first_");
        const QString secondKey = uniqueKey("sk_test_second_");
        m_keys << firstKey << secondKey;

        QCOMPARE(key(QStringLiteral("set"), first->url(), firstKey.toUtf8()).exitCode, 0);
        QCOMPARE(key(QStringLiteral("set"), second->url(), secondKey.toUtf8() + "\r\n").exitCode, 0);

        QCOMPARE(fetch(first->url()).exitCode, 0);
        QCOMPARE(first->requests().constLast().header("authorization"), "Bearer " + firstKey.toUtf8());
        QCOMPARE(fetch(second->url()).exitCode, 0);
        QCOMPARE(second->requests().constLast().header("authorization"), "Bearer " + secondKey.toUtf8());

        // CASELENS_BASE_URL picks the entry as --base-url does.
        Run r =
            run({QStringLiteral("key"), QStringLiteral("status")}, {},
                {{QStringLiteral("CASELENS_BASE_URL"), second->url().toString() + QStringLiteral("/v3/")}});
        QCOMPARE(r.exitCode, 0);

        QCOMPARE(key(QStringLiteral("forget"), first->url()).exitCode, 0);
        QCOMPARE(key(QStringLiteral("status"), first->url()).exitCode, 3);
        QCOMPARE(key(QStringLiteral("status"), second->url()).exitCode, 0); // untouched
        QCOMPARE(key(QStringLiteral("forget"), second->url()).exitCode, 0);
    }

    void environmentKeyWins()
    {
        REQUIRE_TEST_KEYRING();
        const auto server = startServer();
        QVERIFY(server);
        const QString stored = uniqueKey("sk_live_stored_");
        const QString fromEnvironment = uniqueKey("sk_live_env_");
        m_keys << stored << fromEnvironment;
        QCOMPARE(key(QStringLiteral("set"), server->url(), stored.toUtf8()).exitCode, 0);
        const Run r = fetch(server->url(), {{QStringLiteral("CASELENS_API_KEY"), fromEnvironment}});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(server->requests().constLast().header("authorization"),
                 "Bearer " + fromEnvironment.toUtf8());
        QCOMPARE(key(QStringLiteral("forget"), server->url()).exitCode, 0);
    }

    void unavailableKeychain_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("set") << QStringLiteral("set");
        QTest::newRow("status") << QStringLiteral("status");
        QTest::newRow("forget") << QStringLiteral("forget");
        QTest::newRow("fetch") << QStringLiteral("fetch");
    }

    void unavailableKeychain()
    {
        QFETCH(QString, action);
        const auto server = startServer();
        QVERIFY(server);
        const QString secret = uniqueKey("sk_live_nowhere_");
        m_keys << secret;
        const QHash<QString, QString> env{{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), noBus}};
        const Run r =
            action == u"fetch" ? fetch(server->url(), env) : key(action, server->url(), secret.toUtf8(), env);
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(r.out, QString());
        const QStringList errorLines =
            r.err.split(u'\n', Qt::SkipEmptyParts).filter(QStringLiteral("caselens-cli:"));
        QCOMPARE(errorLines.size(), 1); // one clear line (debug logging aside)
        QVERIFY2(errorLines.constFirst().contains(QStringLiteral("No keychain service is running")),
                 qPrintable(errorLines.constFirst()));
        QVERIFY(errorLines.constFirst().contains(QStringLiteral("set CASELENS_API_KEY instead")));
        QCOMPARE(server->requestCount(), 0);
    }

    void unavailableKeychainPlainOutput()
    {
        // Without debug logging stderr is exactly that one line.
        const Run r = key(
            QStringLiteral("status"), QUrl(QStringLiteral("http://127.0.0.1:9")), {},
            {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), noBus}, {QStringLiteral("QT_LOGGING_RULES"), {}}});
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY(r.err.startsWith(QStringLiteral("caselens-cli: No keychain service is running")));
    }

    void environmentKeyWorksWithoutKeychain()
    {
        const auto server = startServer();
        QVERIFY(server);
        const QString fromEnvironment = uniqueKey("sk_live_env_");
        m_keys << fromEnvironment;
        const Run r = fetch(server->url(), {{QStringLiteral("CASELENS_API_KEY"), fromEnvironment},
                                            {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), noBus}});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(server->requests().constLast().header("authorization"),
                 "Bearer " + fromEnvironment.toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestCliKey)
#include "tst_clikey.moc"
