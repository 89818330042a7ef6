#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSslCertificate;
class QSslError;

namespace CaseLens {

// One certificate as IT reads it.
struct CertificateSummary
{
    QString subject;   // common name (organisation)
    QString issuer;    // common name (organisation)
    QStringList names; // the host names and addresses it covers: subject alt names, else the CN
    QString serial;
    QString sha256; // "AB:CD:…", the fingerprint IT compares with its own
    QDateTime notBefore;
    QDateTime notAfter;
    bool selfSigned = false;

    [[nodiscard]] static CertificateSummary of(const QSslCertificate &certificate);
    // "CaseLens test CA (Example Corp)": the common name and organisation.
    [[nodiscard]] static QString issuerName(const QSslCertificate &certificate);
};

// Why CaseLens refused a server's certificate, in words a support agent can
// pass to IT: every problem Qt found (it reports several), who issued the
// certificate, which names it covers, when it is valid, and the next step.
// Made by a pure function (no network, no clock: now is given) from what
// QNetworkReply::sslErrors reports and the chain the server presented.
class CertificateReport final
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::CertificateReport)

public:
    [[nodiscard]] static CertificateReport make(const QList<QSslError> &errors,
                                                const QList<QSslCertificate> &peerChain, const QUrl &server,
                                                const QDateTime &now);

    QString server;                  // host:port as asked for ("[::1]:8443")
    QString host;                    // the host asked for
    QStringList problems;            // one plain sentence per problem, without repeats
    QStringList qtProblems;          // Qt's own wording, for the details
    QList<CertificateSummary> chain; // the server's certificate first
    QDateTime now;
    bool untrustedIssuer = false; // issued by (or is) a certificate authority this computer does not trust
    bool dateProblem = false;     // expired or not yet valid
    bool wrongHost = false;       // made for other names

    // The normal message: the problems, issuer, names, dates and next steps.
    [[nodiscard]] QString message() const;
    // Per certificate: subject, issuer, names, serial, SHA-256 fingerprint, dates.
    [[nodiscard]] QString chainText() const;
    // What a details view and "Copy details for IT" add to the message:
    // Qt's words for each problem and the chain.
    [[nodiscard]] QString detail() const;

    // A date as the agent's locale writes it.
    [[nodiscard]] static QString displayDate(const QDateTime &when);
};

// The Error for a refused certificate (ErrorKind::Tls); qtError is the
// reply's own code and text, kept in the details.
[[nodiscard]] Error certificateError(const CertificateReport &report, const QString &qtError);

// The Error for a TLS handshake that failed without a certificate problem:
// no shared protocol version or cipher, or no TLS at all on that port.
[[nodiscard]] Error handshakeError(const QUrl &server, const QString &qtError);

} // namespace CaseLens
