// UpdateOperation against a loopback server that keeps tickets: one update
// request, never resent, and the ticket read back afterwards.
#include "core/updateoperation.h"
#include "support/replywait.h"
#include "support/writeserver.h"

#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;

namespace {
const QString testKey = QStringLiteral("sk_test_update_71be05");
const QByteArray updatePath = "/tickets/update";
const QByteArray fetchPath = "/tickets/fetchSingleTicket";
} // namespace

class TestUpdateOperation : public QObject, private WriteFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startStore(testKey)); }
    void cleanup() { stopStore(); }

    void titleOnlyIsSentAsDocumentedAndReRead()
    {
        const std::optional<UpdateOutcome> outcome =
            outcomeOf<UpdateOperation>(caseNumber(QStringLiteral("hyxtnjv")),
                                       QStringLiteral("Export stops at 10,000 rows"), std::nullopt);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, UpdateOutcome::Kind::Updated);
        QCOMPARE(outcome->message(), QStringLiteral("HYXTNJV was changed."));
        QCOMPARE(m_store->bodies(updatePath),
                 QList<QJsonObject>({QJsonObject{
                     {QStringLiteral("CaseId"), QStringLiteral("HYXTNJV")},
                     {QStringLiteral("Title"), QStringLiteral("Export stops at 10,000 rows")}}}));
        QCOMPARE(m_store->requestCount(fetchPath), 1);
        QVERIFY(outcome->ticket);
        QCOMPARE(outcome->ticket->subject, QStringLiteral("Export stops at 10,000 rows"));
    }

    void descriptionOnly()
    {
        const std::optional<UpdateOutcome> outcome = outcomeOf<UpdateOperation>(
            caseNumber(QStringLiteral("HYXTNJV")), std::nullopt, QStringLiteral("New <i>steps</i>"));
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, UpdateOutcome::Kind::Updated);
        QCOMPARE(m_store->bodies(updatePath).value(0),
                 QJsonObject({{QStringLiteral("CaseId"), QStringLiteral("HYXTNJV")},
                              {QStringLiteral("Description"), QStringLiteral("New <i>steps</i>")}}));
        QCOMPARE(outcome->ticket->descriptionHtml, QStringLiteral("New <i>steps</i>"));
    }

    void closedTicketIsRefused()
    {
        m_store->addClosed(QStringLiteral("ABC1234"), QStringLiteral("Old"),
                           QStringLiteral("Dana Whitfield"));
        const std::optional<UpdateOutcome> outcome = outcomeOf<UpdateOperation>(
            caseNumber(QStringLiteral("ABC1234")), QStringLiteral("T"), std::nullopt);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, UpdateOutcome::Kind::Failed);
        QCOMPARE(outcome->error.kind(), ErrorKind::BadRequest);
        QVERIFY2(outcome->message().contains(QStringLiteral("Cannot update closed ticket")),
                 qPrintable(outcome->message()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void lostAnswerIsNotResentAndTheReReadDecides_data()
    {
        QTest::addColumn<bool>("done");
        QTest::newRow("changed") << true;
        QTest::newRow("not changed") << false;
    }

    void lostAnswerIsNotResentAndTheReReadDecides()
    {
        QFETCH(bool, done);
        QVERIFY(fetchAndWait(*m_client, QStringLiteral("HYXTNJV")).ok()); // a kept-alive connection
        m_store->writeFate =
            done ? FakeTicketStore::WriteFate::DoneAnswerLost : FakeTicketStore::WriteFate::NotDoneAnswerLost;
        const std::optional<UpdateOutcome> outcome = outcomeOf<UpdateOperation>(
            caseNumber(QStringLiteral("HYXTNJV")), QStringLiteral("New title"), std::nullopt);
        QVERIFY(outcome);
        QCOMPARE(m_store->requestCount(updatePath), 1);
        QCOMPARE(m_store->requestCount(fetchPath), 2);
        QVERIFY(outcome->answerLost);
        QCOMPARE(outcome->kind, done ? UpdateOutcome::Kind::Updated : UpdateOutcome::Kind::NotUpdated);
        QCOMPARE(outcome->message(), done ? QStringLiteral("HYXTNJV was changed.")
                                          : QStringLiteral("HYXTNJV was not changed. Try again."));
    }
};

QTEST_GUILESS_MAIN(TestUpdateOperation)
#include "tst_updateoperation.moc"
