#include "app/proxycredentialsdialog.h"

#include "app/palettecolors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace CaseLens::Gui {

ProxyCredentialsDialog::ProxyCredentialsDialog(const QString &proxy, bool rejected, QWidget *parent)
    : QDialog(parent)
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember in the system keychain"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("proxyCredentialsDialog"));
    setWindowTitle(tr("Proxy sign-in"));
    auto *layout = new QVBoxLayout(this);

    if (rejected) {
        auto *rejectedLabel = new QLabel(tr("The proxy rejected the user name or password."), this);
        rejectedLabel->setObjectName(QStringLiteral("proxyRejectedLabel"));
        rejectedLabel->setWordWrap(true);
        QPalette palette = rejectedLabel->palette();
        palette.setColor(QPalette::WindowText, PaletteColors::errorText(this->palette()));
        rejectedLabel->setPalette(palette);
        layout->addWidget(rejectedLabel);
    }
    auto *intro = new QLabel(tr("The proxy at %1 needs a user name and password.").arg(proxy), this);
    intro->setObjectName(QStringLiteral("proxyIntroLabel"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_user->setObjectName(QStringLiteral("proxyUserEdit"));
    m_user->setAccessibleName(tr("Proxy user name"));
    m_password->setObjectName(QStringLiteral("proxyPasswordEdit"));
    m_password->setAccessibleName(tr("Proxy password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_remember->setObjectName(QStringLiteral("proxyRememberCheck"));
    layout->addWidget(m_remember);
    m_buttons->setObjectName(QStringLiteral("proxyButtons"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_user->text().isEmpty());
    };
    connect(m_user, &QLineEdit::textChanged, this, update);
    update();
    m_user->setFocus();
}

ProxyCredentialsDialog::~ProxyCredentialsDialog() = default;

ProxyCredentials ProxyCredentialsDialog::credentials() const
{
    return {m_user->text(), m_password->text(), m_remember->isChecked()};
}

ProxyAuthenticator::Ask ProxyCredentialsDialog::asker(QWidget *parent)
{
    return [guard = QPointer<QWidget>(parent)](const QString &proxy,
                                               bool rejected) -> std::optional<ProxyCredentials> {
        // Qt needs the answer before the slot returns: exec() is right here.
        ProxyCredentialsDialog dialog(proxy, rejected, guard.data());
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.credentials();
    };
}

} // namespace CaseLens::Gui
