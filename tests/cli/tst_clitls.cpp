// caselens-cli over TLS: certificate messages an agent can pass to IT, the
// company certificate from --ca-file, CASELENS_CA_FILE or the app's setting
// (in that order), --verbose. The real executable against an HTTPS server
// on 127.0.0.1 whose certificate comes from a private CA.
#include "support/cliprocess.h"
#include "support/fakeserver.h"
#include "support/sampledata.h"
#include "support/testcertificates.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString testKey = u"sk_live_clitls_90e2c4a7"_s;
} // namespace

class TestCliTls final : public QObject
{
    Q_OBJECT

private:
    TestCertificates m_certificates;
    Identity m_leaf;
    QTemporaryDir m_config; // XDG_CONFIG_HOME of the runs: the app's settings file
    std::unique_ptr<TlsServer> m_server;

    CliRun run(const QStringList &options, const QHash<QString, QString> &env = {})
    {
        QProcessEnvironment environment = cliEnvironment(testKey);
        environment.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
        for (auto it = env.begin(); it != env.end(); ++it)
            environment.insert(it.key(), it.value());
        return runCli(QStringLiteral(CASELENS_CLI_PATH),
                      QStringList{u"fetch"_s, u"--base-url"_s, m_server->url().toString()} + options +
                          QStringList{u"HYXTNJV"_s},
                      environment, 30000);
    }

    // What the app saved under Settings → Network (organisation and
    // application "CaseLens", as the app names itself).
    void saveAppSetting(const QString &caFile)
    {
        QSettings settings(m_config.filePath(u"CaseLens/CaseLens.conf"_s), QSettings::IniFormat);
        if (caFile.isEmpty())
            settings.remove(u"Network/caFile"_s);
        else
            settings.setValue(u"Network/caFile"_s, caFile);
    }

private Q_SLOTS:
    void initTestCase()
    {
        CASELENS_REQUIRE_TLS_TOOLS();
        QVERIFY(m_certificates.isValid());
        QVERIFY(m_config.isValid());
        QVERIFY(m_certificates.makeCa(u"company"_s, u"/CN=Example Inspection CA/O=Example Corp"_s));
        QVERIFY(m_certificates.makeLeaf(u"leaf"_s, u"company"_s, u"127.0.0.1"_s,
                                        u"IP:127.0.0.1,DNS:localhost"_s, {u"-days"_s, u"2"_s}));
        m_leaf = m_certificates.load(u"leaf"_s);
        QVERIFY(!m_leaf.isNull());
    }

    void init()
    {
        saveAppSetting({});
        m_server = std::make_unique<TlsServer>(
            m_leaf, [](const RecordedRequest &) { return FakeResponse::ticket(sampleTicketData()); });
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void untrustedCertificateIsExplained()
    {
        const CliRun r = run({});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(
            r.err.contains(u"HYXTNJV: CaseLens refused the certificate that 127.0.0.1:%1 presented"_s.arg(
                m_server->port())),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(u"“Example Inspection CA (Example Corp)”"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Covers: localhost, 127.0.0.1"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"ask IT to install its certificate"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"SHA-256"_s), qPrintable(r.err)); // the chain only with --verbose
        QCOMPARE(m_server->requestCount(), 0);
    }

    // The option, else the environment, else the app's setting.
    void companyCertificateSources_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("setting");
        const QString good = m_certificates.path(u"company.crt"_s);
        const QString bad = m_certificates.path(u"no-such-file.pem"_s);
        QTest::newRow("--ca-file") << good << QString() << QString();
        QTest::newRow("CASELENS_CA_FILE") << QString() << good << QString();
        QTest::newRow("app setting") << QString() << QString() << good;
        QTest::newRow("option beats environment") << good << bad << QString();
        QTest::newRow("environment beats setting") << QString() << good << bad;
    }

    void companyCertificateSources()
    {
        QFETCH(QString, option);
        QFETCH(QString, environment);
        QFETCH(QString, setting);
        saveAppSetting(setting);
        QHash<QString, QString> env;
        if (!environment.isEmpty())
            env.insert(u"CASELENS_CA_FILE"_s, environment);
        const CliRun r = run(option.isEmpty() ? QStringList() : QStringList{u"--ca-file"_s, option}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("HYXTNJV"), r.out.constData());
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().constFirst().header("authorization"), "Bearer " + testKey.toUtf8());
    }

    void unusableCaFileIsAUsageError()
    {
        const QString key = m_certificates.path(u"leaf.key"_s); // a key is no certificate
        const CliRun r = run({u"--ca-file"_s, key});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QDir::toNativeSeparators(key)), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"PEM"_s), qPrintable(r.err));
        QCOMPARE(m_server->connections(), 0); // nothing was sent
    }

    // --verbose: Qt's error, the chain IT compares; never the key.
    void verbosePrintsTheDetails()
    {
        const CliRun r = run({u"--verbose"_s});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(u"SslHandshakeFailedError"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Certificate 1 of"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(QString::fromLatin1(
                     m_leaf.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper())),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Error kind: tls"_s), qPrintable(r.err));
        QVERIFY(!r.err.contains(testKey));
        QVERIFY(!r.out.contains(testKey.toUtf8()));
    }

    // --verbose on an HTTP error: the status and the server's message.
    void verboseHttpStatus()
    {
        FakeServer plain;
        QVERIFY(plain.listen());
        plain.setHandler([](const RecordedRequest &) {
            return FakeResponse::error(413, u"Body exceeds 1 MB for sk_live_clitls_90e2c4a7"_s);
        });
        QProcessEnvironment environment = cliEnvironment(testKey);
        const CliRun r =
            runCli(QStringLiteral(CASELENS_CLI_PATH),
                   {u"fetch"_s, u"--verbose"_s, u"--base-url"_s, plain.url().toString(), u"HYXTNJV"_s},
                   environment, 30000);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(u"The request was too large for the server (HTTP 413)"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"  HTTP status: 413"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"  Server message: Body exceeds 1 MB for [your API key]"_s),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(testKey));
        QCOMPARE(plain.requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliTls)
#include "tst_clitls.moc"
