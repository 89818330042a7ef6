#pragma once

#include "core/apiclient.h"

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
// company CA from --ca-file / CASELENS_CA_FILE / the app's setting, and a
// client set up with all of them; --verbose turns on printDetails().
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
    ApiClient m_client;
};

// Runs the event loop until reply has finished; each retry notice goes to
// stderr as "<label>: Server busy, retrying in 2 s (attempt 2 of 4)".
void waitForReply(ApiReply &reply, const QString &label);

} // namespace CaseLens::Cli
