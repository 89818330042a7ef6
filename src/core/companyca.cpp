#include "core/companyca.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace CaseLens {

CompanyCa CompanyCa::load(const QString &path)
{
    CompanyCa ca;
    ca.path = path;
    const QString shown = QDir::toNativeSeparators(path);
    const auto fail = [&ca, &shown](const QString &why, const QString &detail) {
        ca.error = Error(ErrorKind::InvalidInput,
                         tr("The company certificate file %1 could not be used: %2 Choose it again under "
                            "Settings → Network → Company certificate (caselens-cli: --ca-file or "
                            "CASELENS_CA_FILE), or clear it.")
                             .arg(shown, why),
                         detail);
        return ca;
    };
    QFile file(path);
    if (QFileInfo(path).isDir())
        return fail(tr("it is a folder."), {});
    // Certificates are a few kilobytes; a company bundle rarely exceeds a
    // megabyte. A bigger "certificate" is the wrong file.
    constexpr qint64 MaxBytes = 16 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("it cannot be read (%1).").arg(file.errorString()), file.errorString());
    if (file.size() > MaxBytes)
        return fail(tr("it is too large to be a certificate."), tr("%1 bytes").arg(file.size()));
    const QByteArray pem = file.readAll();
    ca.certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (ca.certificates.isEmpty()) {
        // A DER certificate (binary) is common on Windows: say how to convert it.
        return fail(
            pem.contains("-----BEGIN CERTIFICATE-----")
                ? tr("its certificate could not be read.")
                : tr("it holds no certificate in PEM format (text beginning with -----BEGIN "
                     "CERTIFICATE-----). Ask IT for the certificate as a PEM file, or convert it with "
                     "\"openssl x509 -inform der -in FILE -out company.pem\"."),
            {});
    }
    return ca;
}

QSslConfiguration CompanyCa::trusting(QSslConfiguration base, const QList<QSslCertificate> &certificates)
{
    QList<QSslCertificate> all = base.caCertificates();
    for (const QSslCertificate &c : QSslConfiguration::systemCaCertificates()) {
        if (!all.contains(c))
            all << c;
    }
    for (const QSslCertificate &c : certificates) {
        if (!all.contains(c))
            all << c;
    }
    base.setCaCertificates(all);
    return base;
}

} // namespace CaseLens
