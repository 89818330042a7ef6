#pragma once

#include "loopback/httpserver.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// In a test function: fails when Qt has no TLS backend; without the openssl
// tool, fails on CI (scripts/install-deps.sh installs it) and skips elsewhere.
#define CASELENS_REQUIRE_TLS_TOOLS()                                                                         \
    do {                                                                                                     \
        if (!QSslSocket::supportsSsl())                                                                      \
            QFAIL("Qt has no working TLS backend here (the openssl TLS plugin is missing)");                 \
        if (CaseLens::Testing::TestCertificates::opensslPath().isEmpty()) {                                  \
            if (qEnvironmentVariableIsSet("CI"))                                                             \
                QFAIL("the openssl command-line tool is missing (scripts/install-deps.sh installs it)");     \
            QSKIP("the openssl command-line tool is needed to make test certificates");                      \
        }                                                                                                    \
    } while (false)

namespace CaseLens::Testing {

// A certificate and its private key, as a test server presents them.
struct Identity
{
    QSslCertificate certificate;
    QSslKey key;

    [[nodiscard]] bool isNull() const { return certificate.isNull() || key.isNull(); }
};

// Certificates made at test time with the openssl command-line tool, in a
// temporary folder of their own: CAs with a chosen subject, leaves they sign
// for chosen names and dates, self-signed ones. Files are named NAME.crt
// and NAME.key in dir().
class TestCertificates final
{
    Q_DISABLE_COPY_MOVE(TestCertificates)

public:
    TestCertificates();

    // The openssl tool, or empty when it is not installed (see
    // requireOpenssl in the suites: CI fails, a developer's machine skips).
    [[nodiscard]] static QString opensslPath();
    [[nodiscard]] bool isValid() const { return m_dir.isValid() && !m_openssl.isEmpty(); }
    [[nodiscard]] QString path(const QString &fileName) const { return m_dir.filePath(fileName); }

    // A CA: self-signed, may sign others. subject as openssl writes it:
    // "/CN=Example Inspection CA/O=Example Corp".
    bool makeCa(const QString &name, const QString &subject);
    // A server certificate for subjectAltName ("IP:127.0.0.1,DNS:localhost"),
    // signed by ca. validity: {"-days", "2"} or {"-startdate", "2020…Z",
    // "-enddate", "2020…Z"}.
    bool makeLeaf(const QString &name, const QString &ca, const QString &commonName,
                  const QString &subjectAltName, const QStringList &validity);
    bool makeSelfSigned(const QString &name, const QString &subjectAltName);
    // NAME.crt and NAME.key read back.
    [[nodiscard]] Identity load(const QString &name) const;
    // NAME.crt's certificates.
    [[nodiscard]] QList<QSslCertificate> certificates(const QString &name) const;

private:
    bool openssl(const QStringList &arguments);
    bool writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    QString m_openssl;
};

// An HTTPS/1.1 server on 127.0.0.1 (or ::1) presenting identity: the shared
// loopback server in TLS mode. It records every request it decrypts.
class TlsServer final : public Loopback::HttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsServer)

public:
    TlsServer(const Identity &identity, Handler handler);
    ~TlsServer() override;

    // Accepted TCP connections, whether or not the handshake succeeded.
    [[nodiscard]] int connections() const { return acceptedConnections(); }
};

} // namespace CaseLens::Testing
