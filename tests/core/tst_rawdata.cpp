#include "core/rawdata.h"
#include "core/ticketparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

// An answer with Data's text somewhere inside it, as RawData keeps it.
RawData fromAnswer(const QByteArray &dataText)
{
    const QByteArray answer = R"({"Response":true,"Data":)" + dataText + R"(,"Code":200})";
    return RawData(answer, answer.indexOf(dataText), dataText.size());
}

} // namespace

// A ticket's Data as the Raw tab and the watch see it, whether the parser
// kept it as text or built a tree.
class TestRawData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textGivesTheObject()
    {
        const RawData raw = fromAnswer(R"({ "CaseNumber": "HYXTNJV", "Views": 4, "Notes": [1, "a\u00e9"] })");
        QCOMPARE(raw.text(),
                 QByteArrayView(R"({ "CaseNumber": "HYXTNJV", "Views": 4, "Notes": [1, "a\u00e9"] })"));
        const QJsonObject object = raw.object();
        QCOMPARE(object.value(u"CaseNumber").toString(), u"HYXTNJV"_s);
        QCOMPARE(object.value(u"Views").toInt(), 4);
        QCOMPARE(object.value(u"Notes").toArray().at(1).toString(), u"a\u00e9"_s);
        QVERIFY(!raw.isEmpty());
    }

    void emptiness()
    {
        QVERIFY(RawData().isEmpty());
        QVERIFY(RawData(QJsonObject()).isEmpty());
        QVERIFY(fromAnswer("{}").isEmpty());
        QVERIFY(fromAnswer("{ \n\t}").isEmpty());
        QVERIFY(!fromAnswer(R"({"a":1})").isEmpty());
        QVERIFY(!RawData(QJsonObject{{u"a"_s, 1}}).isEmpty());
        QVERIFY(RawData().text().isEmpty());
        QVERIFY(RawData(QJsonObject{{u"a"_s, 1}}).text().isEmpty()); // a tree has no text
    }

    // Equality is the object's, however it is kept and written.
    void equality()
    {
        const RawData text = fromAnswer(R"({"a":1,"b":"x"})");
        QVERIFY(text == fromAnswer(R"({"a":1,"b":"x"})"));
        QVERIFY(text == fromAnswer(R"({ "b" : "x", "a" : 1 })")); // reordered, spaced
        QVERIFY(text == RawData(QJsonObject{{u"b"_s, u"x"_s}, {u"a"_s, 1}}));
        QVERIFY(text != fromAnswer(R"({"a":2,"b":"x"})"));
        QVERIFY(text != RawData());
    }

    // The watch's "nothing new": the same bytes when both are text (a
    // reformatted answer counts as new), the same object otherwise.
    void unchanged()
    {
        const RawData text = fromAnswer(R"({"a":1,"b":"x"})");
        QVERIFY(text.isUnchangedFrom(fromAnswer(R"({"a":1,"b":"x"})")));
        QVERIFY(!text.isUnchangedFrom(fromAnswer(R"({"a":1,"b":"y"})")));
        QVERIFY(!text.isUnchangedFrom(fromAnswer(R"({ "a":1,"b":"x"})")));
        const RawData tree(QJsonObject{{u"a"_s, 1}, {u"b"_s, u"x"_s}});
        QVERIFY(tree.isUnchangedFrom(text));
        QVERIFY(text.isUnchangedFrom(tree));
        QVERIFY(!tree.isUnchangedFrom(RawData(QJsonObject{{u"a"_s, 2}})));
    }

    // What the parser keeps: text for a plain answer, a tree for one it had
    // to read tolerantly; the same object either way.
    void parserKeepsTextOrTree()
    {
        const QByteArray plain =
            R"({"Response":true,"Data":{"CaseNumber":"HYXTNJV","Date":"2025-01-26T10:00:00.000Z",)"
            R"("Subject":"s","Priority":2,"Status":false}})";
        const TicketResult read = parseTicketResponse(plain, 200, "application/json", u"HYXTNJV"_s);
        QVERIFY(read.ok());
        QVERIFY(!read.ticket.raw.text().isEmpty());
        QByteArray tolerant = plain;
        tolerant.replace(R"("Priority":2)", R"("Priority":"2")"); // a warning: the tree reader's
        const TicketResult tree = parseTicketResponse(tolerant, 200, "application/json", u"HYXTNJV"_s);
        QCOMPARE(tree.ticket.warnings.size(), 1);
        QVERIFY(tree.ticket.raw.text().isEmpty());
        QCOMPARE(tree.ticket.raw.object().value(u"Priority").toString(), u"2"_s);
        QCOMPARE(read.ticket.raw.object().value(u"Subject").toString(), u"s"_s);
    }
};

QTEST_GUILESS_MAIN(TestRawData)
#include "tst_rawdata.moc"
