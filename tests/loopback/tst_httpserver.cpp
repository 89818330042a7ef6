// The shared loopback HTTP server (src/loopback) that the demo mode, the
// tests' FakeServer and the benchmarks stand on: parsing, keep-alive, the
// fault behaviours, per-path concurrency, and a server on its own thread,
// all against real sockets (QTcpSocket, QNetworkAccessManager).
#include "loopback/httpserver.h"
#include "loopback/httpserverthread.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace CaseLens::Loopback;

namespace {

const QByteArray postRequest = "POST /tickets/fetchSingleTicket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: application/json\r\nContent-Length: 24\r\n\r\n"
                               R"({"caseNumber":"HYXTNJV"})";

HttpResponse text(const QByteArray &body)
{
    HttpResponse response;
    response.contentType = "text/plain";
    response.body = body;
    return response;
}

HttpResponse withBehaviour(HttpResponse response, HttpResponse::Behaviour behaviour)
{
    response.behaviour = behaviour;
    return response;
}

// Echoes the path, so each reply says which request it answers.
HttpResponse echoPath(const HttpRequest &request)
{
    return text("path " + request.path);
}

// Starts server listening, with response queued as its next answer.
[[nodiscard]] bool listenAnswering(HttpServer &server, const HttpResponse &response)
{
    server.enqueue(response);
    return server.listen();
}

// Starts server listening, with every answer echoing its request's path.
[[nodiscard]] bool listenEchoing(HttpServer &server)
{
    server.setHandler(echoPath);
    return server.listen();
}

// target: a path, perhaps with a query
QNetworkRequest requestTo(const HttpServer &server, const QString &target)
{
    return QNetworkRequest(server.url().resolved(QUrl(target)));
}

// Sends request and waits for the whole answer; null when none comes in time
// (the unfinished reply is aborted as it goes).
[[nodiscard]] std::unique_ptr<QNetworkReply> finishedGet(QNetworkAccessManager &network,
                                                         const QNetworkRequest &request)
{
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000))
        return nullptr;
    return reply;
}

// Connects a raw socket to the listening server and writes bytes on it, for
// the tests that need to see exactly what goes over the wire; false when the
// connection does not come up.
[[nodiscard]] bool sendRaw(QTcpSocket &socket, const HttpServer &server, const QByteArray &bytes)
{
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    if (!socket.waitForConnected(3000))
        return false;
    socket.write(bytes);
    return true;
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesARequestSplitAtEveryByte()
    {
        // Whatever the packet boundaries, one complete request comes out,
        // and only once the last byte is in.
        for (qsizetype split = 1; split < postRequest.size(); ++split) {
            QByteArray buffer = postRequest.left(split);
            QCOMPARE(takeRequest(buffer).outcome, ParsedRequest::Outcome::Incomplete);
            buffer += postRequest.mid(split);
            const ParsedRequest parsed = takeRequest(buffer);
            QCOMPARE(parsed.outcome, ParsedRequest::Outcome::Complete);
            QCOMPARE(parsed.request.method, QByteArray("POST"));
            QCOMPARE(parsed.request.path, QByteArray("/tickets/fetchSingleTicket"));
            QCOMPARE(parsed.request.header("Content-Type"), QByteArray("application/json"));
            QCOMPARE(parsed.request.body, QByteArray(R"({"caseNumber":"HYXTNJV"})"));
            QVERIFY(buffer.isEmpty());
        }
    }

    void refusesWhatIsNotHttp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("outcome");
        using O = ParsedRequest::Outcome;
        QTest::newRow("TLS hello, first byte") << QByteArray("\x16\x03\x01", 3) << int(O::Malformed);
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << int(O::Malformed);
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << int(O::Malformed);
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nnot a header\r\n\r\n") << int(O::Malformed);
        QTest::newRow("length not a number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5x\r\n\r\nhello") << int(O::Malformed);
        QTest::newRow("two different lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello")
            << int(O::Malformed);
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << int(O::Chunked);
        QTest::newRow("body over the limit")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1025\r\n\r\n") << int(O::TooLarge);
        QTest::newRow("headers over the limit")
            << QByteArray("GET / HTTP/1.1\r\nX-Padding: " + QByteArray(2048, 'a')) << int(O::TooLarge);
    }

    void refusesWhatIsNotHttp()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, outcome);
        QCOMPARE(int(takeRequest(bytes, RequestLimits{1024, 1024}).outcome), outcome);
    }

    // Each byte in its own write: the server waits for the whole request.
    void requestInSmallPacketsOverASocket()
    {
        HttpServer server;
        QVERIFY(listenAnswering(server, text("done")));
        QTcpSocket socket;
        socket.setSocketOption(QAbstractSocket::LowDelayOption, 1); // no Nagle: many small segments
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(3000));
        for (const char byte : postRequest) {
            socket.write(&byte, 1);
            QVERIFY(socket.waitForBytesWritten(3000));
            QCoreApplication::processEvents(); // the server reads what has arrived so far
        }
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll()).endsWith("\r\n\r\ndone"));
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().body, QByteArray(R"({"caseNumber":"HYXTNJV"})"));
    }

    // Two requests sent at once on one connection: two answers, in order,
    // and the connection stays open for more.
    void keepAliveAndPipelining()
    {
        HttpServer server;
        QVERIFY(listenEchoing(server));
        QTcpSocket socket;
        QVERIFY(sendRaw(socket, server,
                        "GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n"));
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll()).count("HTTP/1.1 200 OK") == 2 &&
                    received.endsWith("path /second"));
        QVERIFY(received.indexOf("path /first") < received.indexOf("path /second"));
        QCOMPARE(received.count("Connection: keep-alive"), 2);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(server.acceptedConnections(), 1);
        QCOMPARE(server.openConnections(), 1);

        // "Connection: close" is answered, then the server hangs up.
        socket.write("GET /last HTTP/1.1\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        received += socket.readAll();
        QVERIFY(received.endsWith("Connection: close\r\n\r\npath /last"));
        QTRY_COMPARE(server.openConnections(), 0);
        QCOMPARE(server.requestCount(), 3);
    }

    // The way Qt's client keeps connections: two requests one after the
    // other reuse one connection.
    void keepAliveWithQNetworkAccessManager()
    {
        HttpServer server;
        QVERIFY(listenEchoing(server));
        QNetworkAccessManager network;
        for (const QString &path : {QStringLiteral("/one"), QStringLiteral("/two")}) {
            const auto reply = finishedGet(network, requestTo(server, path));
            QVERIFY(reply);
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->readAll(), QByteArray("path " + path.toUtf8()));
        }
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.acceptedConnections(), 1);
    }

    // A routed path is answered by its route before the queue, and kept out
    // of requests() and requestCount(): a window's own requests do not shift
    // the ones a test counts.
    void routesAnswerTheirPathApart()
    {
        HttpServer server;
        QVERIFY(server.listen());
        server.enqueue(text("queued"));
        server.route("/routed", [](const HttpRequest &) { return text("routed"); });
        QNetworkAccessManager network;
        auto reply = finishedGet(network, requestTo(server, QStringLiteral("/routed?page=2")));
        QVERIFY(reply);
        QCOMPARE(reply->readAll(), QByteArray("routed"));
        reply = finishedGet(network, requestTo(server, QStringLiteral("/other")));
        QVERIFY(reply);
        QCOMPARE(reply->readAll(), QByteArray("queued"));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().constFirst().path, QByteArray("/other"));
        QCOMPARE(server.routedRequests().size(), 1);
        QCOMPARE(server.maxConcurrentRequests("/routed"), 1);
    }

    void refusesGarbageWith400AndKeepsTheBytes()
    {
        HttpServer server;
        QVERIFY(server.listen());
        const QByteArray hello("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
        QTcpSocket socket;
        QVERIFY(sendRaw(socket, server, hello));
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState); // answered, then closed
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 400 Bad Request\r\n"));
        QCOMPARE(server.rejectedBytes(), hello);
        QCOMPARE(server.requestCount(), 0);
    }

    // Content-Length promises more than comes, then the server closes: the
    // client must see an error, not a short body.
    void truncatedBodyIsAnErrorForTheClient()
    {
        HttpServer server;
        QVERIFY(listenAnswering(server,
                                withBehaviour(text("0123456789"), HttpResponse::Behaviour::TruncatedBody)));
        QNetworkAccessManager network;
        const auto reply = finishedGet(network, requestTo(server, QStringLiteral("/x")));
        QVERIFY(reply);
        QVERIFY(reply->error() != QNetworkReply::NoError);
        QVERIFY(reply->readAll() != "0123456789");
    }

    void closeAfterStatusLine()
    {
        HttpServer server;
        QVERIFY(listenAnswering(
            server, withBehaviour(text("never sent"), HttpResponse::Behaviour::CloseAfterStatusLine)));
        QTcpSocket socket;
        QVERIFY(sendRaw(socket, server, "GET / HTTP/1.1\r\n\r\n"));
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 200 OK\r\n"));
    }

    // Headers, then silence on an open connection; the request stays in
    // flight until the connection goes.
    void hangAfterHeaders()
    {
        HttpServer server;
        QVERIFY(
            listenAnswering(server, withBehaviour(text("short"), HttpResponse::Behaviour::HangAfterHeaders)));
        QTcpSocket socket;
        QVERIFY(sendRaw(socket, server, "GET /hang HTTP/1.1\r\n\r\n"));
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll()).endsWith("\r\n\r\n"));
        QVERIFY(received.contains("Content-Length: 1000\r\n"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(server.openConnections(), 1);
        server.closeAllConnections();
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(server.openConnections(), 0);
        QCOMPARE(server.maxConcurrentRequests(QByteArrayLiteral("/hang")), 1);
    }

    void dripSendsOneByteAtATime()
    {
        HttpServer server;
        HttpResponse drip = withBehaviour(text("abc"), HttpResponse::Behaviour::Drip);
        drip.dripIntervalMs = 1;
        QVERIFY(listenAnswering(server, drip));
        QTcpSocket socket;
        QVERIFY(sendRaw(socket, server, "GET / HTTP/1.1\r\n\r\n"));
        QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll()).endsWith("\r\n\r\nabc"));
        QVERIFY(readyRead.count() > 3); // not one write: many
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void endlessBodyFlowsWhileTheClientReads()
    {
        HttpServer server;
        QVERIFY(listenAnswering(server, withBehaviour({}, HttpResponse::Behaviour::EndlessBody)));
        QTcpSocket socket;
        QVERIFY(sendRaw(socket, server, "GET / HTTP/1.1\r\n\r\n"));
        qint64 received = 0;
        QTRY_VERIFY((received += socket.readAll().size()) > 4 * 1024 * 1024);
        QVERIFY(server.bytesSent() >= received);
    }

    // A delayed answer holds only its own connection: another path on
    // another connection is answered meanwhile, and the per-path maxima say
    // what overlapped.
    void delayedAnswerDoesNotBlockAnotherPath()
    {
        HttpServer server;
        server.setHandler([](const HttpRequest &request) {
            HttpResponse response = echoPath(request);
            if (request.path == "/slow")
                response.delayMs = 400;
            return response;
        });
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> slow1(network.get(requestTo(server, QStringLiteral("/slow"))));
        std::unique_ptr<QNetworkReply> slow2(network.get(requestTo(server, QStringLiteral("/slow"))));
        QTRY_COMPARE(server.requestCount(), 2);
        std::unique_ptr<QNetworkReply> fast(network.get(requestTo(server, QStringLiteral("/fast?x=1"))));
        QTRY_VERIFY(fast->isFinished());
        QCOMPARE(fast->readAll(), QByteArray("path /fast?x=1"));
        QVERIFY(!slow1->isFinished());
        QVERIFY(!slow2->isFinished());
        QTRY_VERIFY(slow1->isFinished() && slow2->isFinished());
        QCOMPARE(slow1->readAll(), QByteArray("path /slow"));
        QCOMPARE(server.maxConcurrentRequests(QByteArrayLiteral("/slow")), 2);
        QCOMPARE(server.maxConcurrentRequests(QByteArrayLiteral("/fast")), 1); // the query is not the path
        QCOMPARE(server.maxConcurrentRequests(QByteArrayLiteral("/other")), 0);
        QCOMPARE(server.maxConcurrentRequests(), 3);
    }

    // Requests one after the other never overlap, even on one connection.
    void sequentialRequestsNeverOverlap()
    {
        HttpServer server;
        QVERIFY(listenEchoing(server));
        QNetworkAccessManager network;
        for (int i = 0; i < 3; ++i)
            QVERIFY(finishedGet(network, requestTo(server, QStringLiteral("/one"))));
        QCOMPARE(server.maxConcurrentRequests(QByteArrayLiteral("/one")), 1);
        QCOMPARE(server.maxConcurrentRequests(), 1);
    }

    void queueThenHandlerThen500()
    {
        HttpServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        const auto fetch = [&]() -> QByteArray {
            const auto reply = finishedGet(network, requestTo(server, QStringLiteral("/q")));
            if (!reply)
                return QByteArray("no answer");
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toByteArray() + ' ' +
                   reply->readAll();
        };
        QVERIFY(fetch().startsWith("500 "));
        server.enqueue(text("queued"));
        server.setHandler([](const HttpRequest &) { return text("handler"); });
        QCOMPARE(fetch(), QByteArray("200 queued"));
        QCOMPARE(fetch(), QByteArray("200 handler"));
    }

    // The benchmarks' arrangement: the server's work happens on its own
    // thread, and its "server time" arrives through responseSent.
    void serverOnItsOwnThread()
    {
        std::atomic<QThread *> handlerThread{nullptr};
        std::atomic<qint64> serverNs{0};
        HttpServerThread thread([&](HttpServer &server) {
            server.setHandler([&handlerThread](const HttpRequest &request) {
                handlerThread = QThread::currentThread();
                return echoPath(request);
            });
            QObject::connect(
                &server, &HttpServer::responseSent, &server,
                [&serverNs](const QByteArray &, qint64 nanoseconds) { serverNs = nanoseconds; },
                Qt::DirectConnection);
        });
        QVERIFY(thread.isListening());
        QVERIFY(thread.port() != 0);
        QNetworkAccessManager network;
        QUrl url = thread.url();
        url.setPath(QStringLiteral("/threaded"));
        const auto reply = finishedGet(network, QNetworkRequest(url));
        QVERIFY(reply);
        QCOMPARE(reply->readAll(), QByteArray("path /threaded"));
        QVERIFY(handlerThread.load() != nullptr);
        QVERIFY(handlerThread.load() != QThread::currentThread());
        QTRY_VERIFY(serverNs.load() > 0);
    }

    void listensOnIpv6Loopback()
    {
        HttpServer server;
        server.setHandler(echoPath);
        if (!server.listen(QHostAddress(QHostAddress::LocalHostIPv6)))
            QSKIP("no IPv6 loopback here");
        QCOMPARE(server.url().host(), QStringLiteral("::1"));
        QNetworkAccessManager network;
        const auto reply = finishedGet(network, requestTo(server, QStringLiteral("/v6")));
        QVERIFY(reply);
        QCOMPARE(reply->readAll(), QByteArray("path /v6"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
