#pragma once

// What the queue's suites start every test with: a FakeServer on 127.0.0.1
// and an ApiClient pointed at it with a key, quick retries and a short
// timeout. Header-only, beside support/ticketpages.h (the pages it serves).

#include "core/apiclient.h"
#include "support/fakeserver.h"

#include <QNetworkAccessManager>

#include <chrono>
#include <memory>

namespace CaseLens::Testing {

struct ListServerClient
{
    QNetworkAccessManager network;
    FakeServer server;
    ApiClient client{&network};

    // Listens and points the client at the server; false when it could not.
    [[nodiscard]] bool start(const QString &key)
    {
        using namespace std::chrono_literals;
        if (!server.listen() || client.setBaseUrl(server.url()).isError())
            return false;
        client.setApiKey(key);
        client.setRetryPolicy(2, 5ms, 10ms);
        client.setTimeout(5s);
        return true;
    }
};

} // namespace CaseLens::Testing
