#pragma once

#include "loopback/httpserver.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

// What this header brought in before it moved onto src/loopback; suites
// (tst_mainwindow's port probe, say) still use them through it.
#include <QElapsedTimer>
#include <QTcpServer>

namespace CaseLens::Testing {

// A request as the fake server saw it on the wire (lower-case header names).
using RecordedRequest = Loopback::HttpRequest;
// What the fake server answers, including ways to misbehave on purpose
// (FakeResponse::Behaviour), with the contract's envelopes (json, ticket,
// error, redirect).
using FakeResponse = Loopback::HttpResponse;

// The shared loopback server (src/loopback) as the suites use it: HTTP/1.1
// on 127.0.0.1 (listen()), recording every request, answering from a queue
// (enqueue), then a fallback handler (setHandler), then a 500; measuring
// whether requests overlapped (maxConcurrentRequests, overall or per path).
// It adds what only tests want: serving tickets by case number.
class FakeServer final : public Loopback::HttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeServer)

public:
    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    // Serves tickets by case number from the body; unknown cases get the
    // contract's 404 envelope.
    void serveTickets(const QHash<QString, QJsonObject> &ticketsByCase);
};

} // namespace CaseLens::Testing
