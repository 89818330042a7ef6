// Parse cost: bytes to ticket (parseTicketResponse) against bare
// QJsonDocument::fromJson on the same bytes, in the same run.
// Budget: the whole parse costs at most 1.5x bare JSON parsing.
// Run with -callgrind (under valgrind) for instruction counts.

#include "benchmarks/ticketgen.h"
#include "core/ticketparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace CaseLens;

class BenchParse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_typical = Bench::typicalTicket();
        m_large = Bench::largeTicket();
        QVERIFY(CaseLens::parseTicketResponse(m_typical, 200).ok());
        const TicketResult large = CaseLens::parseTicketResponse(m_large, 200);
        QVERIFY(large.ok());
        QCOMPARE(large.ticket.notes.size(), Bench::LargeNoteCount);
        QCOMPARE(large.ticket.statistics.size(), Bench::LargeStatisticCount);
        QVERIFY(large.ticket.warnings.isEmpty());
        qInfo("typical ticket: %lld bytes, large ticket: %lld bytes", qint64(m_typical.size()),
              qint64(m_large.size()));
    }

    void fromJson_data() { rows(); }
    void fromJson()
    {
        QFETCH(QByteArray, body);
        QBENCHMARK
        {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            QVERIFY(doc.isObject());
        }
    }

    void parseTicketResponse_data() { rows(); }
    void parseTicketResponse()
    {
        QFETCH(QByteArray, body);
        QBENCHMARK
        {
            const TicketResult r = CaseLens::parseTicketResponse(body, 200);
            QVERIFY(r.ok());
        }
    }

private:
    void rows()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("typical") << m_typical;
        QTest::newRow("large") << m_large;
    }

    QByteArray m_typical;
    QByteArray m_large;
};

QTEST_GUILESS_MAIN(BenchParse)
#include "bench_parse.moc"
