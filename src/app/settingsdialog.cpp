#include "app/settingsdialog.h"

#include "ui_settingsdialog.h"

#include "app/appearancesettingspage.h"
#include "app/languagesupport.h"
#include "app/networksettingspage.h"
#include "app/palettecolors.h"
#include "app/watchsettingspage.h"
#include "core/accountstatus.h"
#include "core/apiclient.h"
#include "core/apikeyprovider.h"
#include "core/credentialstore.h"
#include "core/keycheck.h"

#include <QMessageBox>
#include <QPushButton>

namespace CaseLens::Gui {

SettingsDialog::SettingsDialog(ApiKeyProvider *keys, const SettingsValues &values, QWidget *parent,
                               AccountStatus *account)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_keys(keys)
    , m_account(account)
    , m_network(new NetworkSettingsPage(this))
    , m_watch(new WatchSettingsPage(values, this))
    , m_appearance(new AppearanceSettingsPage(values.appearance, this))
{
    Q_ASSERT(keys);
    m_ui->setupUi(this);
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_ui->languageGroup), m_network);
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_ui->languageGroup), m_watch);
    m_network->setValues(values.proxy, values.caFile);
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_ui->languageGroup), m_appearance);
    m_network->setTestTarget([this] {
        return NetworkSettingsPage::TestTarget{enteredServerUrl(), m_ui->apiKeyEdit->text(),
                                               std::chrono::seconds(m_ui->timeoutSpin->value())};
    });
    connect(m_network, &NetworkSettingsPage::changed, this, &SettingsDialog::validateServerUrl);

    m_ui->apiKeyEdit->setText(m_keys->key());
    connect(m_ui->apiKeyEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateKeyState);
    connect(m_ui->showKeyButton, &QToolButton::toggled, this, [this](bool show) {
        m_ui->apiKeyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showKeyButton->setText(show ? tr("Hide") : tr("Show"));
        m_ui->showKeyButton->setAccessibleName(show ? tr("Hide API key") : tr("Show API key"));
    });
    connect(m_ui->saveKeyButton, &QPushButton::clicked, this, [this] {
        m_offerSession = false;
        setKeyStatus(m_keys->usesKeychain() ? tr("Saving…") : QString(), false);
        m_keys->save(m_ui->apiKeyEdit->text());
    });
    connect(m_ui->sessionOnlyButton, &QPushButton::clicked, this, [this] {
        m_keys->useForSession(m_ui->apiKeyEdit->text());
        setKeyStatus(tr("This session only — not saved. CaseLens asks again next time."), false);
    });
    connect(m_ui->forgetKeyButton, &QPushButton::clicked, this, &SettingsDialog::confirmForget);
    connect(m_ui->checkKeyButton, &QPushButton::clicked, this, &SettingsDialog::checkKey);
    if (m_account)
        connect(m_account, &AccountStatus::changed, this, &SettingsDialog::updateAccount);
    connect(m_keys, &ApiKeyProvider::saveFinished, this, [this](const Error &error) {
        if (error.isError()) {
            m_offerSession = m_keys->usesKeychain() && error.kind() == ErrorKind::Keychain;
            setKeyStatus(error.message(), true);
        } else {
            setKeyStatus(m_keys->source() == ApiKeyProvider::Source::Keychain
                             ? tr("Saved in %1").arg(CredentialStore::keychainName())
                             : tr("This session only — not saved"),
                         false);
        }
        updateKeyState();
    });
    connect(m_keys, &ApiKeyProvider::forgetFinished, this, [this](const Error &error) {
        if (error.isError()) {
            setKeyStatus(error.message(), true);
        } else {
            m_ui->apiKeyEdit->clear();
            setKeyStatus(tr("The key was forgotten."), false);
        }
        updateKeyState();
    });
    connect(m_keys, &ApiKeyProvider::keyChanged, this, [this] {
        // A key found in the keychain while the dialog is open fills the
        // field, unless the agent is typing one.
        if (!m_ui->apiKeyEdit->isModified())
            m_ui->apiKeyEdit->setText(m_keys->key());
        updateKeyState();
    });
    connect(m_keys, &ApiKeyProvider::statusChanged, this, [this] {
        // The keychain failed while the dialog was open (e.g. the first read).
        if (const Error error = m_keys->keychainError();
            error.isError() && !m_keys->isBusy() && m_ui->keyStatusLabel->text().isEmpty()) {
            m_offerSession = m_keys->usesKeychain();
            setKeyStatus(error.message(), true);
        }
        updateKeyState();
    });

    m_ui->serverUrlEdit->setText(values.serverUrl.toString());
    m_ui->serverUrlEdit->setPlaceholderText(ApiClient::defaultBaseUrl().toString());
    connect(m_ui->serverUrlEdit, &QLineEdit::textChanged, this, &SettingsDialog::validateServerUrl);
    connect(m_ui->defaultServerButton, &QPushButton::clicked, this,
            [this] { m_ui->serverUrlEdit->setText(ApiClient::defaultBaseUrl().toString()); });
    QPalette errorPalette = m_ui->serverUrlErrorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, PaletteColors::errorText(palette()));
    m_ui->serverUrlErrorLabel->setPalette(errorPalette);
    m_normalStatusPalette = m_ui->keyStatusLabel->palette();
    m_errorStatusPalette = errorPalette;
    // A keychain problem found at start is shown here, with the way around it.
    if (const Error error = m_keys->keychainError(); error.isError()) {
        m_offerSession = m_keys->usesKeychain();
        setKeyStatus(error.message(), true);
    } else {
        setKeyStatus({}, false);
    }

    m_ui->timeoutSpin->setRange(ClientSettings::MinTimeoutSeconds, ClientSettings::MaxTimeoutSeconds);
    m_ui->timeoutSpin->setValue(values.timeoutSeconds);

    const QList<LanguageChoice> languages = availableLanguages();
    for (const LanguageChoice &language : languages)
        m_ui->languageCombo->addItem(language.displayName, language.code);
    const int languageIndex = m_ui->languageCombo->findData(values.language);
    m_ui->languageCombo->setCurrentIndex(std::max(0, languageIndex));

    updateKeyState();
    validateServerUrl();
    updateAccount();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::checkKey()
{
    if (!m_keyCheck) {
        m_keyCheck = new KeyCheck(this);
        connect(m_keyCheck, &KeyCheck::finished, this, &SettingsDialog::onKeyChecked);
    }
    // The key and server as entered: checked before they are saved.
    const QUrl server = enteredServerUrl().isValid() ? enteredServerUrl() : ApiClient::defaultBaseUrl();
    setKeyStatus(tr("Checking the key…"), false);
    m_ui->checkKeyButton->setEnabled(false);
    m_keyCheck->start(server, m_ui->apiKeyEdit->text(), std::chrono::seconds(m_ui->timeoutSpin->value()));
}

void SettingsDialog::onKeyChecked(const Error &error, const QString &owner)
{
    updateKeyState();
    if (error.isError())
        setKeyStatus(tr("The key does not work: %1").arg(error.message()), true);
    else if (owner.isEmpty())
        setKeyStatus(tr("The key works."), false);
    else
        setKeyStatus(tr("The key works. It belongs to %1.").arg(owner), false);
}

void SettingsDialog::updateAccount()
{
    QStringList lines;
    if (m_account) {
        lines << m_account->signedInText() << m_account->usageText() << m_account->usageWarning();
        lines.removeAll(QString());
    }
    m_ui->accountLabel->setText(lines.join(u'\n'));
    m_ui->accountLabel->setVisible(!lines.isEmpty());
}

SettingsValues SettingsDialog::values() const
{
    SettingsValues values;
    values.serverUrl = enteredServerUrl();
    values.timeoutSeconds = m_ui->timeoutSpin->value();
    values.language = m_ui->languageCombo->currentData().toString();
    values.proxy = m_network->proxy();
    values.caFile = m_network->caFile();
    m_watch->applyTo(values);
    values.appearance = m_appearance->appearance();
    return values;
}

void SettingsDialog::focusApiKey()
{
    m_ui->apiKeyEdit->setFocus();
    m_ui->apiKeyEdit->selectAll();
}

void SettingsDialog::confirmForget()
{
    if (m_keys->source() != ApiKeyProvider::Source::Keychain) {
        m_keys->forget(); // only in memory: nothing stored to lose
        return;
    }
    // Deleting a stored key is deliberate and cannot be undone: ask first.
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Forget the API key?"),
        tr("Delete the API key for %1 from %2? You will need to paste it again.")
            .arg(CredentialStore::accountForServer(m_keys->server()), CredentialStore::keychainName()),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("forgetConfirmation"));
    QPushButton *forget = box->addButton(tr("Forget key"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, forget] {
        if (box->clickedButton() == forget)
            m_keys->forget();
    });
    box->open();
}

void SettingsDialog::setKeyStatus(const QString &text, bool isError)
{
    m_ui->keyStatusLabel->setPalette(isError ? m_errorStatusPalette : m_normalStatusPalette);
    m_ui->keyStatusLabel->setText(isError && !text.isEmpty() ? QStringLiteral("⚠ ") + text : text);
    m_ui->keyStatusLabel->setVisible(!text.isEmpty());
}

void SettingsDialog::updateKeyState()
{
    const QString entered = m_ui->apiKeyEdit->text().trimmed();
    const bool busy = m_keys->isBusy();
    const bool sessionKeyCouldBeSaved =
        m_keys->usesKeychain() && m_keys->source() == ApiKeyProvider::Source::Session;
    m_ui->saveKeyButton->setEnabled(!busy && !entered.isEmpty() &&
                                    (entered != m_keys->key() || sessionKeyCouldBeSaved));
    m_ui->forgetKeyButton->setEnabled(!busy && m_keys->canForget());
    m_ui->forgetKeyButton->setToolTip(m_keys->source() == ApiKeyProvider::Source::Environment
                                          ? tr("The key comes from the environment variable %1: unset it "
                                               "to stop using it.")
                                                .arg(QLatin1String(ApiKeyProvider::EnvironmentVariable))
                                          : QString());
    const bool offer = m_offerSession && m_keys->source() != ApiKeyProvider::Source::Session;
    m_ui->sessionOnlyButton->setVisible(offer);
    m_ui->sessionOnlyButton->setEnabled(!entered.isEmpty());
    m_ui->checkKeyButton->setEnabled(!entered.isEmpty() && !(m_keyCheck && m_keyCheck->isRunning()));
    QString location;
    if (m_keys->hasKey())
        location = tr("Kept in: %1").arg(m_keys->locationDescription());
    else if (m_keys->isLoading())
        location = tr("Looking for your API key…");
    else
        location = tr("No key set. Paste your key above and press Save key.");
    m_ui->keyLocationLabel->setText(location);
}

QUrl SettingsDialog::enteredServerUrl() const
{
    const QString text = m_ui->serverUrlEdit->text().trimmed();
    return text.isEmpty() ? ApiClient::defaultBaseUrl() : QUrl(text, QUrl::StrictMode);
}

void SettingsDialog::validateServerUrl()
{
    const Error error = ApiClient::validateBaseUrl(enteredServerUrl());
    m_ui->serverUrlErrorLabel->setText(error.isError() ? error.message() : QString());
    m_ui->serverUrlErrorLabel->setVisible(error.isError());
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(!error.isError() && m_network->isComplete());
}

} // namespace CaseLens::Gui
