#pragma once

#include "core/proxyauth.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace CaseLens::Gui {

// Asks for a proxy's user name and password, naming the proxy, with
// "Remember in the system keychain". It only shows: what is asked, when, and
// what happens to the answer is ProxyAuthenticator's policy.
class ProxyCredentialsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyCredentialsDialog)

public:
    // proxy: "host:port"; rejected: the last pair was refused (said first).
    ProxyCredentialsDialog(const QString &proxy, bool rejected, QWidget *parent = nullptr);
    ~ProxyCredentialsDialog() override;

    [[nodiscard]] ProxyCredentials credentials() const;

    // The Ask a ProxyAuthenticator calls: this dialog, modal (Qt waits for
    // the answer before the request goes on), over parent.
    [[nodiscard]] static ProxyAuthenticator::Ask asker(QWidget *parent);

private:
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QDialogButtonBox *m_buttons;
};

} // namespace CaseLens::Gui
