#pragma once

#include "core/credentialstore.h"
#include "core/error.h"
#include "core/serverresolution.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace CaseLens {

// The one place that knows where the API key comes from and where it is kept.
// Widget-free (core), so the Session owns it; windows and dialogs ask it; nothing else reads the environment
// or talks to the keychain about the key.
//
// Where a key can come from, in order: CASELENS_API_KEY (always wins at
// start), the system keychain entry for the current server (read once,
// asynchronously, by load()), or a key typed in Settings and kept in memory
// for this session only (when the keychain is unavailable). The key is never
// written to a file or QSettings: there is no plaintext fallback.
//
// Storage::MemoryOnly (the default, for tests and tools that must not touch
// the user's keychain) keeps every typed key in memory; the app uses
// Storage::Keychain.
class ApiKeyProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeyProvider)

public:
    enum class Source {
        None,        // no key
        Environment, // CASELENS_API_KEY
        Keychain,    // the system keychain entry for the server
        Session,     // typed in Settings, kept in memory until the app exits
    };
    enum class Storage { MemoryOnly, Keychain };

    static constexpr const char *EnvironmentVariable = ApiKeyVariable;

    explicit ApiKeyProvider(Storage storage = Storage::MemoryOnly, QObject *parent = nullptr);
    ~ApiKeyProvider() override;

    // Takes CASELENS_API_KEY when it is set and not empty (keyFromEnvironment).
    void
    loadFromEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // The server the key is for (the keychain has one entry per server). A
    // different server drops a keychain or session key (it belongs to the
    // other server) and, once load() was called, reads the new server's entry.
    void setServer(const QUrl &server);
    [[nodiscard]] QUrl server() const { return m_server; }

    // Reads the keychain entry for the server, asynchronously; keyChanged()
    // when one is found. Does nothing with an environment key or MemoryOnly.
    void load();

    // Says a load() is coming (CaseLens reads the keychain right after the
    // first paint): the key counts as loading from now on, so the window says
    // "Looking for your API key…" instead of asking for one. Does nothing
    // with an environment key or MemoryOnly.
    void announceLoad();

    [[nodiscard]] QString key() const { return m_key; }
    [[nodiscard]] bool hasKey() const { return !m_key.isEmpty(); }
    [[nodiscard]] Source source() const { return m_source; }
    [[nodiscard]] Storage storage() const { return m_storage; }
    [[nodiscard]] bool usesKeychain() const { return m_storage == Storage::Keychain; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isBusy() const { return m_loading || m_writing; }
    // The last keychain problem (ErrorKind::Keychain, with advice), or none.
    [[nodiscard]] Error keychainError() const { return m_keychainError; }
    // An environment key cannot be forgotten from the app.
    [[nodiscard]] bool canForget() const { return hasKey() && m_source != Source::Environment; }

    // For the Settings dialog: "the system keychain (…)", "This session only (memory) — not saved", ...
    [[nodiscard]] QString locationDescription() const;

    // Save in the keychain (Storage::Keychain) or in memory (MemoryOnly);
    // answered by saveFinished(). On failure the key is not used: the caller
    // offers useForSession().
    void save(const QString &key);
    // Use the key in memory for this session only; never saved. Empty = none.
    void useForSession(const QString &key);
    // Same as useForSession() (the key typed in Settings before the keychain).
    void store(const QString &key) { useForSession(key); }
    // Removes the key: a keychain key from the keychain too (forgetFinished()).
    // Refused for an environment key.
    void forget();

Q_SIGNALS:
    void keyChanged();
    // Loading, saving, forgetting started or finished, or keychainError() changed.
    void statusChanged();
    void saveFinished(const CaseLens::Error &error);
    void forgetFinished(const CaseLens::Error &error);

private:
    void set(const QString &key, Source source);
    void setKeychainError(const Error &error);
    void readKeychain();

    Storage m_storage;
    CredentialStore *m_store = nullptr; // owned (child) when Storage::Keychain
    QUrl m_server;
    QString m_key;
    Source m_source = Source::None;
    bool m_loadRequested = false;
    bool m_loading = false;
    bool m_writing = false;
    // Bumped whenever the key or server changes by other means: an older
    // keychain answer must not overwrite it.
    quint64 m_generation = 0;
    Error m_keychainError;
};

} // namespace CaseLens
