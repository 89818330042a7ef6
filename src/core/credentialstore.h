#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

namespace CaseLens {

// The outcome of one keychain operation, as a value.
//   read:   found + key when an entry exists; found=false and no error when
//           the keychain says "no such entry" (never proof that none exists:
//           a locked keyring can say so too; never delete or overwrite on it).
//   write:  found=true on success.
//   remove: found=false on success, also when there was nothing to remove.
// error is ErrorKind::Keychain when the keychain is unavailable, refused,
// failed or did not answer in time; InvalidInput for an unusable server URL
// or an empty key. key is empty unless a read found one.
struct CredentialResult
{
    QString key;
    bool found = false;
    Error error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// Asynchronous read / write / remove of the API key for a server in the
// system keychain (QtKeychain: Keychain on macOS, Credential Manager on
// Windows, Secret Service or KWallet on Linux). Service "CaseLens"; one entry
// per server origin, so production and a staging or loopback server coexist.
// Nothing is ever written anywhere else: no insecure fallback.
//
// Every callback runs exactly once, later, from the event loop of the
// store's thread (never from inside read()/write()/remove()), unless the
// store is destroyed first: then it never runs. Each job has its own timeout;
// an answer that arrives after it is ignored. Use the store from one thread.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    using Callback = std::function<void(const CredentialResult &)>;
    static constexpr std::chrono::milliseconds DefaultTimeout{5000};

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // Per job. An unlock prompt counts against it: a GUI may want more.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    // The tail of the advice in "keychain unavailable" messages, after "or".
    // Default: "use the key for this session only" (the app's offer); the CLI
    // says how to pass the key without the keychain instead.
    void setFallbackAdvice(const QString &advice) { m_fallbackAdvice = advice; }

    void read(const QUrl &server, Callback done);
    void write(const QUrl &server, const QString &key, Callback done);
    void remove(const QUrl &server, Callback done);

    // Other secrets in the same keychain service, under an account of their
    // own (accountForProxy): a proxy's user name and password. The result's
    // key carries the secret.
    void readEntry(const QString &account, Callback done);
    void writeEntry(const QString &account, const QString &secret, Callback done);
    void removeEntry(const QString &account, Callback done);

    // "CaseLens": the keychain service name of every entry.
    [[nodiscard]] static QString serviceName();
    // The entry's account for a server: its origin, e.g. "https://api-v3.sweeppea.com"
    // or "http://127.0.0.1:8080" (lower-case scheme and host, default port
    // dropped, no user info, path, query or fragment). Empty when the URL has
    // no scheme or host.
    [[nodiscard]] static QString accountForServer(const QUrl &server);
    // The account of a proxy's credentials: "proxy:host:port" (one entry per
    // proxy, never mixed up with a server's origin).
    [[nodiscard]] static QString accountForProxy(const QString &hostPort);
    // Where keys are kept on this platform, for a settings line.
    [[nodiscard]] static QString keychainName();

private:
    enum class Operation { Read, Write, Remove };
    class Pending;

    void start(Operation operation, const QUrl &server, const QString &key, Callback done);
    void startJob(Operation operation, const QString &account, const QString &key, Callback done);
    void finishLater(Callback done, CredentialResult result);
    [[nodiscard]] CredentialResult resultOf(Operation operation, const QString &account,
                                            const QKeychain::Job &job) const;
    // code is a QKeychain::Error other than NoError.
    [[nodiscard]] Error failure(Operation operation, int code, const QString &errorString) const;
    [[nodiscard]] Error timeoutError(Operation operation) const;
    [[nodiscard]] static QLatin1String operationName(Operation operation);

    std::chrono::milliseconds m_timeout = DefaultTimeout;
    QString m_fallbackAdvice;
};

} // namespace CaseLens
