#include "support/testcertificates.h"

#include <QDebug>
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>

namespace CaseLens::Testing {

namespace {

const QStringList ecKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};

QStringList keyAndCertificate(const QString &name, const QString &outFlag, const QString &outSuffix)
{
    return ecKey +
           QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), outFlag, name + outSuffix};
}

} // namespace

TestCertificates::TestCertificates()
    : m_openssl(opensslPath())
{}

QString TestCertificates::opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

bool TestCertificates::openssl(const QStringList &arguments)
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

bool TestCertificates::writeFile(const QString &name, const QByteArray &content)
{
    QFile file(path(name));
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

bool TestCertificates::makeCa(const QString &name, const QString &subject)
{
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} +
                   keyAndCertificate(name, QStringLiteral("-out"), QStringLiteral(".crt")) +
                   QStringList{QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), subject,
                               QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                               QStringLiteral("-addext"),
                               QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
}

// Signed with openssl ca, which, unlike openssl x509, can set any validity period.
bool TestCertificates::makeLeaf(const QString &name, const QString &ca, const QString &commonName,
                                const QString &subjectAltName, const QStringList &validity)
{
    if (!openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} +
                 keyAndCertificate(name, QStringLiteral("-out"), QStringLiteral(".csr")) +
                 QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName}))
        return false;
    const QByteArray database = name.toUtf8() + "-index.txt";
    const QByteArray config = "[ca]\ndefault_ca = ca_section\n[ca_section]\ndatabase = " + database +
                              "\nnew_certs_dir = .\nserial = " + name.toUtf8() +
                              "-serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n"
                              "[any]\ncommonName = supplied\n";
    const QByteArray extensions = "subjectAltName = " + subjectAltName.toUtf8() +
                                  "\nbasicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\n";
    if (!writeFile(name + QStringLiteral("-ca.cnf"), config) || !writeFile(QString::fromUtf8(database), {}) ||
        !writeFile(name + QStringLiteral("-serial"), "1000\n") ||
        !writeFile(name + QStringLiteral(".ext"), extensions))
        return false;
    return openssl(QStringList{QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                               QStringLiteral("-config"), name + QStringLiteral("-ca.cnf"),
                               QStringLiteral("-cert"), ca + QStringLiteral(".crt"),
                               QStringLiteral("-keyfile"), ca + QStringLiteral(".key"), QStringLiteral("-in"),
                               name + QStringLiteral(".csr"), QStringLiteral("-out"),
                               name + QStringLiteral(".crt"), QStringLiteral("-extfile"),
                               name + QStringLiteral(".ext")} +
                   validity);
}

bool TestCertificates::makeSelfSigned(const QString &name, const QString &subjectAltName)
{
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} +
                   keyAndCertificate(name, QStringLiteral("-out"), QStringLiteral(".crt")) +
                   QStringList{QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                               QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                               QStringLiteral("subjectAltName=") + subjectAltName});
}

Identity TestCertificates::load(const QString &name) const
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

QList<QSslCertificate> TestCertificates::certificates(const QString &name) const
{
    return QSslCertificate::fromPath(path(name + QStringLiteral(".crt")), QSsl::Pem);
}

TlsServer::TlsServer(const Identity &identity, Handler handler)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(identity.certificate);
    configuration.setPrivateKey(identity.key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    setTlsConfiguration(configuration);
    setHandler(std::move(handler));
}

TlsServer::~TlsServer() = default;

} // namespace CaseLens::Testing
