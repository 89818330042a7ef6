#include "core/apiclient.h"
#include "support/clientfixture.h"
#include "support/fakeserver.h"
#include "support/logcapture.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;

namespace {
const QString testKey = QStringLiteral("sk_test_5f2b9c8e7d6a");
} // namespace

class TestApiClient : public QObject, private ClientFixture
{
    Q_OBJECT

private:
    TicketResult fetchAndWait(const QString &caseNumber, int timeoutMs = 5000)
    {
        return Testing::fetchAndWait(*m_client, caseNumber, timeoutMs);
    }

    // A fetch whose reply the test holds (deleted with the client).
    TicketReply *fetch(const QString &text, Lane lane = Lane::User)
    {
        return m_client->fetchTicket(caseNumber(text), lane);
    }

    struct TwoFetches
    {
        TicketReply *active = nullptr;
        TicketReply *queued = nullptr;
    };

    // Two fetches while every answer takes two seconds: AAA1111 on the wire,
    // BBB2222 queued behind it (one request at a time). Empty when the first
    // never reached the server.
    TwoFetches activeAndQueued()
    {
        FakeResponse slow = FakeResponse::ticket(sampleTicketData());
        slow.delayMs = 2000;
        m_server->setHandler([slow](const RecordedRequest &) { return slow; });
        const TwoFetches fetches{fetch(QStringLiteral("AAA1111")), fetch(QStringLiteral("BBB2222"))};
        if (!QTest::qWaitFor([this] { return m_server->requestCount() == 1; }))
            return {};
        return fetches;
    }

    static QString askedCase(const RecordedRequest &request)
    {
        return QJsonDocument::fromJson(request.body).object().value(u"caseNumber").toString();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(startServerAndClient(testKey));
        m_client->setRetryPolicy(3, 5ms, 20ms);
        m_client->setTimeout(3s);
    }

    void cleanup() { stopServerAndClient(); }

    void fetchSendsTheContractRequest()
    {
        m_server->serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        const TicketResult result = fetchAndWait(QStringLiteral("  #hyxtnjv "));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.ticket.caseNumber, QStringLiteral("HYXTNJV"));
        QCOMPARE(m_server->requestCount(), 1);
        const RecordedRequest &request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/tickets/fetchSingleTicket"));
        QCOMPARE(request.header("authorization"), "Bearer " + testKey.toUtf8());
        QVERIFY(request.header("content-type").startsWith("application/json"));
        QCOMPARE(request.header("accept"), QByteArray("application/json"));
        QVERIFY(request.header("user-agent").startsWith("CaseLens/" CASELENS_VERSION " ("));
        QCOMPARE(QJsonDocument::fromJson(request.body).object(),
                 QJsonObject({{QStringLiteral("caseNumber"), QStringLiteral("HYXTNJV")}}));
    }

    void baseUrlWithPathPrefixIsKept()
    {
        QUrl url = m_server->url();
        url.setPath(QStringLiteral("/v3/"));
        QVERIFY(!m_client->setBaseUrl(url).isError());
        m_server->serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        QVERIFY(fetchAndWait(QStringLiteral("HYXTNJV")).ok());
        QCOMPARE(m_server->requests().first().path, QByteArray("/v3/tickets/fetchSingleTicket"));
    }

    void replyFinishesOnceAndNeverBeforeTheCallReturns()
    {
        m_client->setApiKey(QString()); // refused without sending: the fastest way to finish
        TicketReply *reply = fetch(QStringLiteral("HYXTNJV"));
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(!reply->isFinished());
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(reply->error().kind(), ErrorKind::NoApiKey);
        QCOMPARE(reply->caseNumber().toString(), QStringLiteral("HYXTNJV"));
        reply->abort(); // too late: nothing more
        QCOMPARE(finished.count(), 1);
        QCOMPARE(reply->error().kind(), ErrorKind::NoApiKey);
    }

    void missingKeySendsNothing()
    {
        m_client->setApiKey(QString());
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::NoApiKey);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void baseUrlValidation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://api-v3.sweeppea.com" << true;
        QTest::newRow("https staging") << "https://staging.example.com:8443/api" << true;
        QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http loopback v4 other") << "http://127.1.2.3" << true;
        QTest::newRow("http localhost") << "http://LOCALHOST:9000" << true;
        QTest::newRow("http loopback v6") << "http://[::1]:9000" << true;
        QTest::newRow("http remote") << "http://api-v3.sweeppea.com" << false;
        QTest::newRow("http lan") << "http://192.168.1.10" << false;
        QTest::newRow("http localhost lookalike") << "http://localhost.evil.example" << false;
        QTest::newRow("ftp") << "ftp://example.com" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
        QTest::newRow("garbage") << "not a url" << false;
    }

    void baseUrlValidation()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const QUrl before = m_client->baseUrl();
        const Error error = m_client->setBaseUrl(QUrl(url));
        QCOMPARE(!error.isError(), accepted);
        if (!accepted) {
            QCOMPARE(error.kind(), ErrorKind::InvalidInput);
            QCOMPARE(m_client->baseUrl(), before);
        }
    }

    void statuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("serverMessage");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("400") << 400 << "Missing caseNumber" << ErrorKind::BadRequest;
        QTest::newRow("401") << 401 << "Invalid or Missing Bearer Token" << ErrorKind::Unauthorized;
        QTest::newRow("403") << 403 << "Invalid API Token" << ErrorKind::Forbidden;
        QTest::newRow("404") << 404 << "Ticket Not Found or Access Denied" << ErrorKind::NotFound;
        QTest::newRow("500") << 500 << "Internal Server Error" << ErrorKind::ServerError;
    }

    void statuses()
    {
        QFETCH(int, status);
        QFETCH(QString, serverMessage);
        QFETCH(ErrorKind, kind);
        m_server->enqueue(FakeResponse::error(status, serverMessage));
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), kind);
        QCOMPARE(result.error.httpStatus(), status);
        QCOMPARE(result.error.serverMessage(), serverMessage);
        QVERIFY(result.error.message().contains(serverMessage));
        QCOMPARE(m_server->requestCount(), 1); // none of these is retried
    }

    void retriesThenSucceeds()
    {
        m_server->enqueue(FakeResponse::error(503, QString()));
        m_server->enqueue(FakeResponse::json(429, {}));
        m_server->enqueue(FakeResponse::ticket(sampleTicketData()));
        TicketReply *reply = fetch(QStringLiteral("HYXTNJV"));
        QSignalSpy retrying(reply, &ApiReply::retrying);
        QSignalSpy started(reply, &ApiReply::started);
        QVERIFY(waitForFinished(reply));
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(started.count(), 3);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(retrying.count(), 2);
        const auto first = retrying.at(0).at(0).value<RetryNotice>();
        const auto second = retrying.at(1).at(0).value<RetryNotice>();
        QCOMPARE(first.attempt, 2);
        QCOMPARE(first.maxAttempts, 4);
        QCOMPARE(first.delay, 5ms);
        QCOMPARE(second.attempt, 3);
        QCOMPARE(second.delay, 10ms); // exponential backoff
        QVERIFY(first.message().contains(QStringLiteral("attempt 2 of 4")));
        QVERIFY(first.message().startsWith(QStringLiteral("Server busy")));
    }

    void retryAfterIsHonouredAndCapped()
    {
        m_client->setRetryPolicy(3, 10s, 20ms); // backoff alone would wait 10 s
        m_server->enqueue(FakeResponse::json(429, {}).withHeader("Retry-After", "0"));
        m_server->enqueue(FakeResponse::json(503, {}).withHeader("Retry-After", "3600"));
        m_server->enqueue(FakeResponse::ticket(sampleTicketData()));
        TicketReply *reply = fetch(QStringLiteral("HYXTNJV"));
        QSignalSpy retrying(reply, &ApiReply::retrying);
        QVERIFY(waitForFinished(reply));
        QVERIFY(reply->ok());
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(retrying.at(0).at(0).value<RetryNotice>().delay, 0ms);
        QCOMPARE(retrying.at(1).at(0).value<RetryNotice>().delay, 20ms);
    }

    void retriesExhausted()
    {
        m_server->setHandler([](const RecordedRequest &) {
            return FakeResponse::json(429, {{QStringLiteral("Response"), false}});
        });
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::RateLimited);
        QCOMPARE(m_server->requestCount(), 4);
        QVERIFY(result.error.message().contains(QStringLiteral("after 4 attempt")));
    }

    void timeout()
    {
        m_client->setTimeout(200ms);
        FakeResponse hang;
        hang.behaviour = FakeResponse::Behaviour::NoAnswer;
        m_server->enqueue(hang);
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::Timeout);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void slowServersEndInBoundedTime_data()
    {
        QTest::addColumn<FakeResponse::Behaviour>("behaviour");
        QTest::newRow("headers then nothing") << FakeResponse::Behaviour::HangAfterHeaders;
        QTest::newRow("a byte at a time") << FakeResponse::Behaviour::Drip;
    }

    void slowServersEndInBoundedTime()
    {
        QFETCH(FakeResponse::Behaviour, behaviour);
        m_client->setTimeout(300ms);
        FakeResponse slow = FakeResponse::ticket(sampleTicketData());
        slow.behaviour = behaviour;
        slow.dripIntervalMs = 20; // keeps the transfer alive: only a total deadline stops it
        m_server->enqueue(slow);
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::Timeout);
    }

    void connectionRefused_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("shownAs"); // IPv6 in brackets, as in a URL
        QTest::newRow("IPv4") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1:%1");
        QTest::newRow("IPv6") << QStringLiteral("::1") << QStringLiteral("[::1]:%1");
    }

    void connectionRefused()
    {
        QFETCH(QString, address);
        QFETCH(QString, shownAs);
        auto closed = std::make_unique<FakeServer>();
        if (!closed->listen(QHostAddress(address)))
            QSKIP("no loopback interface for this address family here");
        const QUrl url = closed->url();
        closed.reset(); // nobody listens on that port any more
        QVERIFY(!m_client->setBaseUrl(url).isError());
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::Network);
        QVERIFY(result.error.message().contains(QStringLiteral("connection refused")));
        QVERIFY2(result.error.message().contains(shownAs.arg(url.port())),
                 qPrintable(result.error.message()));
        // Qt's own code and words are kept for IT (the CLI's --verbose, the window's Details).
        QVERIFY2(result.error.details().contains(QStringLiteral("ConnectionRefusedError")),
                 qPrintable(result.error.details()));
    }

    // A gateway (502) or a gateway timeout (504) cannot say whether the
    // server acted: a read is sent again with backoff, a write never.
    void gatewayStatusesAreRetriedForReadsOnly_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("502") << 502;
        QTest::newRow("504") << 504;
    }

    void gatewayStatusesAreRetriedForReadsOnly()
    {
        QFETCH(int, status);
        m_server->enqueue(FakeResponse::json(status, {}));
        m_server->enqueue(FakeResponse::json(status, {}));
        m_server->enqueue(FakeResponse::ticket(sampleTicketData()));
        TicketReply *read = fetch(QStringLiteral("HYXTNJV"));
        QSignalSpy retrying(read, &ApiReply::retrying);
        QVERIFY(waitForFinished(read));
        QVERIFY2(read->ok(), qPrintable(read->error().message()));
        QCOMPARE(read->attempts(), 3);
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(retrying.at(0).at(0).value<RetryNotice>().delay, 5ms);
        QCOMPARE(retrying.at(1).at(0).value<RetryNotice>().delay, 10ms); // backoff
        QVERIFY(
            retrying.at(0).at(0).value<RetryNotice>().message().startsWith(QStringLiteral("Server busy")));

        const int before = m_server->requestCount();
        m_server->setHandler([status](const RecordedRequest &) { return FakeResponse::json(status, {}); });
        ResolveReply *write = m_client->resolveTicket(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(waitForFinished(write));
        QCOMPARE(write->error().httpStatus(), status);
        QCOMPARE(write->attempts(), 1);
        QCOMPARE(m_server->requestCount() - before, 1); // the server may have resolved it: not sent twice
        QVERIFY2(write->error().message().contains(QStringLiteral("gateway")),
                 qPrintable(write->error().message()));

        // A read that keeps meeting it gives up after the usual attempts, and says so.
        const TicketResult result = fetchAndWait(QStringLiteral("ABC1234"));
        QCOMPARE(result.error.httpStatus(), status);
        QVERIFY2(result.error.message().contains(QStringLiteral("after 4 attempt")),
                 qPrintable(result.error.message()));
    }

    // Statuses without a Message of the API's: each says what happened in
    // plain words; one CaseLens does not know shows its number and the
    // server's own status text. (Qt answers a 407 itself, as a proxy error.)
    void otherStatusesAreExplained_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("408") << 408 << QByteArray("Request Timeout") << ErrorKind::Timeout
                             << QStringLiteral("stopped waiting for the request (HTTP 408)");
        QTest::newRow("413") << 413 << QByteArray("Payload Too Large") << ErrorKind::BadRequest
                             << QStringLiteral("The request was too large for the server (HTTP 413)");
        QTest::newRow("451") << 451 << QByteArray("Unavailable For Legal Reasons") << ErrorKind::ServerError
                             << QStringLiteral("for legal reasons (HTTP 451)");
        QTest::newRow("418") << 418 << QByteArray("I'm a teapot") << ErrorKind::ServerError
                             << QStringLiteral("unexpected status (HTTP 418). (Server: I'm a teapot)");
        QTest::newRow("507") << 507 << QByteArray("Insufficient \x1b[31mStorage") << ErrorKind::ServerError
                             << QStringLiteral(
                                    "(HTTP 507). Try again later. (Server: Insufficient [31mStorage)");
    }

    void otherStatusesAreExplained()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, words);
        FakeResponse answer;
        answer.status = status;
        answer.reason = reason;
        answer.contentType = "text/html";
        answer.body = "<html><body>Go away</body></html>";
        m_server->enqueue(answer);
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), kind);
        QCOMPARE(result.error.httpStatus(), status);
        QVERIFY2(result.error.message().contains(words), qPrintable(result.error.message()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void brokenTransfers_data()
    {
        QTest::addColumn<FakeResponse::Behaviour>("behaviour");
        QTest::newRow("reset mid-body") << FakeResponse::Behaviour::ResetMidBody;
        QTest::newRow("truncated body") << FakeResponse::Behaviour::TruncatedBody;
        QTest::newRow("closed after status line") << FakeResponse::Behaviour::CloseAfterStatusLine;
        QTest::newRow("closed without answer") << FakeResponse::Behaviour::CloseImmediately;
    }

    void brokenTransfers()
    {
        QFETCH(FakeResponse::Behaviour, behaviour);
        m_server->setHandler([behaviour](const RecordedRequest &) {
            FakeResponse r = FakeResponse::ticket(sampleTicketData());
            r.behaviour = behaviour;
            return r;
        });
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QVERIFY(result.error.isError());
        QVERIFY2(result.error.kind() == ErrorKind::Network ||
                     result.error.kind() == ErrorKind::MalformedResponse,
                 qPrintable(Error::kindName(result.error.kind())));
        QVERIFY(!result.error.message().isEmpty());
    }

    void htmlErrorPage()
    {
        FakeResponse page;
        page.status = 502;
        page.contentType = "text/html";
        page.body = "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";
        m_server->setHandler([page](const RecordedRequest &) { return page; });
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::ServerError);
        QCOMPARE(result.error.httpStatus(), 502);
        QVERIFY2(result.error.details().contains(QStringLiteral("web page")),
                 qPrintable(result.error.details()));
        QCOMPARE(m_server->requestCount(), 4); // a read is tried again after a gateway error
    }

    void bodyOverTheCap()
    {
        m_client->setMaxResponseSize(64 * 1024);
        FakeResponse big = FakeResponse::ticket(sampleTicketData());
        big.body = "{\"Response\":true,\"Data\":{\"Subject\":\"" + QByteArray(200 * 1024, 'x') + "\"}}";
        m_server->enqueue(big);
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::TooLarge);
    }

    // Without a Content-Length to refuse early: the stream is cut once over
    // the cap. (A server of its own: after the abort above, Qt may still be
    // winding down the first connection to the same server.)
    void endlessBodyIsCutAtTheCap()
    {
        m_client->setMaxResponseSize(64 * 1024);
        // The deadlines are not what this is about. The server streams from
        // this thread as fast as loopback takes it, and Qt's HTTP thread
        // queues what it reads ahead of the readyRead that aborts: on a
        // loaded machine (tests run two at a time) that took over 3 s, and
        // under AddressSanitizer over 5 s. Neither the client's deadline nor
        // the test's wait may end it first.
        m_client->setTimeout(60s);
        FakeResponse endless;
        endless.behaviour = FakeResponse::Behaviour::EndlessBody;
        m_server->enqueue(endless);
        const TicketResult result = fetchAndWait(QStringLiteral("ABC1234"), 120'000);
        QVERIFY2(result.error.kind() == ErrorKind::TooLarge, qPrintable(result.error.details()));
    }

    void redirects_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("301") << 301;
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }

    void redirects()
    {
        QFETCH(int, status);
        FakeServer other;
        QVERIFY(other.listen());
        other.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        QUrl target = other.url();
        target.setPath(QStringLiteral("/tickets/fetchSingleTicket"));
        m_server->enqueue(FakeResponse::redirect(status, target));
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::ServerError);
        QVERIFY(result.error.message().contains(QStringLiteral("another address")));
        QCOMPARE(other.requestCount(), 0); // the key never went there
    }

    void redirectFromHttpsToHttpIsRefusedBeforeSending()
    {
        // Same-origin redirects are followed only over https; a loopback http
        // server redirecting to itself is therefore refused too.
        QUrl target = m_server->url();
        target.setPath(QStringLiteral("/elsewhere"));
        m_server->enqueue(FakeResponse::redirect(302, target));
        const TicketResult result = fetchAndWait(QStringLiteral("HYXTNJV"));
        QCOMPARE(result.error.kind(), ErrorKind::ServerError);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void requestsNeverOverlapAndKeepTheirOrder()
    {
        QHash<QString, QJsonObject> tickets;
        const QStringList cases{QStringLiteral("AAA1111"), QStringLiteral("BBB2222"),
                                QStringLiteral("CCC3333")};
        for (const QString &c : cases)
            tickets.insert(c, sampleTicketData(c));
        m_server->setHandler([tickets](const RecordedRequest &request) {
            FakeResponse r = FakeResponse::ticket(tickets.value(askedCase(request)));
            r.delayMs = 60;
            return r;
        });
        QStringList finishedOrder;
        QList<TicketReply *> replies;
        for (const QString &c : cases) {
            TicketReply *reply = fetch(c);
            connect(reply, &ApiReply::finished, this, [&finishedOrder, reply] {
                QVERIFY(reply->result().ok());
                finishedOrder << reply->result().ticket.caseNumber;
            });
            replies << reply;
        }
        QCOMPARE(m_client->pendingCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(finishedOrder.size(), 3, 5000);
        QCOMPARE(m_server->maxConcurrentRequests(), 1);
        QCOMPARE(finishedOrder, cases);
        QVERIFY(!m_client->isBusy());
    }

    void repeatedReadIsSentOnceAndAnswersEveryCaller()
    {
        m_server->serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        TicketReply *first = fetch(QStringLiteral("HYXTNJV"));
        TicketReply *second = fetch(QStringLiteral("#hyxtnjv"));
        QVERIFY(first != second); // each caller holds its own reply
        QCOMPARE(m_client->pendingCount(), 1);
        QVERIFY(waitForFinished(first));
        QVERIFY(waitForFinished(second));
        QVERIFY(first->ok());
        QVERIFY(second->ok());
        QCOMPARE(second->result().ticket.subject, first->result().ticket.subject);
        QCOMPARE(m_server->requestCount(), 1);
    }

    // The re-read after a write must show the write: a read that left before
    // it may not. It waits for its own request, and shares only one not sent.
    void aReadAfterAWriteDoesNotShareOneAlreadySent()
    {
        QJsonObject open = sampleTicketData();
        open.insert(QStringLiteral("Status"), false);
        FakeResponse before = FakeResponse::ticket(open);
        before.delayMs = 100;
        m_server->enqueue(before);
        QJsonObject closed = sampleTicketData();
        closed.insert(QStringLiteral("Status"), true);
        m_server->enqueue(FakeResponse::ticket(closed));
        m_server->enqueue(FakeResponse::ticket(closed));
        TicketReply *sent = fetch(QStringLiteral("HYXTNJV"));
        QTRY_COMPARE(m_server->requestCount(), 1);
        TicketReply *fresh =
            m_client->fetchTicket(caseNumber(QStringLiteral("HYXTNJV")), Lane::User, Freshness::AfterWrite);
        TicketReply *alsoFresh =
            m_client->fetchTicket(caseNumber(QStringLiteral("HYXTNJV")), Lane::User, Freshness::AfterWrite);
        QCOMPARE(m_client->pendingCount(), 2); // the one sent, and one new shared by both
        QVERIFY(waitForFinished(sent));
        QVERIFY(waitForFinished(fresh));
        QVERIFY(waitForFinished(alsoFresh));
        QCOMPARE(sent->result().ticket.status, TicketStatus::Open);
        QCOMPARE(fresh->result().ticket.status, TicketStatus::Closed);
        QCOMPARE(alsoFresh->result().ticket.status, TicketStatus::Closed);
        QCOMPARE(m_server->requestCount(), 2);
        delete fresh;
        delete alsoFresh;
        delete sent;
    }

    void abortingOneSharedReplyKeepsTheOther()
    {
        FakeResponse slow = FakeResponse::ticket(sampleTicketData());
        slow.delayMs = 100;
        m_server->enqueue(slow);
        TicketReply *leaving = fetch(QStringLiteral("HYXTNJV"));
        TicketReply *staying = fetch(QStringLiteral("HYXTNJV"));
        QTRY_COMPARE(m_server->requestCount(), 1);
        QSignalSpy left(leaving, &ApiReply::finished);
        leaving->abort();
        QCOMPARE(left.count(), 1); // at once, as QNetworkReply::abort()
        QCOMPARE(leaving->error().kind(), ErrorKind::Cancelled);
        QVERIFY(waitForFinished(staying));
        QVERIFY2(staying->ok(), qPrintable(staying->error().message()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void deletingAReplyWithdrawsItQuietly()
    {
        const auto [active, queued] = activeAndQueued();
        QVERIFY(active);
        delete queued;
        QCOMPARE(m_client->pendingCount(), 1);
        delete active;
        QCOMPARE(m_client->pendingCount(), 0);
        TicketReply *next = fetch(QStringLiteral("CCC3333")); // the endpoint is free again
        QTRY_COMPARE(m_server->requestCount(), 2);
        QCOMPARE(askedCase(m_server->requests().at(1)), QStringLiteral("CCC3333"));
        next->abort();
    }

    void cancelQueuedAndActive()
    {
        const auto [active, queued] = activeAndQueued();
        QVERIFY(active);
        queued->abort();
        active->abort();
        QCOMPARE(queued->error().kind(), ErrorKind::Cancelled);
        QCOMPARE(active->error().kind(), ErrorKind::Cancelled);
        QVERIFY(queued->result().error.kind() == ErrorKind::Cancelled);
        QVERIFY(!m_client->isBusy());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void abortAllDuringRetryWait()
    {
        m_client->setRetryPolicy(3, 10s);
        m_server->enqueue(FakeResponse::json(503, {}));
        TicketReply *waiting = fetch(QStringLiteral("HYXTNJV"));
        TicketReply *queued = fetch(QStringLiteral("ABC1234"));
        QSignalSpy retrying(waiting, &ApiReply::retrying);
        QVERIFY(retrying.wait(5000));
        m_client->abortAll();
        QVERIFY(waiting->isFinished());
        QVERIFY(queued->isFinished());
        QCOMPARE(waiting->error().kind(), ErrorKind::Cancelled);
        QCOMPARE(queued->error().kind(), ErrorKind::Cancelled);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void largeTicketsAreParsedInOrder()
    {
        // Over AsyncParseThreshold: parsed on the thread pool; the queue must
        // still deliver results in order and never overlap on the wire.
        QJsonObject large = sampleTicketData(QStringLiteral("LARGE01"));
        QJsonArray notes;
        for (int i = 0; i < 3000; ++i)
            notes.append(QJsonObject{
                {QStringLiteral("Id"), i},
                {QStringLiteral("Date"), QStringLiteral("2025-01-26T10:05:12.000Z")},
                {QStringLiteral("Note"), QStringLiteral("<p>Note %1 with some text</p>").arg(i)}});
        large.insert(QStringLiteral("Notes"), notes);
        m_server->serveTickets({{QStringLiteral("LARGE01"), large},
                                {QStringLiteral("SMALL01"), sampleTicketData(QStringLiteral("SMALL01"))}});
        QStringList order;
        TicketReply *largeReply = fetch(QStringLiteral("LARGE01"));
        TicketReply *smallReply = fetch(QStringLiteral("SMALL01"));
        for (TicketReply *reply : {largeReply, smallReply})
            connect(reply, &ApiReply::finished, this,
                    [&order, reply] { order << reply->caseNumber().toString(); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 10000);
        QCOMPARE(order, QStringList({QStringLiteral("LARGE01"), QStringLiteral("SMALL01")}));
        QVERIFY2(largeReply->ok(), qPrintable(largeReply->error().message()));
        QCOMPARE(largeReply->result().ticket.notes.size(), 3000);
        QVERIFY(smallReply->ok());
        QCOMPARE(m_server->maxConcurrentRequests(), 1);
    }

    // --- The dispatcher's rules ----------------------------------------------

    void oneRequestPerEndpointTwoEndpointsInParallel()
    {
        // The API serves one request per endpoint at a time: the client never
        // sends a second one to an endpoint before the first is answered, and
        // different endpoints run side by side.
        const QByteArray listPage =
            QJsonDocument(
                QJsonObject{{QStringLiteral("Response"), true},
                            {QStringLiteral("Data"), QJsonObject{{QStringLiteral("TotalTickets"), 0},
                                                                 {QStringLiteral("Page"), 1},
                                                                 {QStringLiteral("Limit"), 20},
                                                                 {QStringLiteral("TotalPages"), 0},
                                                                 {QStringLiteral("Tickets"), QJsonArray()}}}})
                .toJson(QJsonDocument::Compact);
        m_server->setHandler([listPage](const RecordedRequest &request) {
            FakeResponse r = request.path.endsWith("fetchSingleTicket")
                                 ? FakeResponse::ticket(sampleTicketData(askedCase(request)))
                                 : FakeResponse::json(200, QJsonDocument::fromJson(listPage).object());
            r.delayMs = 80;
            return r;
        });
        QHash<QString, int> onTheWire; // by path: started and not yet finished
        QHash<QString, int> mostAtOnce;
        const auto watch = [&](ApiReply *reply) {
            connect(reply, &ApiReply::started, this, [&, reply] {
                const int now = ++onTheWire[reply->path()];
                mostAtOnce[reply->path()] = std::max(mostAtOnce.value(reply->path()), now);
            });
            connect(reply, &ApiReply::finished, this, [&, reply] {
                if (reply->attempts() > 0)
                    --onTheWire[reply->path()];
            });
        };
        QList<ApiReply *> replies;
        for (int i = 0; i < 3; ++i) {
            replies << fetch(QStringLiteral("CASE%1").arg(i));
            TicketListQuery query;
            query.page = i + 1;
            replies << m_client->fetchTickets(query);
        }
        for (ApiReply *reply : std::as_const(replies))
            watch(reply);
        QCOMPARE(m_client->pendingCount(), 6);
        for (ApiReply *reply : std::as_const(replies)) {
            QVERIFY(waitForFinished(reply));
            QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        }
        QCOMPARE(m_server->requestCount(), 6);
        QCOMPARE(mostAtOnce.value(QStringLiteral("/tickets/fetchSingleTicket")), 1);
        QCOMPARE(mostAtOnce.value(QStringLiteral("/tickets/fetchOpenTickets")), 1);
        // The same, as the server saw it.
        QCOMPARE(m_server->maxConcurrentRequests("/tickets/fetchSingleTicket"), 1);
        QCOMPARE(m_server->maxConcurrentRequests("/tickets/fetchOpenTickets"), 1);
        QCOMPARE(m_server->maxConcurrentRequests(), 2); // the two endpoints did overlap
        QCOMPARE(static_cast<TicketListReply *>(replies.at(5))->query().page, 3);
        QList<QJsonObject> listBodies;
        for (const RecordedRequest &request : m_server->requests()) {
            if (request.path == "/tickets/fetchOpenTickets")
                listBodies << QJsonDocument::fromJson(request.body).object();
        }
        QCOMPARE(listBodies.size(), 3);
        QCOMPARE(listBodies.constLast(), QJsonObject({{QStringLiteral("page"), 3}}));
    }

    void writeIsSentOnceWhenTheConnectionDrops()
    {
        // A read first, so that the write goes out on a kept-alive
        // connection: when that drops, Qt's HTTP layer would resend by itself.
        const QByteArray resolved = R"({"Response":true,"Data":{"CaseNumber":"HYXTNJV","Subject":"s",
            "Status":true,"CloseDate":"2025-01-27T10:00:00.000Z","ClosedBy":"Ana Ruiz"}})";
        m_server->setHandler([](const RecordedRequest &request) {
            if (request.path.endsWith("fetchSingleTicket"))
                return FakeResponse::ticket(sampleTicketData());
            FakeResponse dropped; // reads the request, closes without a word
            dropped.behaviour = FakeResponse::Behaviour::CloseImmediately;
            return dropped;
        });
        QVERIFY(fetchAndWait(QStringLiteral("HYXTNJV")).ok());
        ResolveReply *reply = m_client->resolveTicket(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(reply->isWrite());
        QVERIFY(waitForFinished(reply));
        QCOMPARE(reply->error().kind(), ErrorKind::Network);
        QVERIFY(!reply->error().mayRetry(true));
        QVERIFY2(reply->error().message().contains(QStringLiteral("may or may not")),
                 qPrintable(reply->error().message()));
        QCOMPARE(reply->attempts(), 1);
        int writes = 0;
        for (const RecordedRequest &request : m_server->requests())
            writes += request.path == "/tickets/resolve";
        QCOMPARE(writes, 1);

        // A read that meets the same drop is tried again (the server cannot have acted on it twice).
        m_server->setHandler([resolved](const RecordedRequest &request) {
            FakeResponse r = FakeResponse::json(200, QJsonDocument::fromJson(resolved).object());
            if (request.path.endsWith("fetchSingleTicket"))
                r.behaviour = FakeResponse::Behaviour::CloseImmediately;
            return r;
        });
        const int before = m_server->requestCount();
        QCOMPARE(fetchAndWait(QStringLiteral("ABC1234")).error.kind(), ErrorKind::Network);
        QVERIFY(m_server->requestCount() - before > 1);
    }

    void writesAreNeverMergedAndRetriedOnlyWhenRefused()
    {
        const QByteArray resolved = R"({"Response":true,"Data":{"CaseNumber":"HYXTNJV","Subject":"s",
            "Status":true,"CloseDate":"2025-01-27T10:00:00.000Z","ClosedBy":"Ana Ruiz"}})";
        m_server->enqueue(FakeResponse::json(503, {})); // "busy": not processed, so sent again
        m_server->setHandler([resolved](const RecordedRequest &) {
            return FakeResponse::json(200, QJsonDocument::fromJson(resolved).object());
        });
        ResolveReply *first = m_client->resolveTicket(caseNumber(QStringLiteral("HYXTNJV")));
        ResolveReply *second = m_client->resolveTicket(caseNumber(QStringLiteral("HYXTNJV")));
        QCOMPARE(m_client->pendingCount(), 2); // the same write twice is two writes
        QVERIFY(waitForFinished(first));
        QVERIFY(waitForFinished(second));
        QVERIFY2(first->ok(), qPrintable(first->error().message()));
        QCOMPARE(first->attempts(), 2);
        QCOMPARE(first->result().value.status, TicketStatus::Closed);
        QCOMPARE(first->result().value.closedBy, QStringLiteral("Ana Ruiz"));
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(QJsonDocument::fromJson(m_server->requests().constLast().body).object(),
                 QJsonObject({{QStringLiteral("CaseId"), QStringLiteral("HYXTNJV")}}));
    }

    void backgroundRequestWaitsBehindAUsersRequest()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            FakeResponse r = FakeResponse::ticket(sampleTicketData(askedCase(request)));
            r.delayMs = 50; // the first one is still on the wire when the others queue
            return r;
        });
        TicketReply *first = fetch(QStringLiteral("AAA1111"));
        TicketReply *background1 = fetch(QStringLiteral("BBB2222"), Lane::Background);
        TicketReply *background2 = fetch(QStringLiteral("CCC3333"), Lane::Background);
        TicketReply *user = fetch(QStringLiteral("DDD4444")); // asked last, sent second
        for (TicketReply *reply : {first, background1, background2, user})
            QVERIFY(waitForFinished(reply));
        QStringList sent;
        for (const RecordedRequest &request : m_server->requests())
            sent << askedCase(request);
        QCOMPARE(sent, QStringList({QStringLiteral("AAA1111"), QStringLiteral("DDD4444"),
                                    QStringLiteral("BBB2222"), QStringLiteral("CCC3333")}));
        QCOMPARE(m_server->maxConcurrentRequests(), 1);
    }

    void userJoiningABackgroundReadMovesItAhead()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            FakeResponse r = FakeResponse::ticket(sampleTicketData(askedCase(request)));
            r.delayMs = 50;
            return r;
        });
        TicketReply *first = fetch(QStringLiteral("AAA1111"));
        TicketReply *background = fetch(QStringLiteral("BBB2222"), Lane::Background);
        TicketReply *refresh = fetch(QStringLiteral("CCC3333"), Lane::Background);
        TicketReply *user = fetch(QStringLiteral("CCC3333")); // the agent presses F5 on it
        for (TicketReply *reply : {first, background, refresh, user})
            QVERIFY(waitForFinished(reply));
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(askedCase(m_server->requests().at(1)), QStringLiteral("CCC3333"));
        QVERIFY(refresh->ok());
        QVERIFY(user->ok());
    }

    void limiterHoldsOverASimulatedMinute()
    {
        // An injected clock: the test moves time; nothing sleeps.
        auto now = std::chrono::steady_clock::time_point(std::chrono::hours(1));
        m_client->setClock([&now] { return now; });
        m_client->setCallsPerMinute(3);
        QList<std::chrono::steady_clock::time_point> sentAt;
        connect(m_server.get(), &FakeServer::requestReceived, this, [&] { sentAt << now; });
        m_server->setHandler([](const RecordedRequest &request) {
            return FakeResponse::ticket(sampleTicketData(askedCase(request)));
        });

        QList<TicketReply *> replies;
        for (int i = 0; i < 7; ++i)
            replies << fetch(QStringLiteral("CASE%1").arg(i));
        QVERIFY(waitForFinished(replies.at(2)));
        // The limiter holds the fourth: the client has nothing else to do, and still waits.
        QTRY_COMPARE(m_client->pendingCount(), 4);
        QCoreApplication::processEvents();
        QCOMPARE(m_server->requestCount(), 3);

        now += 59s;
        m_client->dispatch();
        QCoreApplication::processEvents();
        QCOMPARE(m_server->requestCount(), 3);

        now += 1s; // a minute after the first three: three more may go
        m_client->dispatch();
        QVERIFY(waitForFinished(replies.at(5)));
        QTRY_COMPARE(m_client->pendingCount(), 1);
        QCOMPARE(m_server->requestCount(), 6);

        now += 30s;
        m_client->dispatch();
        QCoreApplication::processEvents();
        QCOMPARE(m_server->requestCount(), 6);
        now += 30s;
        m_client->dispatch();
        QVERIFY(waitForFinished(replies.at(6)));
        QCOMPARE(m_server->requestCount(), 7);

        // In every minute-long window, at most three calls started.
        for (const auto &start : std::as_const(sentAt)) {
            const auto inWindow = std::count_if(sentAt.cbegin(), sentAt.cend(), [&start](const auto &t) {
                return t >= start && t < start + RateLimiter::Window;
            });
            QVERIFY2(inWindow <= 3, qPrintable(QString::number(inWindow)));
        }
        for (TicketReply *reply : std::as_const(replies))
            QVERIFY(reply->ok());
    }

    void keyNeverLogged()
    {
        LogCapture capture(QStringLiteral("*.debug=true"));
        m_server->enqueue(FakeResponse::error(401, QStringLiteral("Invalid or Missing Bearer Token")));
        m_server->enqueue(FakeResponse::json(503, {}));
        m_server->enqueue(FakeResponse::ticket(sampleTicketData()));
        fetchAndWait(QStringLiteral("HYXTNJV"));
        fetchAndWait(QStringLiteral("HYXTNJV"));
        capture.stop();
        const QStringList logged = capture.lines();
        QVERIFY(!logged.isEmpty()); // the net category did log
        for (const QString &line : logged) {
            QVERIFY2(!line.contains(testKey), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("Bearer")), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
