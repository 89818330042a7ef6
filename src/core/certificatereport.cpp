#include "core/certificatereport.h"

#include "core/hostport.h"

#include <QLocale>
#include <QSslCertificate>
#include <QSslError>

namespace CaseLens {

namespace {

QString firstOf(const QStringList &values)
{
    return values.isEmpty() ? QString() : values.constFirst().trimmed();
}

// "CN (O)", "CN", "O", or nothing.
QString nameAndOrganisation(const QString &commonName, const QString &organisation)
{
    if (commonName.isEmpty())
        return organisation;
    if (organisation.isEmpty() || organisation == commonName)
        return commonName;
    return commonName + QStringLiteral(" (") + organisation + u')';
}

QString colonHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

enum class Problem { UntrustedIssuer, SelfSigned, Expired, NotYetValid, WrongHost, Other };

Problem classify(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
    case QSslError::InvalidCaCertificate:
        return Problem::UntrustedIssuer;
    case QSslError::SelfSignedCertificate:
        return Problem::SelfSigned;
    case QSslError::CertificateExpired:
        return Problem::Expired;
    case QSslError::CertificateNotYetValid:
        return Problem::NotYetValid;
    case QSslError::HostNameMismatch:
        return Problem::WrongHost;
    default:
        return Problem::Other;
    }
}

} // namespace

CertificateSummary CertificateSummary::of(const QSslCertificate &certificate)
{
    CertificateSummary s;
    s.subject = nameAndOrganisation(firstOf(certificate.subjectInfo(QSslCertificate::CommonName)),
                                    firstOf(certificate.subjectInfo(QSslCertificate::Organization)));
    s.issuer = issuerName(certificate);
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if ((it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry) && !s.names.contains(it.value()))
            s.names << it.value();
    }
    // Clients ignore the common name when alt names exist; show what counts.
    if (s.names.isEmpty() && !firstOf(certificate.subjectInfo(QSslCertificate::CommonName)).isEmpty())
        s.names << firstOf(certificate.subjectInfo(QSslCertificate::CommonName));
    s.serial = QString::fromLatin1(certificate.serialNumber()).toUpper();
    s.sha256 = colonHex(certificate.digest(QCryptographicHash::Sha256));
    s.notBefore = certificate.effectiveDate();
    s.notAfter = certificate.expiryDate();
    s.selfSigned = certificate.isSelfSigned();
    return s;
}

QString CertificateSummary::issuerName(const QSslCertificate &certificate)
{
    return nameAndOrganisation(firstOf(certificate.issuerInfo(QSslCertificate::CommonName)),
                               firstOf(certificate.issuerInfo(QSslCertificate::Organization)));
}

QString CertificateReport::displayDate(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().date(), QLocale::LongFormat);
}

CertificateReport CertificateReport::make(const QList<QSslError> &errors,
                                          const QList<QSslCertificate> &peerChain, const QUrl &server,
                                          const QDateTime &now)
{
    CertificateReport report;
    report.server = hostAndPort(server);
    report.host = displayHost(server.host());
    report.now = now;
    // The chain as presented; a server that sent none leaves only the
    // certificates the errors name.
    QList<QSslCertificate> chain = peerChain;
    if (chain.isEmpty()) {
        for (const QSslError &e : errors) {
            if (!e.certificate().isNull() && !chain.contains(e.certificate()))
                chain << e.certificate();
        }
    }
    for (const QSslCertificate &c : std::as_const(chain))
        report.chain << CertificateSummary::of(c);
    const QSslCertificate leaf = chain.value(0);
    // The authority the agent's IT has to trust: the top of the chain the
    // server sent (its root, or the intermediate whose issuer is missing).
    const QString topIssuer = chain.isEmpty() ? QString() : CertificateSummary::issuerName(chain.constLast());

    const auto add = [&report](const QString &problem) {
        if (!report.problems.contains(problem))
            report.problems << problem;
    };
    for (const QSslError &e : errors) {
        if (!report.qtProblems.contains(e.errorString()))
            report.qtProblems << e.errorString();
        const QSslCertificate subject = e.certificate().isNull() ? leaf : e.certificate();
        const bool isLeaf = subject == leaf;
        const QString authority = CertificateSummary::of(subject).subject;
        switch (classify(e.error())) {
        case Problem::UntrustedIssuer:
            report.untrustedIssuer = true;
            add(topIssuer.isEmpty()
                    ? tr("it was issued by a certificate authority this computer does not trust")
                    : tr("it was issued by “%1”, a certificate authority this computer does not trust")
                          .arg(topIssuer));
            break;
        case Problem::SelfSigned:
            report.untrustedIssuer = true;
            add(tr("it is self-signed: it vouches for itself, and this computer does not trust it"));
            break;
        case Problem::Expired:
        case Problem::NotYetValid: {
            report.dateProblem = true;
            const bool expired = classify(e.error()) == Problem::Expired;
            const QString when = displayDate(expired ? subject.expiryDate() : subject.effectiveDate());
            if (isLeaf)
                add(expired ? tr("it expired on %1").arg(when) : tr("it is not valid before %1").arg(when));
            else
                add((expired ? tr("the certificate of “%1” in its chain expired on %2")
                             : tr("the certificate of “%1” in its chain is not valid before %2"))
                        .arg(authority, when));
            break;
        }
        case Problem::WrongHost: {
            report.wrongHost = true;
            const QStringList names = CertificateSummary::of(leaf).names;
            add(names.isEmpty()
                    ? tr("it names no host, so it is not for %1").arg(report.host)
                    : tr("it is for %1, not for %2").arg(names.join(QStringLiteral(", ")), report.host));
            break;
        }
        case Problem::Other:
            switch (e.error()) {
            case QSslError::CertificateRevoked:
                add(tr("its issuer has revoked it"));
                break;
            case QSslError::CertificateSignatureFailed:
            case QSslError::UnableToDecryptCertificateSignature:
            case QSslError::UnableToDecodeIssuerPublicKey:
                add(tr("its signature does not match its issuer (it may have been altered)"));
                break;
            case QSslError::InvalidPurpose:
                add(tr("it is not meant to identify a server"));
                break;
            case QSslError::NoPeerCertificate:
                add(tr("the server sent no certificate"));
                break;
            default:
                add(e.errorString());
                break;
            }
            break;
        }
    }
    return report;
}

QString CertificateReport::message() const
{
    QStringList lines;
    lines << tr("CaseLens refused the certificate that %1 presented, and sent it nothing:").arg(server);
    for (const QString &problem : problems)
        lines << QStringLiteral("• ") + problem;
    if (!chain.isEmpty()) {
        const CertificateSummary &leaf = chain.constFirst();
        lines << (leaf.selfSigned ? tr("Issued by: itself (%1)").arg(leaf.issuer)
                                  : tr("Issued by: %1").arg(leaf.issuer));
        if (!leaf.names.isEmpty())
            lines << tr("Covers: %1").arg(leaf.names.join(QStringLiteral(", ")));
        lines << tr("Valid from %1 to %2").arg(displayDate(leaf.notBefore), displayDate(leaf.notAfter));
    }
    if (wrongHost)
        lines
            << tr("Check the server address in Settings. If it is right, something between this computer "
                  "and %1 (often a company proxy) answers in its place: tell IT which names the certificate "
                  "covers.")
                   .arg(host);
    if (dateProblem)
        lines
            << tr("Check this computer's date and time (it reads %1 now): a wrong clock makes good "
                  "certificates look expired. If the clock is right, tell IT or the server's administrators "
                  "that the certificate is out of date.")
                   .arg(displayDate(now));
    if (untrustedIssuer)
        lines << tr("If your company inspects secure traffic, ask IT to install its certificate on this "
                    "computer, or add it under Settings → Network → Company certificate.");
    return lines.join(u'\n');
}

QString CertificateReport::chainText() const
{
    const auto utc = [](const QDateTime &when) { return when.toUTC().toString(Qt::ISODate); };
    QStringList lines;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const CertificateSummary &c = chain.at(i);
        lines << (i == 0 ? tr("Certificate %1 of %2 (the server's):") : tr("Certificate %1 of %2:"))
                     .arg(i + 1)
                     .arg(chain.size());
        lines << tr("  Subject: %1").arg(c.subject);
        lines << tr("  Issuer: %1").arg(c.selfSigned ? tr("itself (%1)").arg(c.issuer) : c.issuer);
        if (!c.names.isEmpty())
            lines << tr("  Names: %1").arg(c.names.join(QStringLiteral(", ")));
        lines << tr("  Serial: %1").arg(c.serial);
        lines << tr("  SHA-256: %1").arg(c.sha256);
        lines << tr("  Valid from: %1").arg(utc(c.notBefore));
        lines << tr("  Valid until: %1").arg(utc(c.notAfter));
    }
    return lines.join(u'\n');
}

QString CertificateReport::detail() const
{
    QStringList lines;
    lines << tr("Server: %1").arg(server);
    for (const QString &problem : qtProblems)
        lines << tr("TLS error: %1").arg(problem);
    if (!chain.isEmpty())
        lines << chainText();
    return lines.join(u'\n');
}

Error certificateError(const CertificateReport &report, const QString &qtError)
{
    return {ErrorKind::Tls, report.message(), qtError + u'\n' + report.detail()};
}

Error handshakeError(const QUrl &server, const QString &qtError)
{
    const QString where = hostAndPort(server);
    // OpenSSL's words for a peer that does not speak TLS at all: the "TLS
    // record" it read was plain text (an http server on an https URL).
    if (qtError.contains(QLatin1StringView("wrong version number"), Qt::CaseInsensitive) ||
        qtError.contains(QLatin1StringView("packet length too long"), Qt::CaseInsensitive))
        return {
            ErrorKind::Tls,
            CertificateReport::tr("The server at %1 did not answer with a secure connection: it may speak "
                                  "plain http on that port. Check the server URL in Settings (https:// "
                                  "and the port).")
                .arg(where),
            qtError};
    return {ErrorKind::Tls,
            CertificateReport::tr("The server at %1 and CaseLens share no secure protocol version or cipher, "
                                  "so no secure connection could be made. CaseLens accepts TLS 1.2 and 1.3 "
                                  "only. Tell IT or the server's administrators: the server, or a device "
                                  "between this computer and it, needs a current TLS setup.")
                .arg(where),
            qtError};
}

} // namespace CaseLens
