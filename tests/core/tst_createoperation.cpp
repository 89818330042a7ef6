// CreateOperation against a loopback server that keeps tickets: one create
// request, never resent; after a lost answer the new ticket is looked for
// in the open list.
#include "core/createoperation.h"
#include "support/writeserver.h"

#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;

namespace {
const QString testKey = QStringLiteral("sk_test_create_3c90d7");
const QByteArray createPath = "/tickets/create";
const QByteArray listPath = "/tickets/fetchOpenTickets";

ApiClient::NewTicket draft(const QString &title)
{
    ApiClient::NewTicket ticket;
    ticket.title = title;
    ticket.descriptionHtml = QStringLiteral("Export stops at <b>10,000</b> rows.<br>Since Monday.");
    ticket.priority = Priority::High;
    return ticket;
}
} // namespace

class TestCreateOperation : public QObject, private WriteFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startStore(testKey)); }
    void cleanup() { stopStore(); }

    void createsWithTheDocumentedBody()
    {
        const std::optional<CreateOutcome> outcome =
            outcomeOf<CreateOperation>(draft(QStringLiteral("Export stops early")));
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, CreateOutcome::Kind::Created);
        QCOMPARE(outcome->caseNumber, QStringLiteral("NEW0001"));
        QCOMPARE(outcome->message(), QStringLiteral("The ticket was created: NEW0001"));
        QVERIFY(outcome->created);
        QCOMPARE(outcome->created->status, TicketStatus::Open);
        QCOMPARE(m_store->bodies(createPath),
                 QList<QJsonObject>(
                     {QJsonObject{{QStringLiteral("Title"), QStringLiteral("Export stops early")},
                                  {QStringLiteral("Description"),
                                   QStringLiteral("Export stops at <b>10,000</b> rows.<br>Since Monday.")},
                                  {QStringLiteral("Priority"), 3}}}));
        QCOMPARE(m_store->requestCount(listPath), 0);
    }

    void assigneeIsSentOnlyWhenSet()
    {
        ApiClient::NewTicket ticket = draft(QStringLiteral("For an admin"));
        ticket.priority = Priority::Low;
        ticket.assignTo = QStringLiteral("  dana@example.com ");
        QVERIFY(outcomeOf<CreateOperation>(ticket));
        const QJsonObject body = m_store->bodies(createPath).value(0);
        QCOMPARE(body.value(u"AssignTo").toString(), QStringLiteral("dana@example.com"));
        QCOMPARE(body.value(u"Priority").toInt(), 1);
    }

    void lostAnswerIsNotResentAndTheTicketIsFound()
    {
        QVERIFY(outcomeOf<CreateOperation>(draft(QStringLiteral("Warm-up")))); // a kept-alive connection
        m_store->nextCaseNumber = QStringLiteral("NEW0002");
        m_store->writeFate = FakeTicketStore::WriteFate::DoneAnswerLost;
        const std::optional<CreateOutcome> outcome =
            outcomeOf<CreateOperation>(draft(QStringLiteral("Export stops early")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(createPath), 2); // the warm-up, and this one once
        QCOMPARE(m_store->requestCount(listPath), 1);
        QCOMPARE(m_store->bodies(listPath).value(0).value(u"search").toString(),
                 QStringLiteral("Export stops early"));
        QCOMPARE(outcome->kind, CreateOutcome::Kind::Created);
        QVERIFY(outcome->answerLost);
        QCOMPARE(outcome->caseNumber, QStringLiteral("NEW0002"));
        QCOMPARE(outcome->message(), QStringLiteral("The ticket was created: NEW0002"));
    }

    void lostAnswerWithoutATicketCannotTell()
    {
        // An older ticket of the same title is not the new one.
        m_store->addOpen(QStringLiteral("OLD0001"), QStringLiteral("Export stops early"));
        m_store->writeFate = FakeTicketStore::WriteFate::NotDoneAnswerLost;
        const std::optional<CreateOutcome> outcome =
            outcomeOf<CreateOperation>(draft(QStringLiteral("Export stops early")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(createPath), 1);
        QCOMPARE(m_store->requestCount(listPath), 1);
        QCOMPARE(outcome->kind, CreateOutcome::Kind::Unknown);
        QVERIFY(outcome->caseNumber.isEmpty());
        QCOMPARE(outcome->message(), QStringLiteral("CaseLens could not tell whether the ticket was created. "
                                                    "Check My tickets before trying again."));
    }

    void refusalSaysWhyAndSendsNothingMore()
    {
        ApiClient::NewTicket ticket = draft(QString());
        const std::optional<CreateOutcome> outcome = outcomeOf<CreateOperation>(ticket);
        QVERIFY(outcome);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(outcome->kind, CreateOutcome::Kind::Failed);
        QCOMPARE(outcome->error.kind(), ErrorKind::BadRequest);
        QVERIFY2(outcome->message().startsWith(QStringLiteral("The ticket was not created. ")),
                 qPrintable(outcome->message()));
    }
};

QTEST_GUILESS_MAIN(TestCreateOperation)
#include "tst_createoperation.moc"
