// CredentialStore against a real Secret Service (GNOME Keyring, started by
// scripts/with-keyring.sh) and against real broken set-ups: no session bus,
// a bus without a Secret Service, a Secret Service that does not answer.
//
// libsecret (QtKeychain's backend) keeps its D-Bus connection for the whole
// process once it has one, so changing DBUS_SESSION_BUS_ADDRESS later has no
// effect: each broken set-up runs in a child process (this executable again,
// with CASELENS_TST_CHILD set), which prints one JSON line per result.
#include "core/credentialstore.h"
#include "support/testkeyring.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <atomic>

#ifdef CASELENS_TEST_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#endif

using namespace CaseLens;
using namespace CaseLens::Testing;

namespace {

using namespace std::chrono_literals;

// A loopback origin nobody else uses.
QUrl uniqueLoopbackServer()
{
    const quint16 port = quint16(20000 + QUuid::createUuid().data1 % 40000);
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v3").arg(port));
}

struct Outcome
{
    bool called = false;
    int calls = 0;
    CredentialResult result;
};

enum class Op { Read, Write, Remove };

// Runs one operation and waits for its callback with the event loop running.
Outcome run(CredentialStore &store, Op op, const QUrl &server, const QString &key = {})
{
    auto outcome = std::make_shared<Outcome>();
    auto done = [outcome](const CredentialResult &r) {
        outcome->called = true;
        ++outcome->calls;
        outcome->result = r;
    };
    switch (op) {
    case Op::Read:
        store.read(server, done);
        break;
    case Op::Write:
        store.write(server, key, done);
        break;
    case Op::Remove:
        store.remove(server, done);
        break;
    }
    [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return outcome->called; }, 15000);
    return *outcome;
}

// ---- child side ---------------------------------------------------------

#ifdef CASELENS_TEST_SECRET_SERVICE
// Owns org.freedesktop.secrets and answers nothing in time: every call gets
// an error reply only after replyAfterMs, well after the store gave up.
class SlowSecretService final : public QDBusVirtualObject
{
public:
    explicit SlowSecretService(int replyAfterMs)
        : m_replyAfterMs(replyAfterMs)
    {}

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        QTimer::singleShot(m_replyAfterMs, this, [this, message, connection] {
            connection.send(message.createErrorReply(QDBusError::Failed, QStringLiteral("too late")));
            ++lateReplies;
        });
        return true; // handled: QtDBus sends no reply of its own
    }

    std::atomic<int> lateReplies = 0;

private:
    int m_replyAfterMs;
};
#endif

void printLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

// Starts read, write and remove at once (QtKeychain queues them), reports
// each callback, then waits behind a fourth job for late answers to be ignored.
int runChild(const QByteArray &mode)
{
    const int timeoutMs = qEnvironmentVariableIntValue("CASELENS_TST_TIMEOUT_MS");
#ifdef CASELENS_TEST_SECRET_SERVICE
    std::unique_ptr<SlowSecretService> slow;
    if (mode == "slow-service") {
        slow = std::make_unique<SlowSecretService>(timeoutMs + 600);
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                            QStringLiteral("caselens-slow-secrets"));
        if (!bus.registerService(QStringLiteral("org.freedesktop.secrets")) ||
            !bus.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), slow.get(),
                                       QDBusConnection::SubPath)) {
            printLine({{QStringLiteral("setup"), QStringLiteral("could not own org.freedesktop.secrets")}});
            return 1;
        }
    }
#else
    Q_UNUSED(mode)
#endif
    CredentialStore store;
    store.setTimeout(std::chrono::milliseconds(timeoutMs));
    const QUrl server = uniqueLoopbackServer();
    int calls = 0;
    QElapsedTimer clock;
    clock.start();
    const auto report = [&](const char *op) {
        return [&calls, &clock, op](const CredentialResult &r) {
            ++calls;
            printLine({{QStringLiteral("op"), QLatin1String(op)},
                       {QStringLiteral("kind"), Error::kindName(r.error.kind())},
                       {QStringLiteral("found"), r.found},
                       {QStringLiteral("key"), r.key},
                       {QStringLiteral("ms"), clock.elapsed()},
                       {QStringLiteral("message"), r.error.message()}});
        };
    };
    store.read(server, report("read"));
    store.write(server, QStringLiteral("sk_never_stored"), report("write"));
    store.remove(server, report("remove"));
    (void)QTest::qWaitFor([&] { return calls >= 3; }, 3 * timeoutMs + 10000);
    // Late answers arrive after that and must be ignored. A fourth job is the
    // fence: QtKeychain runs one job at a time, so its answer (late too, hence
    // its own long timeout) comes only after the backend has answered every
    // job above, which is when a second callback would have fired.
    CredentialStore fence;
    fence.setTimeout(std::chrono::milliseconds(4 * timeoutMs + 20000));
    bool fenced = false;
    fence.read(server, [&fenced](const CredentialResult &) { fenced = true; });
    (void)QTest::qWaitFor([&] { return fenced; }, 4 * timeoutMs + 20000);
    QJsonObject summary{{QStringLiteral("callbacks"), calls}, {QStringLiteral("fenced"), fenced}};
#ifdef CASELENS_TEST_SECRET_SERVICE
    if (slow)
        summary.insert(QStringLiteral("late"), slow->lateReplies.load());
#endif
    printLine(summary);
    return 0;
}

} // namespace

// ---- parent side --------------------------------------------------------

class TestCredentialStore final : public QObject
{
    Q_OBJECT

    struct ChildRun
    {
        int exitCode = -1;
        QList<QJsonObject> results; // one per operation
        QJsonObject summary;
        QString stderrText;
    };

    ChildRun runChildProcess(const QByteArray &mode, const QString &busAddress, int timeoutMs)
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CASELENS_TST_CHILD"), QString::fromLatin1(mode));
        env.insert(QStringLiteral("CASELENS_TST_TIMEOUT_MS"), QString::number(timeoutMs));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        // QtKeychain picks KWallet on KDE: make it use the Secret Service.
        for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                 "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", "DISPLAY"})
            env.remove(QLatin1String(name));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        ChildRun run;
        if (!child.waitForFinished(60000)) {
            child.kill();
            child.waitForFinished();
            return run;
        }
        run.exitCode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
        run.stderrText = QString::fromUtf8(child.readAllStandardError());
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.contains(u"op"))
                run.results.append(object);
            else if (!object.isEmpty())
                run.summary = object;
        }
        return run;
    }

    // A session bus of our own with no services at all: no activation
    // directories, so nothing (no gnome-keyring) can be started on it.
    struct PrivateBus
    {
        QTemporaryDir dir;
        QProcess daemon;
        QString address;
        ~PrivateBus()
        {
            daemon.terminate();
            daemon.waitForFinished(5000);
        }
    };

    static bool startPrivateBus(PrivateBus &bus)
    {
        const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (dbusDaemon.isEmpty() || !bus.dir.isValid())
            return false;
        QFile config(bus.dir.filePath(QStringLiteral("bus.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:dir=" +
                     bus.dir.path().toUtf8() +
                     "</listen><auth>EXTERNAL</auth>"
                     "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                     "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        config.close();
        bus.daemon.start(dbusDaemon, {QStringLiteral("--config-file=") + config.fileName(),
                                      QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        if (!bus.daemon.waitForStarted(5000))
            return false;
        QElapsedTimer clock;
        clock.start();
        while (!bus.daemon.canReadLine() && clock.elapsed() < 5000)
            bus.daemon.waitForReadyRead(200);
        bus.address = QString::fromUtf8(bus.daemon.readLine()).trimmed();
        return !bus.address.isEmpty();
    }

    static void verifyUnavailable(const ChildRun &run, int timeoutMs, const QString &which)
    {
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.results.size(), 3);
        QVERIFY(run.summary.value(u"fenced").toBool());
        QCOMPARE(run.summary.value(u"callbacks").toInt(), 3); // exactly once each
        for (const QJsonObject &r : run.results) {
            const QString op = r.value(u"op").toString();
            QVERIFY2(r.value(u"kind").toString() == u"keychain", qPrintable(op));
            QVERIFY(!r.value(u"found").toBool());
            QVERIFY(r.value(u"key").toString().isEmpty());
            const QString message = r.value(u"message").toString();
            QVERIFY2(message.contains(which), qPrintable(message));
            QVERIFY2(message.contains(u"GNOME Keyring or KWallet"), qPrintable(message));
            QVERIFY2(message.contains(u"session only"), qPrintable(message));
            QVERIFY2(r.value(u"ms").toInteger() < timeoutMs, qPrintable(op)); // an answer, not our timeout
        }
    }

    QList<QUrl> m_written; // removed again at the end

private Q_SLOTS:
    void cleanupTestCase()
    {
        if (!keyringRequired())
            return;
        CredentialStore store;
        for (const QUrl &server : std::as_const(m_written))
            (void)run(store, Op::Remove, server);
    }

    void accountForServer_data()
    {
        QTest::addColumn<QUrl>("server");
        QTest::addColumn<QString>("account");
        const auto row = [](const char *name, const char *url, const char *account) {
            QTest::newRow(name) << QUrl(QString::fromUtf8(url)) << QString::fromUtf8(account);
        };
        row("production", "https://api-v3.sweeppea.com", "https://api-v3.sweeppea.com");
        row("trailing slash", "https://api-v3.sweeppea.com/", "https://api-v3.sweeppea.com");
        row("upper case", "HTTPS://API-v3.Sweeppea.COM/", "https://api-v3.sweeppea.com");
        row("default port", "https://api-v3.sweeppea.com:443/v3/tickets", "https://api-v3.sweeppea.com");
        row("path query fragment", "https://api-v3.sweeppea.com/v3?x=1#top", "https://api-v3.sweeppea.com");
        row("user info", "https://agent:secret@api-v3.sweeppea.com", "https://api-v3.sweeppea.com");
        row("other port", "https://staging.sweeppea.com:8443/", "https://staging.sweeppea.com:8443");
        row("loopback", "http://127.0.0.1:8080/v3", "http://127.0.0.1:8080");
        row("http default port", "http://localhost:80", "http://localhost");
        row("ipv6", "http://[::1]:9000", "http://[::1]:9000");
        row("idn", "https://bücher.example/", "https://xn--bcher-kva.example");
        row("empty", "", "");
        row("relative", "api-v3.sweeppea.com", "");
        row("no host", "file:///tmp/x", "");
    }

    void accountForServer()
    {
        QFETCH(QUrl, server);
        QFETCH(QString, account);
        QCOMPARE(CredentialStore::accountForServer(server), account);
        QCOMPARE(CredentialStore::serviceName(), QStringLiteral("CaseLens"));
    }

    void timeoutSetting()
    {
        CredentialStore store;
        QCOMPARE(store.timeout(), 5000ms);
        store.setTimeout(250ms);
        QCOMPARE(store.timeout(), 250ms);
    }

    void invalidInputAnswersLater()
    {
        CredentialStore store;
        bool called = false;
        CredentialResult result;
        store.read(QUrl(), [&](const CredentialResult &r) {
            called = true;
            result = r;
        });
        QVERIFY(!called); // never from inside read()
        QTRY_VERIFY(called);
        QCOMPARE(result.error.kind(), ErrorKind::InvalidInput);

        const Outcome empty = run(store, Op::Write, uniqueLoopbackServer(), QString());
        QCOMPARE(empty.result.error.kind(), ErrorKind::InvalidInput);
        QCOMPARE(empty.calls, 1);
    }

    void roundTrip()
    {
        REQUIRE_TEST_KEYRING();
        CredentialStore store;
        const QUrl server = uniqueLoopbackServer();
        m_written << server;
        const QString first = uniqueKey("sk_live_first_");
        const QString second = uniqueKey("sk_live_second_");

        Outcome o = run(store, Op::Write, server, first);
        QVERIFY2(o.result.ok(), qPrintable(o.result.error.message()));
        QVERIFY(o.result.found);
        QVERIFY(o.result.key.isEmpty()); // a write never hands the key back

        o = run(store, Op::Read, server);
        QVERIFY2(o.result.ok(), qPrintable(o.result.error.message()));
        QVERIFY(o.result.found);
        QCOMPARE(o.result.key, first);

        o = run(store, Op::Write, server, second); // overwrite
        QVERIFY(o.result.ok());
        o = run(store, Op::Read, server);
        QCOMPARE(o.result.key, second);

        // The same entry under a differently spelt URL of the same origin.
        QUrl spelt = server;
        spelt.setPath(QStringLiteral("/other/path/"));
        spelt.setHost(QStringLiteral("127.0.0.1"));
        o = run(store, Op::Read, spelt);
        QCOMPARE(o.result.key, second);

        o = run(store, Op::Remove, server);
        QVERIFY2(o.result.ok(), qPrintable(o.result.error.message()));
        QVERIFY(!o.result.found);

        o = run(store, Op::Read, server);
        QVERIFY(o.result.ok()); // not found is no error
        QVERIFY(!o.result.found);
        QVERIFY(o.result.key.isEmpty());

        o = run(store, Op::Remove, server); // nothing left: still fine
        QVERIFY(o.result.ok());
        QCOMPARE(o.calls, 1);
    }

    void unicodeKey()
    {
        REQUIRE_TEST_KEYRING();
        CredentialStore store;
        const QUrl server = uniqueLoopbackServer();
        m_written << server;
        const QString key = uniqueKey("ключ-✓-");
        QVERIFY(run(store, Op::Write, server, key).result.ok());
        QCOMPARE(run(store, Op::Read, server).result.key, key);
        QVERIFY(run(store, Op::Remove, server).result.ok());
    }

    void perServerSeparation()
    {
        REQUIRE_TEST_KEYRING();
        // The real production origin only in with-keyring.sh's throwaway keyring.
        const QUrl production = qEnvironmentVariableIsSet("CASELENS_IN_KEYRING_SESSION")
                                    ? QUrl(QStringLiteral("https://api-v3.sweeppea.com"))
                                    : QUrl(QStringLiteral("https://api-v3.sweeppea.invalid"));
        const QUrl loopback = uniqueLoopbackServer();
        m_written << production << loopback;
        const QString productionKey = uniqueKey("sk_live_prod_");
        const QString loopbackKey = uniqueKey("sk_test_loop_");
        CredentialStore store;
        QVERIFY(run(store, Op::Write, production, productionKey).result.ok());
        QVERIFY(run(store, Op::Write, loopback, loopbackKey).result.ok());
        QCOMPARE(run(store, Op::Read, production).result.key, productionKey);
        QCOMPARE(run(store, Op::Read, loopback).result.key, loopbackKey);

        QVERIFY(run(store, Op::Remove, loopback).result.ok());
        QVERIFY(!run(store, Op::Read, loopback).result.found);
        const Outcome stillThere = run(store, Op::Read, production);
        QVERIFY(stillThere.result.found);
        QCOMPARE(stillThere.result.key, productionKey);
        QVERIFY(run(store, Op::Remove, production).result.ok());
    }

    void destroyedStoreNeverCallsBack()
    {
        REQUIRE_TEST_KEYRING();
        bool called = false;
        const QUrl server = uniqueLoopbackServer();
        m_written << server;
        auto store = std::make_unique<CredentialStore>();
        store->read(server, [&](const CredentialResult &) { called = true; });
        store->write(server, QStringLiteral("x"), [&](const CredentialResult &) { called = true; });
        store.reset(); // the jobs run on and delete themselves
        // QtKeychain runs one job at a time: once a later read of the same
        // entry sees "x", both orphaned jobs have finished, and called nobody.
        // The keychain still works afterwards.
        CredentialStore again;
        const Outcome after = run(again, Op::Read, server);
        QVERIFY(after.result.ok());
        QVERIFY(after.result.found);
        QCOMPARE(after.result.key, QStringLiteral("x"));
        QVERIFY(!called);
    }

    void callbackMayDestroyTheStore()
    {
        REQUIRE_TEST_KEYRING();
        auto *store = new CredentialStore;
        bool called = false;
        store->read(uniqueLoopbackServer(), [&](const CredentialResult &) {
            called = true;
            delete store;
        });
        QTRY_VERIFY(called);
        // The job that called back finishes unwinding with the store gone; a
        // full round trip later, nothing crashed and the keychain still works.
        CredentialStore again;
        QVERIFY(run(again, Op::Read, uniqueLoopbackServer()).result.ok());
    }

    void noSessionBus()
    {
        const ChildRun run =
            runChildProcess("no-bus", QStringLiteral("unix:path=/nonexistent/caselens-bus"), 3000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        verifyUnavailable(run, 3000, QStringLiteral("No keychain service is running"));
    }

    void busWithoutSecretService()
    {
        PrivateBus bus;
        if (!startPrivateBus(bus)) {
            if (keyringRequired())
                QFAIL("could not start dbus-daemon (install dbus-daemon)");
            QSKIP("dbus-daemon is not available");
        }
        const ChildRun run = runChildProcess("no-service", bus.address, 3000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        verifyUnavailable(run, 3000, QStringLiteral("No keychain service is running"));
    }

    void silentSecretServiceTimesOut()
    {
#ifndef CASELENS_TEST_SECRET_SERVICE
        QSKIP("needs Qt DBus (Linux)");
#else
        PrivateBus bus;
        if (!startPrivateBus(bus)) {
            if (keyringRequired())
                QFAIL("could not start dbus-daemon (install dbus-daemon)");
            QSKIP("dbus-daemon is not available");
        }
        const int timeoutMs = 400;
        const ChildRun run = runChildProcess("slow-service", bus.address, timeoutMs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        QCOMPARE(run.results.size(), 3);
        for (const QJsonObject &r : run.results) {
            QCOMPARE(r.value(u"kind").toString(), QStringLiteral("keychain"));
            const QString message = r.value(u"message").toString();
            QVERIFY2(message.contains(u"did not answer within 0.4 s"), qPrintable(message));
            const qint64 ms = r.value(u"ms").toInteger();
            QVERIFY2(ms >= timeoutMs - 50 && ms < timeoutMs + 2000, qPrintable(QString::number(ms)));
        }
        // The service did answer, late; the store ignored it: one callback each.
        QVERIFY(run.summary.value(u"fenced").toBool());
        QVERIFY(run.summary.value(u"late").toInt() >= 1);
        QCOMPARE(run.summary.value(u"callbacks").toInt(), 3);
#endif
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (const QByteArray mode = qgetenv("CASELENS_TST_CHILD"); !mode.isEmpty())
        return runChild(mode);
    TestCredentialStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
