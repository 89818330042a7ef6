// Demo mode's writes (DemoWrites behind DemoServer): the real client and the
// write operations against the in-app server, as the agent would use them.
#include "app/demoserver.h"
#include "core/apiclient.h"
#include "core/createoperation.h"
#include "core/resolveoperation.h"
#include "core/updateoperation.h"
#include "support/replywait.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace CaseLens;
using namespace CaseLens::Gui;

class tst_DemoWrites final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ApiClient> m_client;

    // The first bundled demo ticket that is open (or closed).
    static QString bundled(TicketStatus status)
    {
        const QList<DemoCase> cases = DemoServer::catalog();
        for (const DemoCase &c : cases) {
            if (c.status == status)
                return c.caseNumber;
        }
        return {};
    }

    // Runs operation to its end; false when finished() did not come.
    static bool run(WriteOperation &operation)
    {
        QSignalSpy finished(&operation, &WriteOperation::finished);
        operation.start();
        return finished.wait(10000);
    }

    // Page 1 of a list, filtered by search.
    QStringList listed(TicketStatus status, const QString &search = {})
    {
        TicketListQuery query;
        query.status = status;
        query.search = search;
        const std::unique_ptr<TicketListReply> reply(m_client->fetchTickets(query));
        if (!Testing::waitForFinished(reply.get()) || !reply->ok())
            return {QStringLiteral("(no list)")};
        QStringList cases;
        for (const TicketSummary &row : reply->result().list.tickets)
            cases << row.caseNumber;
        return cases;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<DemoServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<ApiClient>(&m_network);
        QVERIFY(!m_client->setBaseUrl(m_server->url()).isError());
        m_client->setApiKey(m_server->apiKey());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void resolveClosesWithNoteAndStatisticAndMovesTheTicket()
    {
        const QString open = bundled(TicketStatus::Open);
        QVERIFY(!open.isEmpty());
        const CaseNumber number = Testing::caseNumber(open);
        ResolveOperation resolve(m_client.get(), number);
        QVERIFY(run(resolve));
        QCOMPARE(resolve.outcome().kind, ResolveOutcome::Kind::Closed);
        QCOMPARE(resolve.outcome().closedBy, QStringLiteral("Dana Whitfield"));
        QVERIFY(resolve.outcome().ticket);
        const Ticket &ticket = *resolve.outcome().ticket;
        QCOMPARE(ticket.status, TicketStatus::Closed);
        QCOMPARE(ticket.completion, 100);
        QVERIFY(ticket.closeDate.isValid());
        QVERIFY(ticket.notes.constLast().html.contains(QStringLiteral("resolved by Dana Whitfield")));
        QCOMPARE(ticket.statistics.constLast().action, QStringLiteral("resolve"));
        QVERIFY(!listed(TicketStatus::Open, ticket.subject).contains(open));
        QVERIFY(listed(TicketStatus::Closed, ticket.subject).contains(open));

        ResolveOperation again(m_client.get(), number);
        QVERIFY(run(again));
        QCOMPARE(again.outcome().kind, ResolveOutcome::Kind::AlreadyClosed);
    }

    void createMakesANewCaseFirstInTheOpenList()
    {
        ApiClient::NewTicket draft;
        draft.title = QStringLiteral("Demo: export stops early");
        draft.descriptionHtml = QStringLiteral("Stops at <b>10,000</b> rows.");
        draft.priority = Priority::High;
        draft.assignTo = QStringLiteral("Dana Whitfield");
        CreateOperation create(m_client.get(), draft);
        QVERIFY(run(create));
        QCOMPARE(create.outcome().kind, CreateOutcome::Kind::Created);
        const QString created = create.outcome().caseNumber;
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z0-9]{7}$")).match(created).hasMatch(),
                 qPrintable(created));
        QVERIFY(create.outcome().created && create.outcome().created->assignedTo);
        QCOMPARE(listed(TicketStatus::Open).value(0), created);
        const TicketResult fetched = Testing::fetchAndWait(*m_client, created);
        QVERIFY(fetched.ok());
        QCOMPARE(fetched.ticket.subject, draft.title);
        QCOMPARE(fetched.ticket.status, TicketStatus::Open);
        QVERIFY(fetched.ticket.notes.value(0).html.contains(QStringLiteral("created through the API")));

        draft.assignTo = QStringLiteral("nobody@example.com");
        CreateOperation refused(m_client.get(), draft);
        QVERIFY(run(refused));
        QCOMPARE(refused.outcome().kind, CreateOutcome::Kind::Failed);
        QCOMPARE(refused.outcome().error.httpStatus(), 400);
    }

    void updateReplacesTextOfOpenTicketsOnly()
    {
        const QString open = bundled(TicketStatus::Open);
        UpdateOperation update(m_client.get(), Testing::caseNumber(open), QStringLiteral("New demo title"),
                               std::nullopt);
        QVERIFY(run(update));
        QCOMPARE(update.outcome().kind, UpdateOutcome::Kind::Updated);
        QVERIFY(update.outcome().ticket);
        QCOMPARE(update.outcome().ticket->subject, QStringLiteral("New demo title"));
        QCOMPARE(update.outcome().ticket->statistics.constLast().action, QStringLiteral("update"));

        const QString closed = bundled(TicketStatus::Closed);
        QVERIFY(!closed.isEmpty());
        UpdateOperation refused(m_client.get(), Testing::caseNumber(closed), QStringLiteral("T"),
                                std::nullopt);
        QVERIFY(run(refused));
        QCOMPARE(refused.outcome().kind, UpdateOutcome::Kind::Failed);
        QVERIFY2(refused.outcome().error.message().contains(QStringLiteral("Cannot update closed ticket")),
                 qPrintable(refused.outcome().error.message()));
    }
};

QTEST_MAIN(tst_DemoWrites)
#include "tst_demowrites.moc"
