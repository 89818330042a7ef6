#pragma once

#include "core/apiclient.h"
#include "core/credentialstore.h"
#include "core/proxyauth.h"

#include <QCommandLineOption>
#include <QNetworkAccessManager>
#include <QString>

class QCommandLineParser;

namespace CaseLens::Cli {

// --timeout SECONDS (default 30), shared by the commands that send requests.
[[nodiscard]] QCommandLineOption timeoutOption();
// The options every command that talks to the server takes:
// [--base-url URL] [--timeout SECONDS] [--ca-file PATH] [--verbose].
// Add them with parser.addOptions().
[[nodiscard]] QList<QCommandLineOption> serverOptions();

// What every command that talks to the server does before its first
// request, in one place so that fetch and list resolve alike: --timeout
// checked, the server from --base-url / CASELENS_BASE_URL / the default,
// the key from CASELENS_API_KEY / the keychain entry for that server, the
// company CA from --ca-file / CASELENS_CA_FILE / the app's setting, the
// proxy (https_proxy and the like when set, as curl reads them, else the
// app's Settings → Network choice), and a client set up with all of them;
// --verbose turns on printDetails(). A proxy that wants credentials gets
// those kept in the keychain for it, or those in the proxy URL; the CLI
// never asks.
class ClientSetup final
{
    Q_DISABLE_COPY_MOVE(ClientSetup)

public:
    ClientSetup();
    ~ClientSetup();

    // Prints what went wrong and returns its exit code (2 usage or a company
    // CA file that cannot be used, 3 no key, 6 keychain), or ExitOk with
    // client() ready to send. Sends nothing.
    [[nodiscard]] int configure(const QCommandLineParser &parser);

    [[nodiscard]] ApiClient &client() { return m_client; }

private:
    QNetworkAccessManager m_network;
    CredentialStore m_keychain;
    ProxyAuthenticator m_proxyAuth{&m_network, &m_keychain};
    ApiClient m_client;
};

// Runs the event loop until reply has finished; each retry notice goes to
// stderr as "<label>: Server busy, retrying in 2 s (attempt 2 of 4)".
void waitForReply(ApiReply &reply, const QString &label);

} // namespace CaseLens::Cli
