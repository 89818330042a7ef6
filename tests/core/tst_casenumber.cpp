#include "casenumber.h"

#include <QTest>

using namespace CaseLens;

class TestCaseNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: invalid
        QTest::newRow("plain") << "HYXTNJV"
                               << "HYXTNJV";
        QTest::newRow("lower case") << "hyxtnjv"
                                    << "HYXTNJV";
        QTest::newRow("pasted with spaces and hash") << " #hyxtnjv "
                                                     << "HYXTNJV";
        QTest::newRow("hash then space") << "# ABC1234"
                                         << "ABC1234";
        QTest::newRow("tabs and newline") << "\tabc1234\n"
                                          << "ABC1234";
        QTest::newRow("digits") << "2650478"
                                << "2650478";
        QTest::newRow("one character") << "x"
                                       << "X";
        QTest::newRow("32 characters") << QString(32, u'A') << QString(32, u'A');
        QTest::newRow("33 characters") << QString(33, u'A') << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("only spaces") << "   "
                                     << "";
        QTest::newRow("only hash") << "#"
                                   << "";
        QTest::newRow("two hashes") << "##HYXTNJV"
                                    << "";
        QTest::newRow("inner space") << "HYX TNJV"
                                     << "";
        QTest::newRow("dash") << "HYX-TNJV"
                              << "";
        QTest::newRow("json injection") << "A\",\"x\":\""
                                        << "";
        QTest::newRow("non-ASCII letter") << QStringLiteral("HYXTNJ\u00c9") << "";
        QTest::newRow("fullwidth digit") << QStringLiteral("ABC\uff11") << "";
        QTest::newRow("NUL") << QString::fromUtf16(u"ABC\0DEF", 7) << "";
        QTest::newRow("RTL override") << QStringLiteral("\u202eABC") << "";
    }

    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const NormalizedCaseNumber result = normalizeCaseNumber(input);
        QCOMPARE(result.caseNumber, expected);
        QCOMPARE(result.ok(), !expected.isEmpty());
        if (!result.ok()) {
            QCOMPARE(result.error.kind(), ErrorKind::InvalidInput);
            QVERIFY(!result.error.message().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCaseNumber)
#include "tst_casenumber.moc"
