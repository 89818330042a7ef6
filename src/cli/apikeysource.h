#pragma once

#include "core/credentialstore.h"
#include "core/error.h"

#include <QString>
#include <QUrl>

namespace CaseLens::Cli {

// Where fetch finds the API key: CASELENS_API_KEY when set, else the
// keychain entry for the server. No key: NoApiKey (exit 3) saying how to set
// one; keychain unavailable or failing: Keychain (exit 6).
struct ApiKeyLookup
{
    QString key;
    Error error;
};

[[nodiscard]] ApiKeyLookup lookUpApiKey(const QUrl &baseUrl);

// The keychain, synchronously: each call runs a local event loop until the
// store answers or its timeout (5 s) passes. Keychain errors advise
// CASELENS_API_KEY as the way around an unavailable keychain.
[[nodiscard]] CredentialResult readStoredKey(const QUrl &server);
[[nodiscard]] CredentialResult storeKey(const QUrl &server, const QString &key);
[[nodiscard]] CredentialResult removeStoredKey(const QUrl &server);

} // namespace CaseLens::Cli
