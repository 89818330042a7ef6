// The certificate report: what a refused certificate looks like to an agent
// and to IT. Real certificates, made at test time by the openssl tool; the
// QSslErrors are the ones Qt reports for them.
#include "core/certificatereport.h"
#include "support/testcertificates.h"

#include <QLocale>
#include <QSslError>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

class TestCertificateReport final : public QObject
{
    Q_OBJECT

private:
    TestCertificates m_certificates;
    QSslCertificate m_ca;      // "Example Inspection CA", O=Example Corp
    QSslCertificate m_leaf;    // for 127.0.0.1 and localhost, from that CA
    QSslCertificate m_expired; // from that CA, January 2020 only
    QSslCertificate m_other;   // from that CA, for other.example only
    QSslCertificate m_selfSigned;
    const QDateTime m_now = QDateTime(QDate(2026, 12, 3), QTime(5, 30), Qt::UTC);
    const QUrl m_server = QUrl(u"https://127.0.0.1:8443"_s);

    static QString date(const QDateTime &when)
    {
        return QLocale().toString(when.toLocalTime().date(), QLocale::LongFormat);
    }

private Q_SLOTS:
    void initTestCase()
    {
        CASELENS_REQUIRE_TLS_TOOLS();
        QVERIFY(m_certificates.isValid());
        TestCertificates &c = m_certificates;
        const QString names = u"IP:127.0.0.1,DNS:localhost"_s;
        const QStringList twoDays{u"-days"_s, u"2"_s};
        QVERIFY(c.makeCa(u"ca"_s, u"/CN=Example Inspection CA/O=Example Corp"_s));
        QVERIFY(c.makeLeaf(u"leaf"_s, u"ca"_s, u"127.0.0.1"_s, names, twoDays));
        QVERIFY(c.makeLeaf(u"expired"_s, u"ca"_s, u"127.0.0.1"_s, names,
                           {u"-startdate"_s, u"20200101000000Z"_s, u"-enddate"_s, u"20200102000000Z"_s}));
        QVERIFY(c.makeLeaf(u"other"_s, u"ca"_s, u"other.example"_s, u"DNS:other.example"_s, twoDays));
        QVERIFY(c.makeSelfSigned(u"self"_s, names));
        m_ca = c.load(u"ca"_s).certificate;
        m_leaf = c.load(u"leaf"_s).certificate;
        m_expired = c.load(u"expired"_s).certificate;
        m_other = c.load(u"other"_s).certificate;
        m_selfSigned = c.load(u"self"_s).certificate;
        for (const QSslCertificate *certificate : {&m_ca, &m_leaf, &m_expired, &m_other, &m_selfSigned})
            QVERIFY(!certificate->isNull());
    }

    // What a TLS-inspecting proxy with the company's own CA looks like.
    void untrustedIssuerNamesItAndSaysWhatToAskIt()
    {
        // Qt reports the missing issuer twice, in two words.
        const CertificateReport report =
            CertificateReport::make({QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_leaf),
                                     QSslError(QSslError::UnableToVerifyFirstCertificate, m_leaf)},
                                    {m_leaf}, m_server, m_now);
        QVERIFY(report.untrustedIssuer);
        QVERIFY(!report.dateProblem);
        QVERIFY(!report.wrongHost);
        QCOMPARE(report.problems.size(), 1); // one problem, said once
        const QString message = report.message();
        QVERIFY2(message.contains(u"127.0.0.1:8443"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Example Inspection CA (Example Corp)"_s), qPrintable(message));
        QVERIFY2(message.contains(u"a certificate authority this computer does not trust"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"Covers: localhost, 127.0.0.1"_s), qPrintable(message));
        QVERIFY2(message.contains(date(m_leaf.effectiveDate())), qPrintable(message));
        QVERIFY2(message.contains(date(m_leaf.expiryDate())), qPrintable(message));
        QVERIFY2(
            message.contains(u"If your company inspects secure traffic, ask IT to install its certificate on "
                             "this computer, or add it under Settings → Network → Company certificate."_s),
            qPrintable(message));
        QVERIFY2(!message.contains(u"date and time"_s), qPrintable(message)); // no advice that does not apply
        // Qt's own words stay in the details.
        QVERIFY(
            report.detail().contains(QSslError(QSslError::UnableToGetLocalIssuerCertificate).errorString()));
    }

    void everyProblemIsListedWithItsAdvice()
    {
        const CertificateReport report =
            CertificateReport::make({QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_expired),
                                     QSslError(QSslError::CertificateExpired, m_expired),
                                     QSslError(QSslError::HostNameMismatch, m_expired)},
                                    {m_expired}, QUrl(u"https://api.example.com"_s), m_now);
        QCOMPARE(report.problems.size(), 3);
        const QString message = report.message();
        QVERIFY2(message.contains(u"it expired on "_s + date(m_expired.expiryDate())), qPrintable(message));
        QVERIFY2(message.contains(u"it is for localhost, 127.0.0.1, not for api.example.com"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"api.example.com:443"_s), qPrintable(message)); // the port asked for
        // The three next steps, once each.
        QCOMPARE(message.count(u"date and time"_s), 1);
        QCOMPARE(message.count(u"Check the server address"_s), 1);
        QCOMPARE(message.count(u"Company certificate"_s), 1);
        QVERIFY2(message.contains(date(m_now)), qPrintable(message)); // the clock CaseLens reads
    }

    void expiredNamesTheEndDateAndTheClock()
    {
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::CertificateExpired, m_expired)}, {m_expired, m_ca}, m_server, m_now);
        QVERIFY(report.dateProblem);
        QVERIFY(!report.untrustedIssuer);
        const QString message = report.message();
        QVERIFY2(message.contains(date(QDateTime(QDate(2020, 1, 2), QTime(0, 0), Qt::UTC))),
                 qPrintable(message));
        QVERIFY2(message.contains(u"Check this computer's date and time"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"Company certificate"_s), qPrintable(message));
    }

    void notYetValidNamesTheStartDate()
    {
        const QDateTime past(QDate(2019, 6, 1), QTime(12, 0), Qt::UTC);
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::CertificateNotYetValid, m_leaf)}, {m_leaf}, m_server, past);
        QVERIFY(report.dateProblem);
        QVERIFY2(report.message().contains(u"it is not valid before "_s + date(m_leaf.effectiveDate())),
                 qPrintable(report.message()));
        QVERIFY2(report.message().contains(date(past)), qPrintable(report.message()));
    }

    void wrongHostComparesTheNames()
    {
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::HostNameMismatch, m_other)}, {m_other, m_ca}, m_server, m_now);
        QVERIFY(report.wrongHost);
        const QString message = report.message();
        QVERIFY2(message.contains(u"it is for other.example, not for 127.0.0.1"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Covers: other.example"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Check the server address in Settings"_s), qPrintable(message));
    }

    void selfSignedSaysSo()
    {
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::SelfSignedCertificate, m_selfSigned)}, {m_selfSigned}, m_server, m_now);
        QVERIFY(report.untrustedIssuer);
        QVERIFY2(report.message().contains(u"self-signed"_s), qPrintable(report.message()));
        QVERIFY2(report.message().contains(u"Issued by: itself (127.0.0.1)"_s), qPrintable(report.message()));
    }

    void ipv6HostIsBracketed()
    {
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::HostNameMismatch, m_leaf)}, {m_leaf}, QUrl(u"https://[::1]:8443"_s), m_now);
        QVERIFY2(report.message().contains(u"[::1]:8443"_s), qPrintable(report.message()));
        QVERIFY2(report.message().contains(u"not for [::1]"_s), qPrintable(report.message()));
        QVERIFY2(!report.message().contains(u" ::1:8443"_s), qPrintable(report.message()));
    }

    // What "Copy details for IT" and --verbose add: each certificate of the
    // chain with the figures IT compares.
    void chainSummaryHasWhatItCompares()
    {
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::SelfSignedCertificateInChain, m_ca)}, {m_leaf, m_ca}, m_server, m_now);
        const QString chain = report.chainText();
        QVERIFY2(chain.contains(u"Certificate 1 of 2"_s), qPrintable(chain));
        QVERIFY2(chain.contains(u"Certificate 2 of 2"_s), qPrintable(chain));
        for (const QSslCertificate &c : {m_leaf, m_ca}) {
            const QString fingerprint = QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':'));
            QVERIFY2(chain.contains(fingerprint, Qt::CaseInsensitive), qPrintable(chain));
            QVERIFY2(chain.contains(QString::fromLatin1(c.serialNumber()), Qt::CaseInsensitive),
                     qPrintable(chain));
            QVERIFY2(chain.contains(c.expiryDate().toUTC().toString(Qt::ISODate)), qPrintable(chain));
        }
        QVERIFY2(chain.contains(u"Subject: Example Inspection CA (Example Corp)"_s), qPrintable(chain));
        QVERIFY2(report.detail().contains(chain), qPrintable(report.detail()));
        // The chain ends in the untrusted root: it is the one named.
        QVERIFY2(report.message().contains(u"“Example Inspection CA (Example Corp)”"_s),
                 qPrintable(report.message()));
    }

    void errorCarriesMessageAndDetails()
    {
        const CertificateReport report = CertificateReport::make(
            {QSslError(QSslError::CertificateExpired, m_expired)}, {m_expired}, m_server, m_now);
        const Error e = certificateError(report, u"Qt network error 6 (SslHandshakeFailedError): x"_s);
        QCOMPARE(e.kind(), ErrorKind::Tls);
        QCOMPARE(e.message(), report.message());
        QVERIFY(e.details().contains(u"SslHandshakeFailedError"_s));
        QVERIFY(e.details().contains(report.chainText()));
        QVERIFY(!e.mayRetry(false)); // a certificate does not get better by retrying
    }

    void handshakeWithoutCertificateSaysWhatIsMissing()
    {
        const Error noCipher =
            handshakeError(QUrl(u"https://[2001:db8::5]:9443"_s),
                           u"error:0A000410:SSL routines::sslv3 alert handshake failure"_s);
        QCOMPARE(noCipher.kind(), ErrorKind::Tls);
        QVERIFY2(
            noCipher.message().contains(
                u"The server at [2001:db8::5]:9443 and CaseLens share no secure protocol version or cipher"_s),
            qPrintable(noCipher.message()));
        QVERIFY(noCipher.details().contains(u"handshake failure"_s));

        const Error plain = handshakeError(QUrl(u"https://127.0.0.1:8080"_s),
                                           u"error:0A00010B:SSL routines::wrong version number"_s);
        QVERIFY2(plain.message().contains(u"plain http"_s), qPrintable(plain.message()));
        QVERIFY2(plain.message().contains(u"127.0.0.1:8080"_s), qPrintable(plain.message()));
    }
};

QTEST_GUILESS_MAIN(TestCertificateReport)
#include "tst_certificatereport.moc"
