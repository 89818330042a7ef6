// TLS and redirects against real HTTPS servers on 127.0.0.1 (src/loopback over QSslServer),
// with certificates made at test time by the openssl command-line tool.
// A bad certificate must stop the request before anything is sent (the
// server records every decrypted request: there must be none), with a
// message that names the problem; a certificate from a CA the test trusts
// must work, so the HTTPS success path is proven too; a redirect must never
// carry the key to another origin or down to plain http.
#include "core/apiclient.h"
#include "support/fakeserver.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;

namespace {

const QString testKey = QStringLiteral("sk_live_tls_3b9f1d27e6");

struct Identity
{
    QSslCertificate certificate;
    QSslKey key;
};

FakeResponse ticketResponse()
{
    FakeResponse response;
    response.body = sampleTicketResponseBytes();
    return response;
}

// "Connection: close": with Qt 6.4, following a 307/308 POST redirect on a
// kept-alive TLS connection sometimes ends in UnknownNetworkError although
// the 200 arrived (about 4 runs in 10 here). A Qt bug that is not what these
// tests are about; docs/security.md lists it.
FakeResponse redirectResponse(int status, const QUrl &location)
{
    return FakeResponse::redirect(status, location).withHeader("Connection", "close");
}

// An HTTPS/1.1 server on 127.0.0.1 (the shared loopback server with TLS)
// that records every request it decrypts.
class TlsServer final : public Loopback::HttpServer
{
public:
    TlsServer(const Identity &identity, Handler handler)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(identity.certificate);
        configuration.setPrivateKey(identity.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        setTlsConfiguration(configuration);
        setHandler(std::move(handler));
    }

    // Accepted TCP connections, whether or not the handshake succeeded.
    int connections() const { return acceptedConnections(); }
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_openssl;
    QSslConfiguration m_originalDefault;
    Identity m_trustedLeaf;   // from the CA the tests trust, for 127.0.0.1 and localhost
    Identity m_selfSigned;    // for 127.0.0.1, signed by itself
    Identity m_expired;       // from the trusted CA, valid in January 2020 only
    Identity m_wrongHost;     // from the trusted CA, for other.example
    Identity m_untrustedLeaf; // for 127.0.0.1, from a CA nobody trusts
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;

    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(m_openssl, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            qWarning().noquote() << "openssl" << arguments.join(u' ') << "failed:" << process.readAll();
            return false;
        }
        return true;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

    // A CA: a self-signed certificate that may sign others.
    bool makeCa(const QString &name)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=CaseLens test CA ") + name,
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    // A server certificate for subjectAltName, signed by ca with openssl ca
    // (which, unlike openssl x509, can set any validity period).
    bool makeLeaf(const QString &name, const QString &ca, const QString &commonName,
                  const QString &subjectAltName, const QStringList &validity)
    {
        if (!openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                      QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                      name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=") + commonName}))
            return false;
        const QByteArray database = name.toUtf8() + "-index.txt";
        const QByteArray config = "[ca]\ndefault_ca = ca_section\n[ca_section]\ndatabase = " + database +
                                  "\nnew_certs_dir = .\nserial = " + name.toUtf8() +
                                  "-serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n"
                                  "[any]\ncommonName = supplied\n";
        const QByteArray extensions = "subjectAltName = " + subjectAltName.toUtf8() +
                                      "\nbasicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\n";
        if (!writeFile(name + QStringLiteral("-ca.cnf"), config) ||
            !writeFile(QString::fromUtf8(database), {}) ||
            !writeFile(name + QStringLiteral("-serial"), "1000\n") ||
            !writeFile(name + QStringLiteral(".ext"), extensions))
            return false;
        return openssl(QStringList{QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                                   QStringLiteral("-config"), name + QStringLiteral("-ca.cnf"),
                                   QStringLiteral("-cert"), ca + QStringLiteral(".crt"),
                                   QStringLiteral("-keyfile"), ca + QStringLiteral(".key"),
                                   QStringLiteral("-in"), name + QStringLiteral(".csr"),
                                   QStringLiteral("-out"), name + QStringLiteral(".crt"),
                                   QStringLiteral("-extfile"), name + QStringLiteral(".ext")} +
                       validity);
    }

    bool makeSelfSigned(const QString &name, const QString &subjectAltName)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                        QStringLiteral("subjectAltName=") + subjectAltName});
    }

    Identity load(const QString &name)
    {
        Identity identity;
        QFile certificate(path(name + QStringLiteral(".crt")));
        QFile key(path(name + QStringLiteral(".key")));
        if (certificate.open(QIODevice::ReadOnly))
            identity.certificate = QSslCertificate(&certificate, QSsl::Pem);
        if (key.open(QIODevice::ReadOnly))
            identity.key = QSslKey(&key, QSsl::Ec, QSsl::Pem);
        return identity;
    }

    int m_lastRetries = 0; // retry notices of the last fetchAndWait()

    TicketResult fetchAndWait(const QUrl &baseUrl)
    {
        if (const Error refused = m_client->setBaseUrl(baseUrl); refused.isError())
            return {{}, refused};
        const std::unique_ptr<TicketReply> reply(
            m_client->fetchTicket(caseNumber(QStringLiteral("HYXTNJV"))));
        QSignalSpy retrying(reply.get(), &ApiReply::retrying);
        if (!waitForFinished(reply.get(), 15000))
            return {{}, Error(ErrorKind::None, QStringLiteral("TEST: no result"))};
        m_lastRetries = int(retrying.count());
        return reply->result();
    }

    static void addRedirectStatuses()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("301") << 301;
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no working TLS backend here (the openssl TLS plugin is missing)");
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("the openssl command-line tool is missing (scripts/install-deps.sh installs it)");
            QSKIP("the openssl command-line tool is needed to make test certificates");
        }
        QVERIFY(m_dir.isValid());

        const QString loopbackNames = QStringLiteral("IP:127.0.0.1,DNS:localhost");
        const QStringList twoDays{QStringLiteral("-days"), QStringLiteral("2")};
        QVERIFY(makeCa(QStringLiteral("trusted-ca")));
        QVERIFY(makeCa(QStringLiteral("unknown-ca")));
        QVERIFY(makeLeaf(QStringLiteral("trusted-leaf"), QStringLiteral("trusted-ca"),
                         QStringLiteral("127.0.0.1"), loopbackNames, twoDays));
        QVERIFY(makeLeaf(QStringLiteral("expired"), QStringLiteral("trusted-ca"), QStringLiteral("127.0.0.1"),
                         loopbackNames,
                         {QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                          QStringLiteral("-enddate"), QStringLiteral("20200102000000Z")}));
        QVERIFY(makeLeaf(QStringLiteral("wrong-host"), QStringLiteral("trusted-ca"),
                         QStringLiteral("other.example"), QStringLiteral("DNS:other.example"), twoDays));
        QVERIFY(makeLeaf(QStringLiteral("untrusted-leaf"), QStringLiteral("unknown-ca"),
                         QStringLiteral("127.0.0.1"), loopbackNames, twoDays));
        QVERIFY(makeSelfSigned(QStringLiteral("self-signed"), loopbackNames));

        m_trustedLeaf = load(QStringLiteral("trusted-leaf"));
        m_expired = load(QStringLiteral("expired"));
        m_wrongHost = load(QStringLiteral("wrong-host"));
        m_untrustedLeaf = load(QStringLiteral("untrusted-leaf"));
        m_selfSigned = load(QStringLiteral("self-signed"));
        for (const Identity *identity :
             {&m_trustedLeaf, &m_expired, &m_wrongHost, &m_untrustedLeaf, &m_selfSigned}) {
            QVERIFY(!identity->certificate.isNull());
            QVERIFY(!identity->key.isNull());
        }
        QVERIFY(m_expired.certificate.expiryDate() < QDateTime::currentDateTimeUtc());

        // The explicit trust: this process, and only it, trusts the test CA
        // (on top of the system's roots). Every request starts from the
        // default configuration.
        m_originalDefault = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = m_originalDefault;
        const QList<QSslCertificate> ca =
            QSslCertificate::fromPath(path(QStringLiteral("trusted-ca.crt")), QSsl::Pem);
        QCOMPARE(ca.size(), 1);
        trusting.addCaCertificates(ca);
        QSslConfiguration::setDefaultConfiguration(trusting);
    }

    void cleanupTestCase() { QSslConfiguration::setDefaultConfiguration(m_originalDefault); }

    void init()
    {
        // A fresh manager each time: no connection or TLS session is reused
        // from an earlier test.
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<ApiClient>(m_network.get());
        m_client->setApiKey(testKey);
        m_client->setRetryPolicy(3, 5ms, 20ms);
        m_client->setTimeout(10s);
    }

    void cleanup()
    {
        m_client.reset();
        m_network.reset();
    }

    void trustedCertificateWorks()
    {
        TlsServer server(m_trustedLeaf, [](const RecordedRequest &) { return ticketResponse(); });
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QVERIFY2(result.ok(), qPrintable(result.error.message() + u'\n' + result.error.detail()));
        QCOMPARE(result.ticket.caseNumber, QStringLiteral("HYXTNJV"));
        QCOMPARE(server.requests().size(), 1);
        const RecordedRequest &request = server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/tickets/fetchSingleTicket"));
        QCOMPARE(request.header("authorization"), "Bearer " + testKey.toUtf8());
        QCOMPARE(QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString(),
                 QStringLiteral("HYXTNJV"));
    }

    void badCertificates_data()
    {
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("problem"); // from QSslError::errorString()
        QTest::newRow("self-signed") << QStringLiteral("self-signed") << QStringLiteral("self-signed");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("has expired");
        QTest::newRow("wrong host") << QStringLiteral("wrong-host")
                                    << QStringLiteral("host name did not match");
        QTest::newRow("unknown CA") << QStringLiteral("untrusted-leaf")
                                    << QStringLiteral("issuer certificate");
    }

    void badCertificates()
    {
        QFETCH(QString, identity);
        QFETCH(QString, problem);
        const Identity &id = identity == u"self-signed"  ? m_selfSigned
                             : identity == u"expired"    ? m_expired
                             : identity == u"wrong-host" ? m_wrongHost
                                                         : m_untrustedLeaf;
        TlsServer server(id, [](const RecordedRequest &) { return ticketResponse(); });
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QCOMPARE(result.error.kind(), ErrorKind::Tls);
        QVERIFY2(result.error.message().contains(problem, Qt::CaseInsensitive),
                 qPrintable(result.error.message()));
        QVERIFY2(result.error.message().contains(QStringLiteral("127.0.0.1:%1").arg(server.url().port())),
                 qPrintable(result.error.message()));
        QVERIFY(!result.error.message().contains(testKey));
        QVERIFY(server.connections() >= 1);    // the client did try
        QCOMPARE(server.requests().size(), 0); // and nothing readable arrived: no key, no body
        QCOMPARE(m_lastRetries, 0);            // a certificate does not get better by retrying
    }

    // A plain-HTTP server behind an https:// URL (it answers the TLS hello
    // with an HTTP error, as nginx does): the handshake fails at once and the
    // key is never written in the clear.
    void plainServerOnHttpsUrl()
    {
        FakeServer plain; // refuses what is not HTTP with a 400, and keeps the bytes
        QVERIFY(plain.listen());
        const TicketResult result =
            fetchAndWait(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(plain.port())));
        QCOMPARE(result.error.kind(), ErrorKind::Tls);
        QVERIFY2(result.error.message().contains(QStringLiteral("secure connection")),
                 qPrintable(result.error.message()));
        const QByteArray received = plain.rejectedBytes();
        QVERIFY(!received.isEmpty()); // the TLS hello arrived
        QVERIFY(!received.contains(testKey.toUtf8()));
        QVERIFY(!received.contains("HYXTNJV"));
        QCOMPARE(plain.requestCount(), 0);
    }

    void redirectToPlainHttpIsRefused_data() { addRedirectStatuses(); }
    void redirectToPlainHttpIsRefused()
    {
        QFETCH(int, status);
        FakeServer plain;
        QVERIFY(plain.listen());
        plain.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        QUrl target = plain.url();
        target.setPath(QStringLiteral("/tickets/fetchSingleTicket"));
        TlsServer server(m_trustedLeaf, [status, target](const RecordedRequest &) {
            return redirectResponse(status, target);
        });
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QVERIFY(!result.ok());
        QVERIFY2(result.error.message().contains(QStringLiteral("another address")),
                 qPrintable(result.error.message()));
        QVERIFY2(result.error.message().contains(QStringLiteral("http://127.0.0.1:%1").arg(plain.port())),
                 qPrintable(result.error.message())); // says where it was sent
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(plain.requestCount(), 0); // the key never went out in the clear
    }

    void redirectToAnotherHttpsOriginIsRefused_data() { addRedirectStatuses(); }
    void redirectToAnotherHttpsOriginIsRefused()
    {
        QFETCH(int, status);
        TlsServer other(m_trustedLeaf, [](const RecordedRequest &) { return ticketResponse(); });
        QVERIFY(other.listen());
        QUrl target = other.url();
        target.setPath(QStringLiteral("/tickets/fetchSingleTicket"));
        TlsServer server(m_trustedLeaf, [status, target](const RecordedRequest &) {
            return redirectResponse(status, target);
        });
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QCOMPARE(result.error.kind(), ErrorKind::ServerError);
        QVERIFY2(result.error.message().contains(QStringLiteral("another address")),
                 qPrintable(result.error.message()));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(other.requests().size(), 0);
        QCOMPARE(other.connections(), 0); // not even a handshake
    }

    // Same scheme, host and port: followed, and the key goes along (it is
    // the same server).
    void sameOriginRedirectIsFollowed_data() { addRedirectStatuses(); }
    void sameOriginRedirectIsFollowed()
    {
        QFETCH(int, status);
        TlsServer *self = nullptr;
        TlsServer server(m_trustedLeaf, [&self, status](const RecordedRequest &) {
            if (self->requestCount() > 1) // counted before it is answered
                return ticketResponse();
            QUrl moved = self->url();
            moved.setPath(QStringLiteral("/v3/tickets/fetchSingleTicket"));
            return redirectResponse(status, moved);
        });
        self = &server;
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QVERIFY2(result.ok(), qPrintable(result.error.message() + u'\n' + result.error.detail()));
        QCOMPARE(server.requests().size(), 2);
        const RecordedRequest &second = server.requests().at(1);
        QCOMPARE(second.path, QByteArray("/v3/tickets/fetchSingleTicket"));
        QCOMPARE(second.header("authorization"), "Bearer " + testKey.toUtf8());
        if (status == 307 || status == 308) { // these keep the method and the body
            QCOMPARE(second.method, QByteArray("POST"));
            QCOMPARE(QJsonDocument::fromJson(second.body).object().value(u"caseNumber").toString(),
                     QStringLiteral("HYXTNJV"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
