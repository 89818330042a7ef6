#include "core/credentialstore.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <utility>

namespace {
// Operations and outcomes only: never a key.
Q_LOGGING_CATEGORY(lcKeychain, "caselens.keychain", QtWarningMsg)

QString codeName(QKeychain::Error code)
{
    switch (code) {
    case QKeychain::NoError:
        return QStringLiteral("NoError");
    case QKeychain::EntryNotFound:
        return QStringLiteral("EntryNotFound");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("CouldNotDeleteEntry");
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("AccessDeniedByUser");
    case QKeychain::AccessDenied:
        return QStringLiteral("AccessDenied");
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("NoBackendAvailable");
    case QKeychain::NotImplemented:
        return QStringLiteral("NotImplemented");
    case QKeychain::OtherError:
        return QStringLiteral("OtherError");
    }
    return QStringLiteral("error %1").arg(int(code));
}

} // namespace

namespace CaseLens {

// One operation in flight: the caller's callback and the timeout. A child of
// the store, so destroying the store drops the callback. Completes once.
class CredentialStore::Pending final : public QObject
{
public:
    Pending(CredentialStore *store, Callback done)
        : QObject(store)
        , m_done(std::move(done))
    {
        m_timer.setSingleShot(true);
    }

    QTimer &timer() { return m_timer; }

    void complete(const CredentialResult &result)
    {
        if (!m_done)
            return; // already answered (a late reply after the timeout)
        m_timer.stop();
        const Callback done = std::exchange(m_done, {});
        deleteLater();
        done(result); // may destroy the store and this: nothing may follow
    }

private:
    Callback m_done;
    QTimer m_timer;
};

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
    , m_fallbackAdvice(tr("use the key for this session only"))
{}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::serviceName()
{
    return QStringLiteral("CaseLens");
}

QString CredentialStore::accountForServer(const QUrl &server)
{
    if (!server.isValid() || server.scheme().isEmpty() || server.host().isEmpty())
        return {};
    const QString scheme = server.scheme().toLower();
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(server.host(QUrl::FullyEncoded).toLower());
    const int port = server.port();
    const int defaultPort = scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1;
    if (port != -1 && port != defaultPort)
        origin.setPort(port);
    return origin.toString(QUrl::FullyEncoded);
}

QString CredentialStore::accountForProxy(const QString &hostPort)
{
    return QStringLiteral("proxy:") + hostPort.toLower();
}

QString CredentialStore::keychainName()
{
#if defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("the system keychain (GNOME Keyring or KWallet)");
#endif
}

QLatin1String CredentialStore::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return QLatin1String("read");
    case Operation::Write:
        return QLatin1String("write");
    case Operation::Remove:
        return QLatin1String("remove");
    }
    return QLatin1String("?");
}

void CredentialStore::read(const QUrl &server, Callback done)
{
    start(Operation::Read, server, {}, std::move(done));
}

void CredentialStore::write(const QUrl &server, const QString &key, Callback done)
{
    start(Operation::Write, server, key, std::move(done));
}

void CredentialStore::remove(const QUrl &server, Callback done)
{
    start(Operation::Remove, server, {}, std::move(done));
}

void CredentialStore::readEntry(const QString &account, Callback done)
{
    startJob(Operation::Read, account, {}, std::move(done));
}

void CredentialStore::writeEntry(const QString &account, const QString &secret, Callback done)
{
    startJob(Operation::Write, account, secret, std::move(done));
}

void CredentialStore::removeEntry(const QString &account, Callback done)
{
    startJob(Operation::Remove, account, {}, std::move(done));
}

void CredentialStore::finishLater(Callback done, CredentialResult result)
{
    auto *pending = new Pending(this, std::move(done));
    QTimer::singleShot(0, pending, [pending, result = std::move(result)] { pending->complete(result); });
}

void CredentialStore::start(Operation operation, const QUrl &server, const QString &key, Callback done)
{
    Q_ASSERT(done);
    const QString account = accountForServer(server);
    if (account.isEmpty()) {
        finishLater(std::move(done), {{},
                                      false,
                                      Error(ErrorKind::InvalidInput,
                                            tr("The server URL is not valid, so it has no keychain entry."),
                                            server.toDisplayString())});
        return;
    }
    startJob(operation, account, key, std::move(done));
}

void CredentialStore::startJob(Operation operation, const QString &account, const QString &key, Callback done)
{
    Q_ASSERT(done && !account.isEmpty());
    if (operation == Operation::Write && key.isEmpty()) {
        finishLater(std::move(done),
                    {{}, false, Error(ErrorKind::InvalidInput, tr("The API key is empty."))});
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName());
        writeJob->setTextData(key);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // No parent, and it deletes itself when it finishes: the backend (libsecret)
    // calls back into the job's private data, so a job must outlive our timeout
    // and this store. A job that never finishes stays: a small leak, no crash.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
#if defined(Q_OS_WIN)
    // Credential Manager entries are named by the key alone (QtKeychain drops
    // the service there): name them "CaseLens/<origin>" to stay apart.
    job->setKey(serviceName() + u'/' + account);
#else
    job->setKey(account);
#endif

    auto *pending = new Pending(this, std::move(done));
    connect(job, &QKeychain::Job::finished, pending, [this, pending, operation, account](QKeychain::Job *j) {
        pending->complete(resultOf(operation, account, *j));
    });
    connect(&pending->timer(), &QTimer::timeout, pending, [this, pending, operation, account] {
        qCInfo(lcKeychain).noquote() << operationName(operation) << account << "timed out after"
                                     << m_timeout.count() << "ms";
        pending->complete({{}, false, timeoutError(operation)});
    });
    pending->timer().start(m_timeout);
    qCDebug(lcKeychain).noquote() << operationName(operation) << account << "started";
    job->start();
}

CredentialResult CredentialStore::resultOf(Operation operation, const QString &account,
                                           const QKeychain::Job &job) const
{
    const QLatin1String name = operationName(operation);
    const QKeychain::Error code = job.error();
    CredentialResult result;
    if (code == QKeychain::NoError) {
        result.found = operation != Operation::Remove;
        if (operation == Operation::Read)
            result.key = static_cast<const QKeychain::ReadPasswordJob &>(job).textData();
        qCDebug(lcKeychain).noquote() << name << account << (operation == Operation::Read ? "found" : "done");
    } else if (code == QKeychain::EntryNotFound && operation != Operation::Write) {
        // Not proof that no key exists: a locked keyring may answer so.
        qCDebug(lcKeychain).noquote() << name << account << "no entry";
    } else {
        result.error = failure(operation, code, job.errorString());
        qCInfo(lcKeychain).noquote() << name << account << "failed:" << codeName(code) << job.errorString();
    }
    return result;
}

Error CredentialStore::failure(Operation operation, int code, const QString &errorString) const
{
    const auto keychainCode = QKeychain::Error(code);
    // Whole sentences per operation: translators cannot inflect "read" as a %1.
    QString detail;
    switch (operation) {
    case Operation::Read:
        detail = tr("Reading from the keychain failed: %1 (%2)");
        break;
    case Operation::Write:
        detail = tr("Saving to the keychain failed: %1 (%2)");
        break;
    case Operation::Remove:
        detail = tr("Deleting from the keychain failed: %1 (%2)");
        break;
    }
    detail = detail.arg(errorString, codeName(keychainCode));
    QString which;
    switch (keychainCode) {
    case QKeychain::AccessDenied:
        which = tr("The keychain is locked or refused access.");
        break;
    case QKeychain::AccessDeniedByUser:
        which = tr("Access to the keychain was denied.");
        break;
    case QKeychain::NoBackendAvailable:
        which = tr("No keychain service is running.");
        break;
    case QKeychain::OtherError:
        // What 0.13.2 reports for "no D-Bus session" and "no Secret Service".
        which = tr("No keychain service is running, or it could not be reached.");
        break;
    default: {
        const QString reason = errorString.isEmpty() ? codeName(keychainCode) : errorString;
        switch (operation) {
        case Operation::Read:
            return {ErrorKind::Keychain, tr("The keychain could not read the API key: %1").arg(reason),
                    detail};
        case Operation::Write:
            return {ErrorKind::Keychain, tr("The keychain could not save the API key: %1").arg(reason),
                    detail};
        case Operation::Remove:
            return {ErrorKind::Keychain, tr("The keychain could not delete the API key: %1").arg(reason),
                    detail};
        }
        break;
    }
    }
#if defined(Q_OS_MACOS)
    const QString action = tr("Unlock your login keychain and allow CaseLens to use it, or %1.");
#elif defined(Q_OS_WIN)
    const QString action = tr("Check that Windows Credential Manager is available, or %1.");
#else
    const QString action = tr("Install and unlock GNOME Keyring or KWallet, or %1.");
#endif
    return {ErrorKind::Keychain, which + u' ' + action.arg(m_fallbackAdvice), detail};
}

Error CredentialStore::timeoutError(Operation operation) const
{
    QString detail;
    switch (operation) {
    case Operation::Read:
        detail = tr("Reading from the keychain timed out");
        break;
    case Operation::Write:
        detail = tr("Saving to the keychain timed out");
        break;
    case Operation::Remove:
        detail = tr("Deleting from the keychain timed out");
        break;
    }
    return {ErrorKind::Keychain,
            tr("The keychain did not answer within %1 s. If it is asking for a password, unlock it and try "
               "again, or %2.")
                .arg(QLocale().toString(double(m_timeout.count()) / 1000.0, 'g', 3), m_fallbackAdvice),
            detail};
}

} // namespace CaseLens
