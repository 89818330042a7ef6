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
    void gatewayStatusesAreRetriedForReadsOnly();
    void statusesAreExplained_data();
    void statusesAreExplained();
    void reasonPhraseOnlyForUnexplainedStatuses();
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

void TestError::gatewayStatusesAreRetriedForReadsOnly()
{
    for (const int status : {502, 504}) {
        const Error e = Error::fromHttpStatus(status);
        QVERIFY(e.mayRetry(false));
        QVERIFY(!e.mayRetry(true)); // the server behind the gateway may have acted
        QVERIFY(!e.needsNewKey());
    }
    QVERIFY(!Error::fromHttpStatus(500).mayRetry(false));
    QVERIFY(!Error::fromHttpStatus(413).mayRetry(false));
}

void TestError::statusesAreExplained_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("words");
    QTest::newRow("407") << 407 << ErrorKind::Network << u"Settings → Network"_s;
    QTest::newRow("408") << 408 << ErrorKind::Timeout << u"stopped waiting for the request"_s;
    QTest::newRow("413") << 413 << ErrorKind::BadRequest << u"too large for the server"_s;
    QTest::newRow("451") << 451 << ErrorKind::ServerError << u"legal reasons"_s;
    QTest::newRow("502") << 502 << ErrorKind::ServerError << u"got no valid answer"_s;
    QTest::newRow("504") << 504 << ErrorKind::ServerError << u"gave up waiting"_s;
    QTest::newRow("422") << 422 << ErrorKind::ServerError << u"unexpected status (HTTP 422)"_s;
}

void TestError::statusesAreExplained()
{
    QFETCH(int, status);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, words);
    const Error e = Error::fromHttpStatus(status, u"Gateway says no"_s);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.httpStatus(), status);
    QVERIFY2(e.message().contains(words), qPrintable(e.message()));
    QVERIFY2(e.message().contains(QString::number(status)), qPrintable(e.message()));
    QVERIFY2(e.message().contains(u"Gateway says no"_s), qPrintable(e.message())); // the server's own text
}

void TestError::reasonPhraseOnlyForUnexplainedStatuses()
{
    const Error teapot = Error::fromHttpStatus(418).withReasonPhrase(418, u"I'm a\x1b[2J teapot"_s);
    QVERIFY2(teapot.message().contains(u"(HTTP 418)"_s), qPrintable(teapot.message()));
    QVERIFY2(teapot.message().contains(u"I'm a [2J teapot"_s), qPrintable(teapot.message())); // no escape
    // An explained status, a Message of the server's, or another status than the line's: unchanged.
    const Error gateway = Error::fromHttpStatus(502);
    QCOMPARE(gateway.withReasonPhrase(502, u"Bad Gateway"_s).message(), gateway.message());
    const Error withMessage = Error::fromHttpStatus(418, u"Short and stout"_s);
    QCOMPARE(withMessage.withReasonPhrase(418, u"I'm a teapot"_s).message(), withMessage.message());
    const Error fromCode = Error::fromHttpStatus(422);
    QCOMPARE(fromCode.withReasonPhrase(200, u"OK"_s).message(), fromCode.message());
}

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
