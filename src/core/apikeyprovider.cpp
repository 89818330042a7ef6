#include "core/apikeyprovider.h"

#include "core/apiclient.h"

namespace CaseLens {

ApiKeyProvider::ApiKeyProvider(Storage storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_server(ApiClient::defaultBaseUrl())
{
    if (m_storage == Storage::Keychain) {
        m_store = new CredentialStore(this);
        // An unlock prompt counts against the timeout: give the agent time.
        m_store->setTimeout(std::chrono::seconds(30));
    }
}

ApiKeyProvider::~ApiKeyProvider() = default;

void ApiKeyProvider::loadFromEnvironment(const QProcessEnvironment &environment)
{
    const QString fromEnvironment = keyFromEnvironment(environment);
    if (!fromEnvironment.isEmpty()) {
        ++m_generation;
        set(fromEnvironment, Source::Environment);
    }
}

void ApiKeyProvider::setServer(const QUrl &server)
{
    if (CredentialStore::accountForServer(server) == CredentialStore::accountForServer(m_server)) {
        m_server = server;
        return;
    }
    m_server = server;
    ++m_generation;
    if (m_source == Source::Keychain || m_source == Source::Session)
        set({}, Source::None); // that key belongs to the other server
    setKeychainError({});
    if (m_loadRequested)
        readKeychain();
}

void ApiKeyProvider::load()
{
    m_loadRequested = true;
    readKeychain();
}

void ApiKeyProvider::announceLoad()
{
    if (!m_store || m_source == Source::Environment || m_loading)
        return;
    m_loading = true;
    Q_EMIT statusChanged();
}

void ApiKeyProvider::readKeychain()
{
    if (!m_store || m_source == Source::Environment)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT statusChanged();
    m_store->read(m_server, [this, generation](const CredentialResult &result) {
        if (generation != m_generation)
            return; // the server or the key changed meanwhile
        m_loading = false;
        if (!result.ok()) {
            setKeychainError(result.error);
        } else {
            setKeychainError({});
            // "Not found" is no proof that nothing is stored: nothing is deleted.
            if (result.found && !result.key.isEmpty())
                set(result.key, Source::Keychain);
        }
        Q_EMIT statusChanged();
    });
}

QString ApiKeyProvider::locationDescription() const
{
    switch (m_source) {
    case Source::None:
        return tr("No key set");
    case Source::Environment:
        return tr("Environment variable %1 (unset it to stop using this key; CaseLens cannot forget it)")
            .arg(QLatin1String(EnvironmentVariable));
    case Source::Keychain:
        return CredentialStore::keychainName();
    case Source::Session:
        return tr("This session only (memory) — not saved");
    }
    return {};
}

void ApiKeyProvider::save(const QString &key)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        Q_EMIT saveFinished(Error(ErrorKind::InvalidInput, tr("Paste your API key first.")));
        return;
    }
    if (!m_store) {
        useForSession(trimmed);
        Q_EMIT saveFinished({});
        return;
    }
    const quint64 generation = ++m_generation;
    m_loading = false; // a read still running is overtaken by this key
    m_writing = true;
    Q_EMIT statusChanged();
    const QUrl server = m_server;
    m_store->write(server, trimmed, [this, generation, trimmed](const CredentialResult &result) {
        m_writing = false;
        if (generation == m_generation) {
            if (result.ok()) {
                setKeychainError({});
                set(trimmed, Source::Keychain);
            } else {
                setKeychainError(result.error);
            }
        }
        Q_EMIT statusChanged();
        Q_EMIT saveFinished(result.error);
    });
}

void ApiKeyProvider::useForSession(const QString &key)
{
    const QString trimmed = key.trimmed();
    ++m_generation;
    m_loading = false;
    set(trimmed, trimmed.isEmpty() ? Source::None : Source::Session);
    Q_EMIT statusChanged();
}

void ApiKeyProvider::forget()
{
    if (m_source == Source::Environment) {
        Q_EMIT forgetFinished(Error(ErrorKind::InvalidInput,
                                    tr("This key comes from the environment variable %1: unset it to stop "
                                       "using it.")
                                        .arg(QLatin1String(EnvironmentVariable))));
        return;
    }
    ++m_generation;
    m_loading = false;
    if (m_source != Source::Keychain || !m_store) {
        set({}, Source::None);
        Q_EMIT statusChanged();
        Q_EMIT forgetFinished({});
        return;
    }
    const quint64 generation = m_generation;
    m_writing = true;
    Q_EMIT statusChanged();
    m_store->remove(m_server, [this, generation](const CredentialResult &result) {
        m_writing = false;
        if (generation == m_generation) {
            if (result.ok()) {
                setKeychainError({});
                set({}, Source::None);
            } else {
                setKeychainError(result.error); // still stored: the key stays in use
            }
        }
        Q_EMIT statusChanged();
        Q_EMIT forgetFinished(result.error);
    });
}

void ApiKeyProvider::set(const QString &key, Source source)
{
    if (key == m_key && source == m_source)
        return;
    m_key = key;
    m_source = source;
    Q_EMIT keyChanged();
}

void ApiKeyProvider::setKeychainError(const Error &error)
{
    m_keychainError = error;
}

} // namespace CaseLens
