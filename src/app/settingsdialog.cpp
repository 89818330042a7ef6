#include "settingsdialog.h"

#include "ui_settingsdialog.h"

#include "apiclient.h"
#include "apikeyprovider.h"
#include "appsettings.h"
#include "languagesupport.h"
#include "palettecolors.h"

#include <QPushButton>

namespace CaseLens::Gui {

SettingsDialog::SettingsDialog(ApiKeyProvider *keys, const SettingsValues &values, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_keys(keys)
{
    Q_ASSERT(keys);
    m_ui->setupUi(this);

    m_ui->apiKeyEdit->setText(m_keys->key());
    connect(m_ui->apiKeyEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateKeyState);
    connect(m_ui->showKeyButton, &QToolButton::toggled, this, [this](bool show) {
        m_ui->apiKeyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showKeyButton->setText(show ? tr("Hide") : tr("Show"));
        m_ui->showKeyButton->setAccessibleName(show ? tr("Hide API key") : tr("Show API key"));
    });
    connect(m_ui->saveKeyButton, &QPushButton::clicked, this,
            [this] { m_keys->store(m_ui->apiKeyEdit->text()); });
    connect(m_ui->forgetKeyButton, &QPushButton::clicked, this, [this] {
        m_keys->forget();
        m_ui->apiKeyEdit->clear();
    });
    connect(m_keys, &ApiKeyProvider::keyChanged, this, &SettingsDialog::updateKeyState);

    m_ui->serverUrlEdit->setText(values.serverUrl.toString());
    m_ui->serverUrlEdit->setPlaceholderText(ApiClient::defaultBaseUrl().toString());
    connect(m_ui->serverUrlEdit, &QLineEdit::textChanged, this, &SettingsDialog::validateServerUrl);
    connect(m_ui->defaultServerButton, &QPushButton::clicked, this,
            [this] { m_ui->serverUrlEdit->setText(ApiClient::defaultBaseUrl().toString()); });
    QPalette errorPalette = m_ui->serverUrlErrorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, PaletteColors::errorText(palette()));
    m_ui->serverUrlErrorLabel->setPalette(errorPalette);

    m_ui->timeoutSpin->setRange(AppSettings::MinTimeoutSeconds, AppSettings::MaxTimeoutSeconds);
    m_ui->timeoutSpin->setValue(values.timeoutSeconds);

    const QList<LanguageChoice> languages = availableLanguages();
    for (const LanguageChoice &language : languages)
        m_ui->languageCombo->addItem(language.displayName, language.code);
    const int languageIndex = m_ui->languageCombo->findData(values.language);
    m_ui->languageCombo->setCurrentIndex(std::max(0, languageIndex));

    updateKeyState();
    validateServerUrl();
}

SettingsDialog::~SettingsDialog() = default;

SettingsValues SettingsDialog::values() const
{
    SettingsValues values;
    values.serverUrl = enteredServerUrl();
    values.timeoutSeconds = m_ui->timeoutSpin->value();
    values.language = m_ui->languageCombo->currentData().toString();
    return values;
}

void SettingsDialog::focusApiKey()
{
    m_ui->apiKeyEdit->setFocus();
    m_ui->apiKeyEdit->selectAll();
}

void SettingsDialog::updateKeyState()
{
    const QString entered = m_ui->apiKeyEdit->text().trimmed();
    m_ui->saveKeyButton->setEnabled(!entered.isEmpty() && entered != m_keys->key());
    m_ui->forgetKeyButton->setEnabled(m_keys->hasKey());
    m_ui->keyLocationLabel->setText(m_keys->hasKey()
                                        ? tr("Kept in: %1").arg(m_keys->locationDescription())
                                        : tr("No key set. Paste your key above and press Save key."));
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
        ok->setEnabled(!error.isError());
}

} // namespace CaseLens::Gui
