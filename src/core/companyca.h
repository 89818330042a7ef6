#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

namespace CaseLens {

// A company's own certificate authority (a TLS-inspecting proxy re-signs
// every site with it), trusted by CaseLens on top of the system's CAs.
// Never instead of them, and never a way to ignore certificate errors.
class CompanyCa final
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::CompanyCa)

public:
    // Reads a PEM file, which may hold several certificates. An unreadable
    // file, or one without a PEM certificate, gives a clear error
    // (InvalidInput) and no certificates.
    [[nodiscard]] static CompanyCa load(const QString &path);

    // base with these certificates added to its CAs and to the system's.
    // (Setting CAs on a configuration turns off Qt's on-demand loading of the
    // system's roots, so those are added explicitly.)
    [[nodiscard]] static QSslConfiguration trusting(QSslConfiguration base,
                                                    const QList<QSslCertificate> &certificates);

    QString path;
    QList<QSslCertificate> certificates;
    Error error;
};

} // namespace CaseLens
