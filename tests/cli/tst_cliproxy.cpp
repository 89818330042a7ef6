// caselens-cli through a proxy (support/connectproxy): credentials from the
// proxy URL or the keychain, the exact advice when there are none, the
// rejected pair, and a proxy that is down, each naming the proxy.
#include "core/credentialstore.h"
#include "support/cliprocess.h"
#include "support/connectproxy.h"
#include "support/fakeserver.h"
#include "support/sampledata.h"
#include "support/testkeyring.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;

class TestCliProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<ConnectProxy> m_proxy;
    QTemporaryDir m_home; // no saved settings of the user's

    CliRun fetch(const QString &proxyUrl)
    {
        QProcessEnvironment environment = cliEnvironment(QStringLiteral("sk_test_cli_proxy_0042"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
        environment.remove(QStringLiteral("no_proxy"));
        environment.remove(QStringLiteral("NO_PROXY"));
        environment.insert(QStringLiteral("http_proxy"), proxyUrl);
        environment.insert(QStringLiteral("https_proxy"), proxyUrl);
        return runCli(QStringLiteral(CASELENS_CLI_PATH),
                      {QStringLiteral("fetch"), QStringLiteral("--base-url"), m_server->url().toString(),
                       QStringLiteral("HYXTNJV")},
                      environment, 30000);
    }
    QString proxyUrl(const QString &userInfo = {}) const
    {
        return QStringLiteral("http://") + userInfo + QStringLiteral("127.0.0.1:") +
               QString::number(m_proxy->port());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_server = std::make_unique<FakeServer>();
        QVERIFY(m_server->listen());
        m_server->serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        m_proxy = std::make_unique<ConnectProxy>();
        QVERIFY(m_proxy->listen());
        m_proxy->requireCredentials(QStringLiteral("ana"), QStringLiteral("s3cret"));
    }
    void cleanup()
    {
        m_proxy.reset();
        m_server.reset();
    }

    void credentialsMissing()
    {
        const CliRun r = fetch(proxyUrl());
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(
            r.err.contains(
                QStringLiteral(
                    "The proxy at 127.0.0.1:%1 needs a user name and password. Put them in https_proxy "
                    "(http://user:password@host:port) or save them once in CaseLens (Settings → Network).")
                    .arg(m_proxy->port())),
            qPrintable(r.err));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void credentialsInTheUrl()
    {
        const CliRun r = fetch(proxyUrl(QStringLiteral("ana:s3cret@")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("HYXTNJV"));
        QVERIFY(m_proxy->credentialsSeen().contains(QStringLiteral("ana:s3cret")));
        QCOMPARE(m_server->requestCount(), 1);
        // The password is nowhere in what the CLI printed.
        QVERIFY(!r.err.contains(QStringLiteral("s3cret")) && !r.out.contains("s3cret"));
    }

    void credentialsRejected()
    {
        const CliRun r = fetch(proxyUrl(QStringLiteral("ana:wrong@")));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(
            r.err.contains(QStringLiteral("The proxy at 127.0.0.1:%1 rejected the user name or password.")
                               .arg(m_proxy->port())),
            qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("wrong")));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void credentialsFromTheKeychain()
    {
        REQUIRE_TEST_KEYRING();
        CredentialStore store;
        bool done = false;
        store.writeEntry(CredentialStore::accountForProxy(m_proxy->hostPort()),
                         QStringLiteral(R"({"user":"ana","password":"s3cret"})"),
                         [&](const CredentialResult &result) {
                             QVERIFY(result.ok());
                             done = true;
                         });
        QTRY_VERIFY(done);
        const CliRun r = fetch(proxyUrl());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(m_proxy->credentialsSeen().contains(QStringLiteral("ana:s3cret")));
        done = false;
        store.removeEntry(CredentialStore::accountForProxy(m_proxy->hostPort()),
                          [&](const CredentialResult &) { done = true; });
        QTRY_VERIFY(done);
    }

    void proxyDown()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString down = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        const quint16 port = probe.serverPort();
        probe.close();
        const CliRun r = fetch(down);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("Could not connect to the proxy at 127.0.0.1:%1").arg(port)),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliProxy)
#include "tst_cliproxy.moc"
