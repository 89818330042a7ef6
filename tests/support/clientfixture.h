#pragma once

// A real ApiClient pointed at its own loopback FakeServer, fresh for each
// test function. Core suites inherit it beside QObject and call
// startServerAndClient() in init() and stopServerAndClient() in cleanup(),
// so that the way a client is put on a server is written in one place.

#include "core/apiclient.h"
#include "support/fakeserver.h"

#include <QNetworkAccessManager>
#include <QString>

#include <memory>

namespace CaseLens::Testing {

class ClientFixture
{
protected:
    ClientFixture() = default;
    ~ClientFixture() = default;
    Q_DISABLE_COPY_MOVE(ClientFixture)

    // A listening server and a client on it that sends apiKey; false when the
    // server cannot listen or the client refuses its address.
    [[nodiscard]] bool startServerAndClient(const QString &apiKey);

    // The client first: its replies end while the server still answers.
    void stopServerAndClient();

    QNetworkAccessManager m_network;
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

} // namespace CaseLens::Testing
