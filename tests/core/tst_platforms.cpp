#include "core/platforms.h"

#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

class TestPlatforms final : public QObject
{
    Q_OBJECT

private slots:
    void theTwentyDocumentedPlatforms();
    void idIsFoundWhateverTheCase();
    void displayNames();
};

void TestPlatforms::theTwentyDocumentedPlatforms()
{
    const QList<Platform> &all = documentedPlatforms();
    QCOMPARE(all.size(), 20);
    QCOMPARE(all.first().id, u"general"_s);
    QCOMPARE(all.last().id, u"other"_s);
    for (const Platform &p : all) {
        QVERIFY2(!p.displayName().isEmpty(), qPrintable(p.id));
        QCOMPARE(p.id, p.id.toLower());
    }
}

void TestPlatforms::idIsFoundWhateverTheCase()
{
    QCOMPARE(documentedPlatformId(u" Winners "_s), u"winners"_s);
    QCOMPARE(documentedPlatformId(u"MCP-SERVER"_s), u"mcp-server"_s);
    // Unknown values are refused before anything is sent (the server would answer 400).
    QCOMPARE(documentedPlatformId(u"winner"_s), QString());
    QCOMPARE(documentedPlatformId(u"mcp server"_s), QString());
    QCOMPARE(documentedPlatformId(QString()), QString());
}

void TestPlatforms::displayNames()
{
    QCOMPARE(platformDisplayName(u"socialmedia"_s), u"Social media"_s);
    QCOMPARE(platformDisplayName(u"API"_s), u"API"_s);
    // A product area the contract does not list is shown as it came.
    QCOMPARE(platformDisplayName(u"moonbase"_s), u"moonbase"_s);
}

QTEST_GUILESS_MAIN(TestPlatforms)
#include "tst_platforms.moc"
