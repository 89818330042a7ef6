// TLS and redirects against real HTTPS servers on 127.0.0.1 (src/loopback over QSslServer),
// with certificates made at test time by the openssl command-line tool.
// A bad certificate must stop the request before anything is sent (the
// server records every decrypted request: there must be none), with a
// message that names the problem; a certificate from a CA the test trusts
// must work, so the HTTPS success path is proven too; a redirect must never
// carry the key to another origin or down to plain http.
#include "core/apiclient.h"
#include "core/certificatereport.h"
#include "core/filedownload.h"
#include "support/fakeserver.h"
#include "support/replywait.h"
#include "support/sampledata.h"
#include "support/testcertificates.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;

namespace {

const QString testKey = QStringLiteral("sk_live_tls_3b9f1d27e6");

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

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    TestCertificates m_certificates;
    Identity m_trustedLeaf;   // from the CA the tests trust, for 127.0.0.1 and localhost
    Identity m_selfSigned;    // for 127.0.0.1, signed by itself
    Identity m_expired;       // from the trusted CA, valid in January 2020 only
    Identity m_wrongHost;     // from the trusted CA, for other.example
    Identity m_untrustedLeaf; // for 127.0.0.1, from a CA nobody trusts
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;

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
        CASELENS_REQUIRE_TLS_TOOLS();
        QVERIFY(m_certificates.isValid());

        const QString loopbackNames = QStringLiteral("IP:127.0.0.1,DNS:localhost");
        const QStringList twoDays{QStringLiteral("-days"), QStringLiteral("2")};
        TestCertificates &c = m_certificates;
        QVERIFY(c.makeCa(QStringLiteral("trusted-ca"), QStringLiteral("/CN=CaseLens test CA trusted-ca")));
        QVERIFY(c.makeCa(QStringLiteral("unknown-ca"), QStringLiteral("/CN=CaseLens test CA unknown-ca")));
        QVERIFY(c.makeLeaf(QStringLiteral("trusted-leaf"), QStringLiteral("trusted-ca"),
                           QStringLiteral("127.0.0.1"), loopbackNames, twoDays));
        QVERIFY(c.makeLeaf(QStringLiteral("expired"), QStringLiteral("trusted-ca"),
                           QStringLiteral("127.0.0.1"), loopbackNames,
                           {QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                            QStringLiteral("-enddate"), QStringLiteral("20200102000000Z")}));
        QVERIFY(c.makeLeaf(QStringLiteral("wrong-host"), QStringLiteral("trusted-ca"),
                           QStringLiteral("other.example"), QStringLiteral("DNS:other.example"), twoDays));
        QVERIFY(c.makeLeaf(QStringLiteral("untrusted-leaf"), QStringLiteral("unknown-ca"),
                           QStringLiteral("127.0.0.1"), loopbackNames, twoDays));
        QVERIFY(c.makeSelfSigned(QStringLiteral("self-signed"), loopbackNames));

        m_trustedLeaf = c.load(QStringLiteral("trusted-leaf"));
        m_expired = c.load(QStringLiteral("expired"));
        m_wrongHost = c.load(QStringLiteral("wrong-host"));
        m_untrustedLeaf = c.load(QStringLiteral("untrusted-leaf"));
        m_selfSigned = c.load(QStringLiteral("self-signed"));
        for (const Identity *identity :
             {&m_trustedLeaf, &m_expired, &m_wrongHost, &m_untrustedLeaf, &m_selfSigned})
            QVERIFY(!identity->isNull());
        QVERIFY(m_expired.certificate.expiryDate() < QDateTime::currentDateTimeUtc());

        QCOMPARE(c.certificates(QStringLiteral("trusted-ca")).size(), 1);
    }

    void init()
    {
        // A fresh manager each time: no connection or TLS session is reused
        // from an earlier test.
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<ApiClient>(m_network.get());
        m_client->setApiKey(testKey);
        // The explicit trust: this client, and only it, trusts the test CA
        // (as a company certificate, on top of the system's roots).
        m_client->setCaFile(m_certificates.path(QStringLiteral("trusted-ca.crt")));
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
        QTest::addColumn<QString>("problem"); // in plain words (tst_certificatereport has the rest)
        QTest::addColumn<QString>("nextStep");
        const QString expiredOn =
            CertificateReport::displayDate(QDateTime(QDate(2020, 1, 2), QTime(0, 0), Qt::UTC));
        QTest::newRow("self-signed") << QStringLiteral("self-signed") << QStringLiteral("it is self-signed")
                                     << QStringLiteral("Settings → Network → Company certificate");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("it expired on ") + expiredOn
                                 << QStringLiteral("Check this computer's date and time");
        QTest::newRow("wrong host") << QStringLiteral("wrong-host")
                                    << QStringLiteral("it is for other.example, not for 127.0.0.1")
                                    << QStringLiteral("Check the server address in Settings");
        QTest::newRow("unknown CA") << QStringLiteral("untrusted-leaf")
                                    << QStringLiteral("issued by “CaseLens test CA unknown-ca”")
                                    << QStringLiteral("ask IT to install its certificate on this computer");
    }

    void badCertificates()
    {
        QFETCH(QString, identity);
        QFETCH(QString, problem);
        QFETCH(QString, nextStep);
        const Identity &id = identity == u"self-signed"  ? m_selfSigned
                             : identity == u"expired"    ? m_expired
                             : identity == u"wrong-host" ? m_wrongHost
                                                         : m_untrustedLeaf;
        TlsServer server(id, [](const RecordedRequest &) { return ticketResponse(); });
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QCOMPARE(result.error.kind(), ErrorKind::Tls);
        QVERIFY2(result.error.message().contains(problem), qPrintable(result.error.message()));
        QVERIFY2(result.error.message().contains(nextStep), qPrintable(result.error.message()));
        QVERIFY2(result.error.message().contains(QStringLiteral("127.0.0.1:%1").arg(server.url().port())),
                 qPrintable(result.error.message()));
        // The chain IT compares with its own is in the details.
        QVERIFY2(result.error.details().contains(QString::fromLatin1(
                     id.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper())),
                 qPrintable(result.error.details()));
        QVERIFY(!result.error.message().contains(testKey));
        QVERIFY(server.connections() >= 1);    // the client did try
        QCOMPARE(server.requests().size(), 0); // and nothing readable arrived: no key, no body
        QCOMPARE(m_lastRetries, 0);            // a certificate does not get better by retrying
    }

    // The company CA is this client's: another client in the same process
    // (and Qt's process-wide default) still refuses the certificate, and
    // names the CA to install.
    void companyCaIsForThisClientOnly()
    {
        TlsServer server(m_trustedLeaf, [](const RecordedRequest &) { return ticketResponse(); });
        QVERIFY(server.listen());
        QVERIFY(fetchAndWait(server.url()).ok());
        m_client->setCaFile({});
        const TicketResult result = fetchAndWait(server.url());
        QCOMPARE(result.error.kind(), ErrorKind::Tls);
        QVERIFY2(result.error.message().contains(QStringLiteral("“CaseLens test CA trusted-ca”")),
                 qPrintable(result.error.message()));
        QCOMPARE(server.requests().size(), 1);
    }

    // Behind a company's inspecting proxy a ticket file's host is signed by
    // the company CA too: Save As… trusts what the client trusts (its
    // company CA), also after a redirect, and never sends the key. Without
    // that trust the same download fails as a TLS error.
    void ticketFilesTrustTheCompanyCa()
    {
        TlsServer server(m_trustedLeaf, [](const RecordedRequest &request) {
            if (request.path == "/files/old-report.pdf") {
                QUrl moved;
                moved.setPath(QStringLiteral("/files/report.pdf"));
                return redirectResponse(302, moved);
            }
            FakeResponse response;
            response.body = QByteArrayLiteral("%PDF-1.7 the report");
            return response;
        });
        QVERIFY(server.listen());
        QUrl url = server.url();
        url.setPath(QStringLiteral("/files/old-report.pdf"));
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("report.pdf"));

        const std::optional<QSslConfiguration> tls = m_client->companyTls();
        QVERIFY(tls.has_value());
        FileDownload trusted(m_client->network(), url, target);
        trusted.setSslConfiguration(*tls);
        QSignalSpy done(&trusted, &FileDownload::finished);
        trusted.start();
        QVERIFY(done.wait(15000));
        QVERIFY2(trusted.succeeded(), qPrintable(trusted.error().message()));
        QFile saved(target);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArrayLiteral("%PDF-1.7 the report"));
        QCOMPARE(server.requests().size(), 2);
        for (const RecordedRequest &request : server.requests())
            QVERIFY(request.header("authorization").isEmpty());

        QVERIFY(QFile::remove(target));
        m_network->clearConnectionCache();
        FileDownload untrusted(m_client->network(), url, target);
        QSignalSpy failed(&untrusted, &FileDownload::finished);
        untrusted.start();
        QVERIFY(failed.wait(15000));
        QCOMPARE(untrusted.error().kind(), ErrorKind::Tls);
        QVERIFY(!QFile::exists(target));
        QCOMPARE(server.requests().size(), 2);

        m_client->setCaFile({}); // no company CA: nothing to add
        QVERIFY(!m_client->companyTls().has_value());
    }

    // A company certificate file that cannot be used: the reason, before
    // any connection is made.
    void unusableCaFileSendsNothing()
    {
        TlsServer server(m_trustedLeaf, [](const RecordedRequest &) { return ticketResponse(); });
        QVERIFY(server.listen());
        m_client->setCaFile(m_certificates.path(QStringLiteral("trusted-leaf.key")));
        const TicketResult result = fetchAndWait(server.url());
        QCOMPARE(result.error.kind(), ErrorKind::InvalidInput);
        QVERIFY2(result.error.message().contains(QStringLiteral("trusted-leaf.key")),
                 qPrintable(result.error.message()));
        QCOMPARE(server.connections(), 0);
    }

    // A server that offers only what CaseLens does not speak (here: TLS 1.2
    // with a cipher its own key cannot serve): no certificate problem at
    // all, and a message that says what is missing.
    void noSharedProtocolOrCipher()
    {
        TlsServer server(m_trustedLeaf, [](const RecordedRequest &) { return ticketResponse(); });
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_trustedLeaf.certificate);
        configuration.setPrivateKey(m_trustedLeaf.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        configuration.setProtocol(QSsl::TlsV1_2);
        configuration.setCiphers({QSslCipher(QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"))});
        server.setTlsConfiguration(configuration);
        QVERIFY(server.listen());
        const TicketResult result = fetchAndWait(server.url());
        QCOMPARE(result.error.kind(), ErrorKind::Tls);
        QVERIFY2(
            result.error.message().contains(
                QStringLiteral("The server at 127.0.0.1:%1 and CaseLens share no secure protocol version or "
                               "cipher")
                    .arg(server.url().port())),
            qPrintable(result.error.message() + u'\n' + result.error.details()));
        QCOMPARE(server.requests().size(), 0);
        QCOMPARE(m_lastRetries, 0);
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
        QVERIFY2(result.error.message().contains(QStringLiteral("did not answer with a secure connection: it "
                                                                "may speak plain http on that port")),
                 qPrintable(result.error.message() + u'\n' + result.error.details()));
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
