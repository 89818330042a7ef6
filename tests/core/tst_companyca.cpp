// The company certificate file: read as PEM (several certificates allowed),
// refused with a clear reason otherwise, and added to the system's CAs,
// never instead of them.
#include "core/companyca.h"
#include "support/testcertificates.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

class TestCompanyCa final : public QObject
{
    Q_OBJECT

private:
    TestCertificates m_certificates;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_certificates.path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return file.fileName();
    }

    QByteArray read(const QString &name) const
    {
        QFile file(m_certificates.path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        CASELENS_REQUIRE_TLS_TOOLS();
        QVERIFY(m_certificates.isValid());
        QVERIFY(m_certificates.makeCa(u"root"_s, u"/CN=Example Root CA/O=Example Corp"_s));
        QVERIFY(m_certificates.makeCa(u"inspection"_s, u"/CN=Example Inspection CA/O=Example Corp"_s));
    }

    void bundleWithSeveralCertificates()
    {
        const QString path = write(u"bundle.pem"_s, "Company bundle\n" + read(u"root.crt"_s) + '\n' +
                                                        read(u"inspection.crt"_s));
        const CompanyCa ca = CompanyCa::load(path);
        QVERIFY2(!ca.error.isError(), qPrintable(ca.error.message()));
        QCOMPARE(ca.certificates.size(), 2);
        QCOMPARE(ca.certificates.at(1).subjectInfo(QSslCertificate::CommonName).value(0),
                 u"Example Inspection CA"_s);
    }

    void missingFileIsNamed()
    {
        const QString path = m_certificates.path(u"no-such.pem"_s);
        const CompanyCa ca = CompanyCa::load(path);
        QCOMPARE(ca.error.kind(), ErrorKind::InvalidInput);
        QVERIFY(ca.certificates.isEmpty());
        QVERIFY2(ca.error.message().contains(path), qPrintable(ca.error.message()));
        QVERIFY2(ca.error.message().contains(u"cannot be read"_s), qPrintable(ca.error.message()));
        QVERIFY2(ca.error.message().contains(u"Company certificate"_s), qPrintable(ca.error.message()));
    }

    void folderIsRefused()
    {
        const CompanyCa ca = CompanyCa::load(m_certificates.path(QString()));
        QCOMPARE(ca.error.kind(), ErrorKind::InvalidInput);
        QVERIFY2(ca.error.message().contains(u"folder"_s), qPrintable(ca.error.message()));
    }

    void notPemIsExplained_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("not a certificate\n");
        QTest::newRow("DER") << QByteArray::fromBase64(
            "MIIBszCCAVmgAwIBAgIUQjZKqc0IbQ2X"); // binary, as a .cer from Windows
        QTest::newRow("a private key")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    }

    void notPemIsExplained()
    {
        QFETCH(QByteArray, content);
        const CompanyCa ca = CompanyCa::load(write(u"wrong.pem"_s, content));
        QCOMPARE(ca.error.kind(), ErrorKind::InvalidInput);
        QVERIFY(ca.certificates.isEmpty());
        QVERIFY2(ca.error.message().contains(u"PEM"_s), qPrintable(ca.error.message()));
        QVERIFY2(ca.error.message().contains(u"openssl x509 -inform der"_s), qPrintable(ca.error.message()));
    }

    void brokenPemIsRefused()
    {
        const CompanyCa ca = CompanyCa::load(write(
            u"broken.pem"_s, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n"));
        QCOMPARE(ca.error.kind(), ErrorKind::InvalidInput);
        QVERIFY2(ca.error.message().contains(u"could not be read"_s), qPrintable(ca.error.message()));
    }

    // Added to the system's CAs: a site with a public certificate keeps
    // working when a company certificate is set.
    void systemCasAreKept()
    {
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        const QList<QSslCertificate> company = m_certificates.certificates(u"inspection"_s);
        QCOMPARE(company.size(), 1);
        const QSslConfiguration configuration =
            CompanyCa::trusting(QSslConfiguration::defaultConfiguration(), company);
        const QList<QSslCertificate> trusted = configuration.caCertificates();
        QVERIFY(trusted.contains(company.constFirst()));
        for (const QSslCertificate &c : system)
            QVERIFY2(trusted.contains(c), qPrintable(c.subjectDisplayName()));
        // Once each: the system's folder lists most roots twice (file and hash link).
        QCOMPARE(trusted.size(), QSet<QSslCertificate>(system.begin(), system.end()).size() + 1);
        // The process-wide default stays as it was: the company CA is for CaseLens's own requests.
        QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(company.constFirst()));
    }
};

QTEST_GUILESS_MAIN(TestCompanyCa)
#include "tst_companyca.moc"
