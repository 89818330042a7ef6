#pragma once

#include "core/error.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace CaseLens {

// The rules for "which server" and "which key", shared by the app and the
// CLI so that both front ends always agree.

inline constexpr char ApiKeyVariable[] = "CASELENS_API_KEY";
inline constexpr char BaseUrlVariable[] = "CASELENS_BASE_URL";

// Where the server URL came from, in order of precedence.
enum class ServerSource {
    Flag,        // --base-url
    Environment, // CASELENS_BASE_URL
    Saved,       // the server saved in Settings
    Default,     // ApiClient::defaultBaseUrl()
};

struct ResolvedServer
{
    QUrl url;
    QString text; // the flag or environment text as given (trimmed), for messages
    ServerSource source = ServerSource::Default;
    // The flag or environment value was refused (https only, http only to
    // loopback: ApiClient::validateBaseUrl): the caller must not go on. url
    // is the refused one, for the message.
    Error error;
    // A saved server that could not be used was skipped (the default is
    // used instead): worth a warning, not a stop.
    Error ignoredSaved;

    [[nodiscard]] bool ok() const { return !error.isError(); }
    // "--base-url", "CASELENS_BASE_URL", "settings" or "default": for messages.
    [[nodiscard]] QString sourceName() const;
};

// --base-url, else CASELENS_BASE_URL, else the saved setting, else the
// default. Blank values count as not given; text is trimmed.
[[nodiscard]] ResolvedServer resolveServer(const QString &flag, const QProcessEnvironment &environment,
                                           const QUrl &saved = {});

// The key, in order: CASELENS_API_KEY (trimmed; blank counts as unset),
// else the keychain entry for the resolved server. This is the first step;
// empty means "ask the keychain".
[[nodiscard]] QString keyFromEnvironment(const QProcessEnvironment &environment);

} // namespace CaseLens
