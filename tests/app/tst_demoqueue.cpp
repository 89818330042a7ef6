// The demo's ticket lists (DemoQueue behind DemoServer), read by the real
// client and list parser: enough open tickets to page, the filters and the
// search, the server's 400 for an unknown platform, and every row opens.

#include "app/demoqueue.h"
#include "app/demoserver.h"
#include "core/apiclient.h"
#include "support/replywait.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class TestDemoQueue : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ApiClient> m_client;

    TicketListResult list(const TicketListQuery &query)
    {
        TicketListReply *reply = m_client->fetchTickets(query);
        if (!waitForFinished(reply))
            return {{}, Error(ErrorKind::Timeout, u"no answer"_s)};
        TicketListResult result = reply->result();
        reply->deleteLater();
        return result;
    }

    // Every page of a list, in order.
    QList<TicketSummary> all(TicketListQuery query)
    {
        QList<TicketSummary> rows;
        for (query.page = 1; query.page <= 10; ++query.page) {
            const TicketListResult result = list(query);
            if (!result.ok() || result.list.tickets.isEmpty())
                break;
            rows += result.list.tickets;
            if (query.page >= result.list.totalPages)
                break;
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DemoServer>(QStringLiteral(CASELENS_DEMO_DIR));
        QVERIFY(m_server->listen());
        m_client = std::make_unique<ApiClient>(&m_network);
        QVERIFY(!m_client->setBaseUrl(m_server->url()).isError());
        m_client->setApiKey(m_server->apiKey());
        m_client->setTimeout(5s);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void openTicketsPageByPage()
    {
        const TicketListResult first = list({});
        QVERIFY2(first.ok(), qPrintable(first.error.message()));
        QVERIFY(first.list.totalTickets >= 45);
        QCOMPARE(first.list.page, 1);
        QCOMPARE(first.list.limit, 20);
        QCOMPARE(first.list.tickets.size(), 20);
        QCOMPARE(first.list.totalPages, int((first.list.totalTickets + 19) / 20));

        const QList<TicketSummary> rows = all({});
        QCOMPARE(rows.size(), first.list.totalTickets);
        QSet<QString> seen;
        QSet<int> priorities;
        QSet<QString> areas;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const TicketSummary &row = rows.at(i);
            QVERIFY2(!seen.contains(row.caseNumber), qPrintable(row.caseNumber)); // no row twice
            seen.insert(row.caseNumber);
            priorities.insert(int(row.priority));
            areas.insert(row.resourceAffected);
            if (i > 0 && row.created.isValid() && rows.at(i - 1).created.isValid())
                QVERIFY(rows.at(i - 1).created >= row.created); // newest first
        }
        QVERIFY(priorities.contains(int(Priority::Low)) && priorities.contains(int(Priority::Medium)) &&
                priorities.contains(int(Priority::High)));
        QVERIFY(areas.size() >= 8);
        // Dates spread over weeks.
        QVERIFY(rows.first().created.daysTo(rows.at(44).created) <= -14);

        TicketListQuery past;
        past.page = first.list.totalPages + 1;
        const TicketListResult beyond = list(past);
        QVERIFY(beyond.ok());
        QVERIFY(beyond.list.tickets.isEmpty());
        QCOMPARE(beyond.list.totalTickets, first.list.totalTickets);
    }

    void closedTickets()
    {
        TicketListQuery closed;
        closed.status = TicketStatus::Closed;
        const QList<TicketSummary> rows = all(closed);
        QVERIFY(rows.size() >= 10);
        QVERIFY(std::any_of(rows.cbegin(), rows.cend(),
                            [](const TicketSummary &r) { return r.caseNumber == u"HYXTNJV"_s; }));
        const QList<TicketSummary> open = all({});
        for (const TicketSummary &row : open)
            QVERIFY(row.caseNumber != u"HYXTNJV"_s);
    }

    void filtersAndSearch()
    {
        TicketListQuery high;
        high.priority = Priority::High;
        const QList<TicketSummary> highRows = all(high);
        QVERIFY(!highRows.isEmpty());
        for (const TicketSummary &row : highRows)
            QCOMPARE(row.priority, Priority::High);

        TicketListQuery winners;
        winners.platform = u"WINNERS"_s; // any case
        const QList<TicketSummary> winnerRows = all(winners);
        QVERIFY(!winnerRows.isEmpty());
        for (const TicketSummary &row : winnerRows)
            QCOMPARE(row.resourceAffected, u"winners"_s);

        TicketListQuery search;
        search.search = u"EXPORT"_s;
        const QList<TicketSummary> found = all(search);
        QVERIFY(!found.isEmpty());
        QVERIFY(found.size() < all({}).size());
        search.search = u"export"_s;
        QCOMPARE(all(search).size(), found.size());

        // In the description only: "Reported by <name>" is never in a subject.
        TicketListQuery byDescription;
        byDescription.search = u"reported by priya"_s;
        QVERIFY(!all(byDescription).isEmpty());
    }

    void anUnknownPlatformIsA400()
    {
        TicketListQuery bad;
        bad.platform = u"nosuch"_s;
        const TicketListResult result = list(bad);
        QCOMPARE(result.error.kind(), ErrorKind::BadRequest);
        QVERIFY2(result.error.serverMessage().startsWith(u"Invalid platform"_s),
                 qPrintable(result.error.serverMessage()));
        QVERIFY(result.error.serverMessage().contains(u"mcp-server"_s));
    }

    void everyListedRowOpens()
    {
        TicketListQuery closed;
        closed.status = TicketStatus::Closed;
        const QList<TicketSummary> rows = all({}) + all(closed);
        for (const TicketSummary &row : rows) {
            const TicketResult ticket = fetchAndWait(*m_client, row.caseNumber);
            QVERIFY2(ticket.ok(), qPrintable(row.caseNumber + u": "_s + ticket.error.message()));
            QCOMPARE(ticket.ticket.caseNumber, row.caseNumber);
            QCOMPARE(ticket.ticket.subject.left(100), row.subject);
        }
    }

    void theSameDemoOnEveryRun()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const DemoQueue a(QStringLiteral(CASELENS_DEMO_DIR), now);
        const DemoQueue b(QStringLiteral(CASELENS_DEMO_DIR), now);
        QCOMPARE(a.list("{\"page\":2}", false).body, b.list("{\"page\":2}", false).body);
        QCOMPARE(a.count(false), b.count(false));
        QVERIFY(a.count(false) >= 45);
    }
};

QTEST_GUILESS_MAIN(TestDemoQueue)
#include "tst_demoqueue.moc"
