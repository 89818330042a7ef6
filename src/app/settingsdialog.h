#pragma once

#include "core/clientsettings.h"
#include "core/error.h"

#include <QDialog>
#include <QPalette>
#include <QString>
#include <QUrl>

#include <memory>

namespace CaseLens {
class AccountStatus;
class ApiKeyProvider;
class KeyCheck;
} // namespace CaseLens

namespace CaseLens::Gui {

namespace Ui {
class SettingsDialog;
}
class AppearanceSettingsPage;
class NetworkSettingsPage;
class WatchSettingsPage;

// What the dialog edits besides the key: the Session applies and persists it.
using CaseLens::SettingsValues;

// API key (masked, show toggle, save in the keychain / forget with a
// confirmation, a session-only key when the keychain is unavailable: acts at
// once through the ApiKeyProvider), server URL (validated as the client does), request
// timeout and language (OK: the caller hands values() to Session::apply).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // account (optional) shows who is signed in and the plan's usage.
    SettingsDialog(ApiKeyProvider *keys, const SettingsValues &values, QWidget *parent = nullptr,
                   AccountStatus *account = nullptr);
    ~SettingsDialog() override;

    [[nodiscard]] SettingsValues values() const;
    void focusApiKey();

private:
    void updateKeyState();
    void confirmForget();
    void setKeyStatus(const QString &text, bool isError);
    void validateServerUrl();
    void checkKey();
    void onKeyChecked(const CaseLens::Error &error, const QString &owner);
    void updateAccount();
    [[nodiscard]] QUrl enteredServerUrl() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    ApiKeyProvider *m_keys;
    AccountStatus *m_account;
    NetworkSettingsPage *m_network;
    WatchSettingsPage *m_watch;
    AppearanceSettingsPage *m_appearance;
    KeyCheck *m_keyCheck = nullptr; // made on the first check
    bool m_offerSession = false;    // the keychain failed: offer a session-only key
    QPalette m_normalStatusPalette;
    QPalette m_errorStatusPalette;
};

} // namespace CaseLens::Gui
