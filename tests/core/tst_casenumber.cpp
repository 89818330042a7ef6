#include "core/casenumber.h"

#include <QTest>

using namespace CaseLens;

class TestCaseNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Pasted links and sentences: the case number inside them.
    void findInText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: nothing found
        QTest::newRow("bare") << " #hyxtnjv "
                              << "HYXTNJV";
        QTest::newRow("caselens link in a sentence") << "see caselens://ticket/HYXTNJV please"
                                                     << "HYXTNJV";
        QTest::newRow("https tickets path") << "https://app.sweeppea.com/support/tickets/HYXTNJV"
                                            << "HYXTNJV";
        QTest::newRow("https path with more") << "https://app.sweeppea.com/tickets/abc1234/notes?tab=2"
                                              << "ABC1234";
        QTest::newRow("https case path") << "<https://help.example.com/case/2650478>"
                                         << "2650478";
        QTest::newRow("query case=") << "https://app.sweeppea.com/view?case=HYXTNJV&x=1"
                                     << "HYXTNJV";
        QTest::newRow("query caseNumber=") << "https://x.test/t?id=9&caseNumber=kq7m2px"
                                           << "KQ7M2PX";
        QTest::newRow("subject line") << "Re: Case #HYXTNJV - winners list export fails"
                                      << "HYXTNJV";
        QTest::newRow("ticket colon") << "Hi, about ticket: abc1234, any news?"
                                      << "ABC1234";
        QTest::newRow("hash in chat") << "can you look at #7741209?"
                                      << "7741209";
        QTest::newRow("lone token") << "Customer wrote about ZX9Q4LB yesterday"
                                    << "ZX9Q4LB";
        QTest::newRow("sentence without a case") << "the case is closed, thanks"
                                                 << "";
        QTest::newRow("ordinary long word") << "printer problems again"
                                            << "";
        QTest::newRow("html entity is no hash") << "it&#39;s broken"
                                                << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("other https link") << "https://example.com/about/team"
                                          << "";
    }
    void findInText()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const std::optional<CaseNumber> found = CaseNumber::find(input);
        QCOMPARE(found ? found->toString() : QString(), expected);
    }

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
        // Pasted from a chat or an e-mail subject.
        QTest::newRow("Case #X") << "Case #HYXTNJV"
                                 << "HYXTNJV";
        QTest::newRow("case: x") << "  case: hyxtnjv "
                                 << "HYXTNJV";
        QTest::newRow("Ticket X") << "Ticket ABC1234"
                                  << "ABC1234";
        QTest::newRow("CASE#X") << "CASE#2650478"
                                << "2650478";
        QTest::newRow("word alone is a case") << "case"
                                              << "CASE";
        QTest::newRow("word glued to case") << "CaseHYXTNJV"
                                            << "CASEHYXTNJV";
        QTest::newRow("two words") << "Case Case HYXTNJV"
                                   << "";
        QTest::newRow("sentence") << "Case HYXTNJV is urgent"
                                  << "";
        // Links, strictly.
        QTest::newRow("link") << "caselens://ticket/hyxtnjv"
                              << "HYXTNJV";
        QTest::newRow("link with spaces") << " caselens://ticket/ABC1234\n"
                                          << "ABC1234";
        QTest::newRow("link with query") << "caselens://ticket/HYXTNJV?x=1"
                                         << "";
        QTest::newRow("link other host") << "caselens://case/HYXTNJV"
                                         << "";
        QTest::newRow("link two segments") << "caselens://ticket/HYXTNJV/x"
                                           << "";
        QTest::newRow("link with word") << "caselens://ticket/Case%20HYXTNJV"
                                        << "";
        QTest::newRow("link without case") << "caselens://ticket/"
                                           << "";
    }

    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const ParsedCaseNumber result = CaseNumber::parse(input);
        QCOMPARE(result.text(), expected);
        QCOMPARE(result.ok(), !expected.isEmpty());
        if (!result.ok()) {
            QCOMPARE(result.error().kind(), ErrorKind::InvalidInput);
            QVERIFY(!result.error().message().isEmpty());
        } else {
            QCOMPARE(result.caseNumber()->toString(), expected);
            QCOMPARE(result.caseNumber()->toLink(), QStringLiteral("caselens://ticket/") + expected);
        }
    }

    void oneMessageEverywhere()
    {
        // The search bar, the command line and the client all show these.
        QCOMPARE(CaseNumber::parse(u"").error().message(),
                 QStringLiteral("Enter a case number, e.g. HYXTNJV."));
        QCOMPARE(CaseNumber::parse(u"HYX TNJV").error().message(),
                 QStringLiteral("A case number has only letters and digits, e.g. HYXTNJV."));
        QVERIFY(CaseNumber::parse(u"caselens://ticket/A-B")
                    .error()
                    .message()
                    .contains(QStringLiteral("A case number has only letters and digits")));
    }

    void equalityAndHash()
    {
        const CaseNumber a = *CaseNumber::parse(u"#hyxtnjv").caseNumber();
        const CaseNumber b = *CaseNumber::parse(u"caselens://ticket/HYXTNJV").caseNumber();
        QVERIFY(a == b);
        QCOMPARE(qHash(a), qHash(b));
        QVERIFY(a != *CaseNumber::parse(u"ABC1234").caseNumber());
    }
};

QTEST_GUILESS_MAIN(TestCaseNumber)
#include "tst_casenumber.moc"
