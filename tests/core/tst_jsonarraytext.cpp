#include "core/jsonarraytext.h"

#include <QTest>

using namespace CaseLens;

class TestJsonArrayText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void elements_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArrayList>("elements");
        QTest::newRow("empty") << QByteArray("[]") << QByteArrayList{};
        QTest::newRow("empty with space") << QByteArray(" [ \n ] ") << QByteArrayList{};
        QTest::newRow("scalars") << QByteArray("[1, -2.5e3 ,true,null, \"x\"]")
                                 << QByteArrayList{"1", "-2.5e3", "true", "null", "\"x\""};
        QTest::newRow("nested commas stay inside")
            << QByteArray("[ {\"a\": [1, 2], \"b\": {\"c\": 3, \"d\": [ ]}} , [4, [5, 6]] ]")
            << QByteArrayList{"{\"a\": [1, 2], \"b\": {\"c\": 3, \"d\": [ ]}}", "[4, [5, 6]]"};
        QTest::newRow("brackets and commas in strings")
            << QByteArray("[\"a,b]\", \"}{\", \"q\\\"uote,\\\\\", \"\\\\\\\\\\\", [\"]")
            << QByteArrayList{"\"a,b]\"", "\"}{\"", "\"q\\\"uote,\\\\\"", "\"\\\\\\\\\\\", [\""};
        QTest::newRow("bom and newlines")
            << QByteArray("\xEF\xBB\xBF[\r\n{\"k\":\"v\"}\r\n]\n") << QByteArrayList{"{\"k\":\"v\"}"};
    }

    void elements()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArrayList, elements);
        const std::optional<QList<QByteArrayView>> found = jsonArrayElementTexts(json);
        QVERIFY(found.has_value());
        QByteArrayList texts;
        for (const QByteArrayView text : *found)
            texts << text.toByteArray();
        QCOMPARE(texts, elements);
    }

    void notAnArray()
    {
        for (const QByteArray &json :
             {QByteArray(), QByteArray("{}"), QByteArray("\"[1]\""), QByteArray("3")})
            QVERIFY2(!jsonArrayElementTexts(json).has_value(), json.constData());
    }
};

QTEST_GUILESS_MAIN(TestJsonArrayText)
#include "tst_jsonarraytext.moc"
