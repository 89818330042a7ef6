#include "core/error.h"

#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

class TestError final : public QObject
{
    Q_OBJECT

private slots:
    void forbiddenIsExplained_data();
    void forbiddenIsExplained();
    void otherErrorsHaveNoForbiddenReason();
    void retryRule();
};

void TestError::forbiddenIsExplained_data()
{
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<ForbiddenReason>("reason");
    QTest::addColumn<QString>("nextStep"); // what the agent reads as the next step

    QTest::newRow("wildcard") << u"API access restricted. Wildcard domain (*) required."_s
                              << ForbiddenReason::WildcardDomainMissing << u"add * to the API domains"_s;
    QTest::newRow("domains") << u"Request origin not in the account's API domains"_s
                             << ForbiddenReason::WildcardDomainMissing << u"Settings → API"_s;
    QTest::newRow("disabled") << u"Account disabled"_s << ForbiddenReason::AccountInactive
                              << u"Contact Sweeppea support"_s;
    QTest::newRow("hibernating") << u"This account is Hibernating."_s << ForbiddenReason::AccountInactive
                                 << u"Contact Sweeppea support"_s;
    QTest::newRow("plan limit") << u"Monthly API calls limit exceeded"_s << ForbiddenReason::PlanLimitReached
                                << u"upgrade the plan"_s;
    QTest::newRow("invalid key") << u"Invalid API Token"_s << ForbiddenReason::KeyInvalid
                                 << u"Check the key in Settings"_s;
    QTest::newRow("no message") << QString() << ForbiddenReason::KeyInvalid << u"Check the key in Settings"_s;
}

void TestError::forbiddenIsExplained()
{
    QFETCH(QString, serverMessage);
    QFETCH(ForbiddenReason, reason);
    QFETCH(QString, nextStep);

    const Error e = Error::fromHttpStatus(403, serverMessage);
    QCOMPARE(e.kind(), ErrorKind::Forbidden);
    QCOMPARE(e.forbiddenReason(), reason);
    QVERIFY2(e.message().contains(nextStep), qPrintable(e.message()));
    // The server's own reason is always part of what the agent reads.
    if (!serverMessage.isEmpty())
        QVERIFY2(e.message().contains(serverMessage), qPrintable(e.message()));
    QCOMPARE(e.serverMessage(), serverMessage);
    QVERIFY(e.needsNewKey()); // the CLI exits 3, the window offers Settings
}

void TestError::otherErrorsHaveNoForbiddenReason()
{
    QCOMPARE(Error::fromHttpStatus(401, u"Wildcard domain (*) required."_s).forbiddenReason(),
             ForbiddenReason::None);
    QCOMPARE(Error::fromHttpStatus(429).forbiddenReason(), ForbiddenReason::None);
    QCOMPARE(Error().forbiddenReason(), ForbiddenReason::None);
}

void TestError::retryRule()
{
    QVERIFY(Error::fromHttpStatus(429).mayRetry(true));
    QVERIFY(Error::fromHttpStatus(503).mayRetry(true));
    QVERIFY(!Error::fromHttpStatus(403).mayRetry(false));
    const Error lost = Error::connectionLost(u"dropped"_s);
    QVERIFY(lost.mayRetry(false));
    QVERIFY(!lost.mayRetry(true)); // a write may have happened: never sent twice
}

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
