#include "cli/apikeysource.h"

#include "core/serverresolution.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace CaseLens::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseLens::Cli", text);
}

template <typename Start>
CredentialResult waitFor(Start start)
{
    CredentialStore store;
    store.setFallbackAdvice(tr("set CASELENS_API_KEY instead"));
    QEventLoop loop;
    CredentialResult result;
    // The store always answers later from the event loop (its timeout bounds
    // the wait), so quitting cannot happen before exec().
    start(store, [&](const CredentialResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace

CredentialResult readStoredKey(const QUrl &server)
{
    return waitFor(
        [&](CredentialStore &store, CredentialStore::Callback done) { store.read(server, std::move(done)); });
}

CredentialResult storeKey(const QUrl &server, const QString &key)
{
    return waitFor([&](CredentialStore &store, CredentialStore::Callback done) {
        store.write(server, key, std::move(done));
    });
}

CredentialResult removeStoredKey(const QUrl &server)
{
    return waitFor([&](CredentialStore &store, CredentialStore::Callback done) {
        store.remove(server, std::move(done));
    });
}

ApiKeyLookup lookUpApiKey(const QUrl &baseUrl)
{
    // The shared order (core/serverresolution.h): the environment, then the
    // keychain entry for the server.
    const QString fromEnvironment = keyFromEnvironment(QProcessEnvironment::systemEnvironment());
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment, {}};

    const CredentialResult stored = readStoredKey(baseUrl);
    if (stored.error.isError())
        return {{}, stored.error};
    const QString key = stored.key.trimmed();
    if (!stored.found || key.isEmpty())
        return {
            {},
            Error(ErrorKind::NoApiKey, tr("No API key: set CASELENS_API_KEY or run caselens-cli key set"))};
    return {key, {}};
}

} // namespace CaseLens::Cli
