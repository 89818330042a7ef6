// ResolveOperation against a loopback server that keeps tickets: one
// resolve request, whatever happens to its answer, and an outcome read from
// the ticket's state afterwards.
#include "core/resolveoperation.h"
#include "support/replywait.h"
#include "support/writeserver.h"

#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;

namespace {
const QString testKey = QStringLiteral("sk_test_resolve_8a41f2");
const QByteArray resolvePath = "/tickets/resolve";
const QByteArray fetchPath = "/tickets/fetchSingleTicket";
} // namespace

class TestResolveOperation : public QObject, private WriteFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startStore(testKey)); }
    void cleanup() { stopStore(); }

    void closesAndReReadsTheTicket()
    {
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::Closed);
        QCOMPARE(outcome->message(), QStringLiteral("HYXTNJV is closed."));
        QVERIFY(!outcome->answerLost);
        QCOMPARE(m_store->bodies(resolvePath),
                 QList<QJsonObject>({QJsonObject{{QStringLiteral("CaseId"), QStringLiteral("HYXTNJV")}}}));
        QCOMPARE(m_store->requestCount(fetchPath), 1);
        QVERIFY(outcome->ticket);
        QCOMPARE(outcome->ticket->status, TicketStatus::Closed);
        QCOMPARE(outcome->closedBy, QStringLiteral("Ana Ruiz"));
        QVERIFY(outcome->closedAt.isValid());
        QVERIFY2(outcome->closedByText().startsWith(QStringLiteral("Closed by Ana Ruiz on ")),
                 qPrintable(outcome->closedByText()));
    }

    void lostAnswerAfterClosingIsSentOnceAndReportedClosed()
    {
        // A read first, so the resolve goes out on a kept-alive connection:
        // when that drops, Qt's HTTP layer would resend by itself.
        QVERIFY(fetchAndWait(*m_client, QStringLiteral("HYXTNJV")).ok());
        m_store->writeFate = FakeTicketStore::WriteFate::DoneAnswerLost;
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(resolvePath), 1);
        QCOMPARE(m_store->requestCount(fetchPath), 2); // the first read, and the re-read
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::Closed);
        QVERIFY(outcome->answerLost);
        QCOMPARE(outcome->message(), QStringLiteral("HYXTNJV is closed."));
        QCOMPARE(outcome->closedBy, QStringLiteral("Ana Ruiz"));
        QVERIFY(outcome->ticket && outcome->ticket->status == TicketStatus::Closed);
    }

    void lostAnswerWithoutClosingSaysNotClosed()
    {
        QVERIFY(fetchAndWait(*m_client, QStringLiteral("HYXTNJV")).ok());
        m_store->writeFate = FakeTicketStore::WriteFate::NotDoneAnswerLost;
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(resolvePath), 1);
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::NotClosed);
        QVERIFY(outcome->answerLost);
        QCOMPARE(outcome->message(), QStringLiteral("HYXTNJV was not closed. Try again."));
        QCOMPARE(outcome->error.kind(), ErrorKind::Network);
        QVERIFY(outcome->ticket && outcome->ticket->status == TicketStatus::Open);
        QVERIFY(outcome->closedBy.isEmpty());
    }

    void alreadyClosedIsReReadAndSaidSo()
    {
        m_store->addClosed(QStringLiteral("ABC1234"), QStringLiteral("Old"),
                           QStringLiteral("Dana Whitfield"));
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("abc1234")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(resolvePath), 1);
        QCOMPARE(m_store->requestCount(fetchPath), 1);
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::AlreadyClosed);
        QCOMPARE(outcome->message(), QStringLiteral("ABC1234 was already closed."));
        QCOMPARE(outcome->closedBy, QStringLiteral("Dana Whitfield"));
        QCOMPARE(outcome->closedAt, QDateTime(QDate(2025, 1, 28), QTime(16, 45, 30, 250), Qt::UTC));
        QVERIFY(!outcome->answerLost);
    }

    void missingTicketIsNotFound()
    {
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("NOPE123")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(resolvePath), 1);
        QCOMPARE(m_store->requestCount(fetchPath), 1);
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::NotFound);
        QCOMPARE(outcome->error.kind(), ErrorKind::NotFound);
        QCOMPARE(outcome->message(),
                 QStringLiteral("NOPE123 was not closed: there is no such ticket for this API key."));
        QVERIFY(!outcome->ticket);
    }

    void refusalIsNotReRead()
    {
        m_server->setHandler([](const RecordedRequest &) {
            return FakeResponse::error(403, QStringLiteral("Invalid API Token"));
        });
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(outcome);
        QCOMPARE(m_server->requestCount(), 1); // no retry, no re-read
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::Failed);
        QCOMPARE(outcome->error.kind(), ErrorKind::Forbidden);
        QVERIFY(outcome->message().startsWith(QStringLiteral("HYXTNJV was not closed. Your API key")));
    }

    void lostAnswerAndFailedReReadCannotTell()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            if (request.path == resolvePath) {
                FakeResponse dropped;
                dropped.behaviour = FakeResponse::Behaviour::CloseImmediately;
                return dropped;
            }
            return FakeResponse::error(500, QStringLiteral("Internal Server Error"));
        });
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(resolvePath), 1);
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::Failed);
        QVERIFY(outcome->answerLost);
        QCOMPARE(outcome->message(),
                 QStringLiteral("CaseLens could not tell whether HYXTNJV was closed. Check "
                                "the ticket before trying again."));
    }

    void busyServerIsRetriedBecauseItDidNothing()
    {
        m_server->enqueue(FakeResponse::json(503, {}));
        const std::optional<ResolveOutcome> outcome =
            outcomeOf<ResolveOperation>(caseNumber(QStringLiteral("HYXTNJV")));
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(resolvePath), 2);
        QCOMPARE(outcome->kind, ResolveOutcome::Kind::Closed);
    }

    void ambiguityRule()
    {
        QVERIFY(WriteOperation::mayHaveHappened(Error()));
        QVERIFY(WriteOperation::mayHaveHappened(Error(ErrorKind::Timeout, QStringLiteral("t"))));
        QVERIFY(WriteOperation::mayHaveHappened(Error::fromHttpStatus(500)));
        QVERIFY(WriteOperation::mayHaveHappened(Error(ErrorKind::MalformedResponse, QStringLiteral("m"))));
        QVERIFY(!WriteOperation::mayHaveHappened(Error::fromHttpStatus(503)));
        QVERIFY(!WriteOperation::mayHaveHappened(Error::fromHttpStatus(400)));
        QVERIFY(!WriteOperation::mayHaveHappened(Error(ErrorKind::NoApiKey, QStringLiteral("k"))));
    }

    void deletingARunningOperationWithdrawsItsRequest()
    {
        auto *operation = new ResolveOperation(m_client.get(), caseNumber(QStringLiteral("HYXTNJV")));
        operation->start();
        QCOMPARE(m_client->pendingCount(), 1);
        delete operation; // before dispatch: nothing goes out
        QCOMPARE(m_client->pendingCount(), 0);
        QVERIFY(fetchAndWait(*m_client, QStringLiteral("HYXTNJV")).ok());
        QCOMPARE(m_store->requestCount(resolvePath), 0);
    }
};

QTEST_GUILESS_MAIN(TestResolveOperation)
#include "tst_resolveoperation.moc"
