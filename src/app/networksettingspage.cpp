#include "app/networksettingspage.h"

#include "ui_networksettingspage.h"

#include "app/palettecolors.h"
#include "app/proxycredentialsdialog.h"
#include "core/apiclient.h"
#include "core/credentialstore.h"
#include "core/proxyauth.h"

#include <QFileDialog>
#include <QNetworkAccessManager>

namespace CaseLens::Gui {

namespace {
// The combo boxes' rows, in the form's order.
constexpr int SystemRow = 0;
constexpr int NoneRow = 1;
constexpr int ManualRow = 2;
constexpr int Socks5Row = 1;
} // namespace

NetworkSettingsPage::NetworkSettingsPage(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::NetworkSettingsPage>())
    , m_keychain(new CredentialStore(this))
{
    m_ui->setupUi(this);
    m_normalPalette = m_ui->testResultLabel->palette();
    m_errorPalette = m_normalPalette;
    m_errorPalette.setColor(QPalette::WindowText, PaletteColors::errorText(palette()));
    m_ui->proxyProblemLabel->setPalette(m_errorPalette);

    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, &NetworkSettingsPage::update);
    connect(m_ui->proxyTypeCombo, &QComboBox::currentIndexChanged, this, &NetworkSettingsPage::update);
    connect(m_ui->proxyHostEdit, &QLineEdit::textChanged, this, &NetworkSettingsPage::update);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, &NetworkSettingsPage::update);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this, &NetworkSettingsPage::testConnection);
    connect(m_ui->caFileChooseButton, &QPushButton::clicked, this, &NetworkSettingsPage::chooseCaFile);
    connect(m_ui->caFileClearButton, &QPushButton::clicked, this, [this] {
        m_ui->caFileEdit->clear();
        update();
    });
    setTestResult({}, false);
    update();
}

NetworkSettingsPage::~NetworkSettingsPage()
{
    delete m_testReply; // withdrawn quietly, before its client goes
}

void NetworkSettingsPage::setValues(const ProxyConfig &proxy, const QString &caFile)
{
    m_ui->proxyModeCombo->setCurrentIndex(proxy.mode == ProxyMode::Manual ? ManualRow
                                          : proxy.mode == ProxyMode::None ? NoneRow
                                                                          : SystemRow);
    m_ui->proxyTypeCombo->setCurrentIndex(proxy.type == ProxyType::Socks5 ? Socks5Row : 0);
    m_ui->proxyHostEdit->setText(proxy.host);
    if (proxy.port > 0)
        m_ui->proxyPortSpin->setValue(proxy.port);
    m_ui->caFileEdit->setText(caFile);
    update();
}

ProxyConfig NetworkSettingsPage::proxy() const
{
    ProxyConfig proxy;
    const int mode = m_ui->proxyModeCombo->currentIndex();
    proxy.mode = mode == ManualRow ? ProxyMode::Manual
                 : mode == NoneRow ? ProxyMode::None
                                   : ProxyMode::System;
    if (proxy.mode == ProxyMode::Manual) {
        proxy.type = m_ui->proxyTypeCombo->currentIndex() == Socks5Row ? ProxyType::Socks5 : ProxyType::Http;
        proxy.host = m_ui->proxyHostEdit->text().trimmed();
        proxy.port = m_ui->proxyPortSpin->value();
    }
    return proxy;
}

QString NetworkSettingsPage::caFile() const
{
    return m_ui->caFileEdit->text();
}

void NetworkSettingsPage::update()
{
    const bool manual = m_ui->proxyModeCombo->currentIndex() == ManualRow;
    m_ui->proxyTypeCombo->setEnabled(manual);
    m_ui->proxyHostEdit->setEnabled(manual);
    m_ui->proxyPortSpin->setEnabled(manual);
    const bool complete = isComplete();
    m_ui->proxyProblemLabel->setText(complete ? QString() : tr("Enter the proxy's host name or address."));
    m_ui->proxyProblemLabel->setVisible(!complete);
    m_ui->testConnectionButton->setEnabled(complete && m_testReply == nullptr);
    m_ui->caFileClearButton->setEnabled(!m_ui->caFileEdit->text().isEmpty());
    Q_EMIT changed();
}

void NetworkSettingsPage::chooseCaFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Company certificate"), m_ui->caFileEdit->text(),
                                     tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (path.isEmpty())
        return;
    m_ui->caFileEdit->setText(path);
    update();
}

void NetworkSettingsPage::testConnection()
{
    if (!m_target || m_testReply)
        return;
    const TestTarget target = m_target();
    delete m_testAuth;
    m_testClient.reset();
    m_testNetwork = std::make_unique<QNetworkAccessManager>();
    applyProxy(*m_testNetwork, proxy());
    // As the window does: a kept pair first, else the agent is asked (and
    // may keep it), so credentials can be saved here before they are needed.
    m_testAuth = new ProxyAuthenticator(m_testNetwork.get(), m_keychain, this);
    m_testAuth->setAsk(ProxyCredentialsDialog::asker(window()));
    m_testClient = std::make_unique<ApiClient>(m_testNetwork.get());
    m_testClient->setProxyAuthenticator(m_testAuth);
    m_testClient->setRetryPolicy(0, std::chrono::milliseconds(0));
    m_testClient->setTimeout(target.timeout);
    if (const Error error = m_testClient->setBaseUrl(target.server); error.isError()) {
        setTestResult(error.message(), true);
        return;
    }
    m_testClient->setApiKey(target.key);
    m_testReply = m_testClient->checkHealth();
    connect(m_testReply, &ApiReply::finished, this, &NetworkSettingsPage::onTestFinished);
    setTestResult(tr("Connecting…"), false);
    update();
}

void NetworkSettingsPage::onTestFinished()
{
    const Error error = m_testReply->error();
    m_testReply->deleteLater();
    m_testReply = nullptr;
    if (!error.isError())
        setTestResult(tr("The connection works."), false);
    else if (error.httpStatus() > 0)
        // Any HTTP answer came through: the network path is fine.
        setTestResult(tr("The connection works (the server answered: %1)").arg(error.message()), false);
    else
        setTestResult(tr("The connection failed: %1").arg(error.message()), true);
    update();
}

void NetworkSettingsPage::setTestResult(const QString &text, bool isError)
{
    m_ui->testResultLabel->setPalette(isError ? m_errorPalette : m_normalPalette);
    m_ui->testResultLabel->setText(text);
    m_ui->testResultLabel->setVisible(!text.isEmpty());
}

} // namespace CaseLens::Gui
