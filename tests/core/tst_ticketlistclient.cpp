// Ticket lists through the real client and dispatcher, against a loopback
// server: what `caselens-cli list` and the queue panel rely on.
#include "core/apiclient.h"
#include "support/clientfixture.h"
#include "support/replywait.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;

namespace {

const QString testKey = QStringLiteral("sk_live_list_client_8e41");
const QByteArray openPath = "/tickets/fetchOpenTickets";
const QByteArray closedPath = "/tickets/fetchClosedTickets";

// Page p of a 45-ticket list; each row names its page, as text a server might send.
QByteArray pageAnswer(int page)
{
    QByteArray rows;
    for (int i = 0; i < (page < 3 ? 20 : 5); ++i)
        rows += QStringLiteral("%1{ \"CaseNumber\": \"P%2R%3\", \"Subject\": \"Row %3 of page %2\", "
                               "\"Date\": \"2025-01-20T10:00:00.000Z\", \"Priority\": 2, "
                               "\"ResourceAffected\": \"api\" }")
                    .arg(i ? QStringLiteral(",\n") : QString())
                    .arg(page)
                    .arg(i)
                    .toUtf8();
    return "{\"Response\":true,\"Data\":{\"TotalTickets\":45,\"Page\":" + QByteArray::number(page) +
           ",\"Limit\":20,\"TotalPages\":3,\"Tickets\":[" + rows + "]}}";
}

int askedPage(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(u"page").toInt(-1);
}

FakeResponse pageResponse(const RecordedRequest &request)
{
    FakeResponse response;
    response.body = pageAnswer(askedPage(request));
    response.delayMs = 30; // long enough for a second request to overlap, if one were sent
    return response;
}

TicketListQuery pageQuery(int page, TicketStatus status = TicketStatus::Open)
{
    TicketListQuery query;
    query.status = status;
    query.page = page;
    return query;
}

} // namespace

class TestTicketListClient final : public QObject, public ClientFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(startServerAndClient(testKey));
        m_client->setRetryPolicy(3, 5ms, 20ms);
        m_client->setTimeout(5s);
    }

    void cleanup() { stopServerAndClient(); }

    // Three pages asked at once go out one after another, in order, while a
    // ticket fetch that never gets its answer runs beside them: the list's
    // queue waits for nobody but itself.
    void oneListRequestAtATimeBesideATicketFetch()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            if (request.path.endsWith("fetchSingleTicket")) {
                FakeResponse hang;
                hang.behaviour = FakeResponse::Behaviour::NoAnswer;
                return hang;
            }
            return pageResponse(request);
        });
        std::unique_ptr<TicketReply> ticket(m_client->fetchTicket(caseNumber(QStringLiteral("HYXTNJV"))));
        QTRY_COMPARE(m_server->requestCount(), 1); // the ticket request is on the wire
        std::vector<std::unique_ptr<TicketListReply>> pages;
        for (int page = 1; page <= 3; ++page)
            pages.emplace_back(m_client->fetchTickets(pageQuery(page)));
        for (const auto &reply : pages) {
            QVERIFY(waitForFinished(reply.get()));
            QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        }
        QVERIFY(!ticket->isFinished());
        QCOMPARE(m_server->maxConcurrentRequests(openPath), 1);
        QCOMPARE(m_server->maxConcurrentRequests(), 2); // lists ran beside the ticket fetch
        QList<int> order;
        for (const RecordedRequest &request : m_server->requests())
            if (request.path == openPath)
                order << askedPage(request);
        QCOMPARE(order, QList<int>({1, 2, 3}));
        for (int page = 1; page <= 3; ++page) {
            const TicketList &list = pages.at(page - 1)->result().list;
            QCOMPARE(list.page, page);
            QCOMPARE(list.tickets.size(), page < 3 ? 20 : 5);
            QCOMPARE(list.tickets.constFirst().caseNumber, QStringLiteral("P%1R0").arg(page));
        }
        ticket->abort();
        QCOMPARE(ticket->error().kind(), ErrorKind::Cancelled);
    }

    // The open and the closed list are two endpoints: each has its own
    // queue, so the closed pages come back while the open one is still out.
    void openAndClosedListsRunSideBySide()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            if (request.path == openPath) {
                FakeResponse hang;
                hang.behaviour = FakeResponse::Behaviour::NoAnswer;
                return hang;
            }
            return pageResponse(request);
        });
        std::unique_ptr<TicketListReply> open(m_client->fetchTickets(pageQuery(1)));
        std::unique_ptr<TicketListReply> closed1(m_client->fetchTickets(pageQuery(1, TicketStatus::Closed)));
        std::unique_ptr<TicketListReply> closed2(m_client->fetchTickets(pageQuery(2, TicketStatus::Closed)));
        QVERIFY(waitForFinished(closed2.get()));
        QVERIFY(closed1->ok());
        QVERIFY(closed2->ok());
        QCOMPARE(closed2->result().list.page, 2);
        QVERIFY(!open->isFinished());
        QCOMPARE(m_server->maxConcurrentRequests(closedPath), 1);
        QCOMPARE(m_server->maxConcurrentRequests(), 2);
        open->abort();
    }

    void busyServerIsRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("429") << 429;
        QTest::newRow("503") << 503;
    }

    void busyServerIsRetried()
    {
        QFETCH(int, status);
        m_server->enqueue(FakeResponse::error(status, QStringLiteral("Busy")).withHeader("Retry-After", "0"));
        m_server->enqueue(FakeResponse::error(status, QStringLiteral("Busy")));
        m_server->setHandler(pageResponse);
        std::unique_ptr<TicketListReply> reply(m_client->fetchTickets(pageQuery(2)));
        int notices = 0;
        connect(reply.get(), &ApiReply::retrying, this, [&notices] { ++notices; });
        QVERIFY(waitForFinished(reply.get()));
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(notices, 2);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(reply->result().list.page, 2);
        for (const RecordedRequest &request : m_server->requests())
            QCOMPARE(askedPage(request), 2); // the same page each time
    }

    void keyRejected_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("401") << 401 << ErrorKind::Unauthorized;
        QTest::newRow("403") << 403 << ErrorKind::Forbidden;
    }

    void keyRejected()
    {
        QFETCH(int, status);
        QFETCH(ErrorKind, kind);
        m_server->setHandler([status](const RecordedRequest &) {
            return FakeResponse::error(status, QStringLiteral("Invalid API Token"));
        });
        std::unique_ptr<TicketListReply> reply(m_client->fetchTickets(pageQuery(1)));
        QVERIFY(waitForFinished(reply.get()));
        QCOMPARE(reply->error().kind(), kind);
        QVERIFY(reply->error().needsNewKey());
        QCOMPARE(reply->attempts(), 1); // never retried
        QCOMPARE(m_server->requestCount(), 1);
        QVERIFY(reply->result().list.tickets.isEmpty()); // an error never comes with rows
    }

    // Each row keeps its text through the client, compact, as sent.
    void rowsKeepTheirText()
    {
        m_server->setHandler(pageResponse);
        std::unique_ptr<TicketListReply> reply(m_client->fetchTickets(pageQuery(3)));
        QVERIFY(waitForFinished(reply.get()));
        QVERIFY(reply->ok());
        QCOMPARE(reply->result().list.tickets.at(4).json,
                 QByteArray(R"({"CaseNumber":"P3R4","Subject":"Row 4 of page 3","Date":)"
                            R"("2025-01-20T10:00:00.000Z","Priority":2,"ResourceAffected":"api"})"));
    }
};

QTEST_GUILESS_MAIN(TestTicketListClient)
#include "tst_ticketlistclient.moc"
