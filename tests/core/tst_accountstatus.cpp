#include "core/accountstatus.h"

#include "core/apiclient.h"
#include "core/ratelimiter.h"
#include "support/fakeserver.h"
#include "support/replywait.h"

#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString AnasToken = u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s;

QJsonObject profileData()
{
    return {
        {u"UserToken"_s, AnasToken},        {u"Nickname"_s, u"ana"_s},
        {u"Email"_s, u"ana@example.com"_s}, {u"UserType"_s, 1},
        {u"Status"_s, u"Active"_s},         {u"ProfileData"_s, QJsonObject{{u"FullName"_s, u"Ana Ruiz"_s}}}};
}

QJsonObject planData()
{
    return {{u"MaxApiCallsAllowed"_s, 100000}, {u"MaxApiCallsPerMinute"_s, 60}};
}

QJsonObject telemetry(const QJsonValue &calls, const QJsonValue &max)
{
    return {{u"APICalls"_s, calls}, {u"MaxAPICalls"_s, max}, {u"DataConsumed"_s, 12}};
}

FakeResponse withData(const QJsonObject &data, const QJsonObject &tele = {})
{
    QJsonObject body{{u"Response"_s, true}, {u"Data"_s, data}};
    if (!tele.isEmpty())
        body.insert(u"Telemetry"_s, tele);
    return FakeResponse::json(200, body);
}

// A client on a loopback server that answers the account endpoints from
// the fixture's profile/plan answers, and tickets with a Telemetry object.
struct Fixture
{
    FakeServer server;
    QNetworkAccessManager network;
    ApiClient client{&network};
    FakeResponse profile = withData(profileData(), telemetry(1204, 100000));
    FakeResponse plan = withData(planData());
    QJsonObject ticketTelemetry = telemetry(1300, 100000);

    Fixture()
    {
        server.setHandler([this](const RecordedRequest &request) {
            if (request.path == "/account/profile")
                return profile;
            if (request.path == "/account/plan")
                return plan;
            return withData({{u"CaseNumber"_s, u"HYXTNJV"_s}, {u"Subject"_s, u"Export fails"_s}},
                            ticketTelemetry);
        });
        QVERIFY(server.listen());
        QVERIFY(!client.setBaseUrl(server.url()).isError());
        client.setApiKey(u"test-key-0123456789"_s);
    }
};

bool refreshAndWait(AccountStatus &status)
{
    status.refresh(Lane::User);
    return QTest::qWaitFor([&status] { return !status.isLoading(); }, 10000);
}

} // namespace

class TestAccountStatus final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void signedInWithUsageAndLimit();
    void everyAnswersTelemetryKeepsUsageCurrent();
    void nonsenseTelemetryIsIgnored();
    void unreadableFiguresStayUnknown();
    void warningsAtEightyAndAHundredPercent();
    void rejectedKeyExplainsAndKeepsNoOwner();
    void clearForgetsAndRestoresTheDefaultLimit();
    void theSignedInUserIsYou();
};

void TestAccountStatus::signedInWithUsageAndLimit()
{
    Fixture f;
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    QCOMPARE(status.signedInText(), u"Signed in as Ana Ruiz (ana@example.com)"_s);
    QCOMPARE(status.usageText(), u"1,204 of 100,000 calls this month · 60 per minute"_s);
    QCOMPARE(status.usageLevel(), AccountStatus::UsageLevel::Normal);
    // The plan's per-minute limit reaches the dispatcher.
    QCOMPARE(f.client.callsPerMinute(), 60);
}

void TestAccountStatus::everyAnswersTelemetryKeepsUsageCurrent()
{
    Fixture f;
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    QSignalSpy changed(&status, &AccountStatus::changed);
    // A ticket fetch, not an account call: its Telemetry updates the count.
    const TicketResult result = fetchAndWait(f.client, u"HYXTNJV"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(status.usageText(), u"1,300 of 100,000 calls this month · 60 per minute"_s);
}

void TestAccountStatus::nonsenseTelemetryIsIgnored()
{
    Fixture f;
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    for (const QJsonObject &bad : {telemetry(-5, 100000), telemetry(1500, 0), telemetry(u"lots"_s, 100000)}) {
        f.ticketTelemetry = bad;
        QVERIFY(fetchAndWait(f.client, u"HYXTNJV"_s).ok());
        QCOMPARE(status.usageText(), u"1,204 of 100,000 calls this month · 60 per minute"_s);
    }
}

void TestAccountStatus::unreadableFiguresStayUnknown()
{
    Fixture f;
    f.profile = withData(profileData()); // no Telemetry: the month's count is unknown
    f.plan = withData({{u"MaxApiCallsAllowed"_s, u"many"_s}, {u"MaxApiCallsPerMinute"_s, 0}});
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    QVERIFY(status.plan().has_value());
    QCOMPARE(status.monthlyLimit(), std::nullopt);
    QCOMPARE(status.callsPerMinute(), std::nullopt); // 0 a minute is not a limit anyone has
    QCOMPARE(status.usageText(), QString());         // never "0 of 0"
    QCOMPARE(status.usageLevel(), AccountStatus::UsageLevel::Unknown);
    QCOMPARE(f.client.callsPerMinute(), RateLimiter::DefaultCallsPerMinute);

    f.plan = withData({{u"MaxApiCallsAllowed"_s, 5000}});
    QVERIFY(refreshAndWait(status));
    QCOMPARE(status.usageText(), u"up to 5,000 calls a month"_s);
}

void TestAccountStatus::warningsAtEightyAndAHundredPercent()
{
    Fixture f;
    f.profile = withData(profileData(), telemetry(79999, 100000));
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    QCOMPARE(status.usageLevel(), AccountStatus::UsageLevel::Normal);
    QCOMPARE(status.usageWarning(), QString());

    f.ticketTelemetry = telemetry(80000, 100000);
    QVERIFY(fetchAndWait(f.client, u"HYXTNJV"_s).ok());
    QCOMPARE(status.usageLevel(), AccountStatus::UsageLevel::Warning);
    QVERIFY2(status.usageWarning().contains(u"80%"_s), qPrintable(status.usageWarning()));

    f.ticketTelemetry = telemetry(100000, 100000);
    QVERIFY(fetchAndWait(f.client, u"HYXTNJV"_s).ok());
    QCOMPARE(status.usageLevel(), AccountStatus::UsageLevel::Exhausted);
    QVERIFY2(status.usageWarning().contains(u"used up"_s), qPrintable(status.usageWarning()));
}

void TestAccountStatus::rejectedKeyExplainsAndKeepsNoOwner()
{
    Fixture f;
    f.profile = FakeResponse::error(403, u"API access restricted. Wildcard domain (*) required."_s);
    f.plan = f.profile;
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    QCOMPARE(status.signedInText(), QString());
    QCOMPARE(status.profileError().forbiddenReason(), ForbiddenReason::WildcardDomainMissing);
    QVERIFY(status.profileError().message().contains(u"add * to the API domains"_s));
}

void TestAccountStatus::clearForgetsAndRestoresTheDefaultLimit()
{
    Fixture f;
    AccountStatus status(&f.client);
    QVERIFY(refreshAndWait(status));
    QCOMPARE(f.client.callsPerMinute(), 60);
    status.clear();
    QCOMPARE(status.signedInText(), QString());
    QCOMPARE(status.usageText(), QString());
    QCOMPARE(f.client.callsPerMinute(), RateLimiter::DefaultCallsPerMinute);
}

void TestAccountStatus::theSignedInUserIsYou()
{
    Fixture f;
    AccountStatus status(&f.client);
    QVERIFY(!status.isYou(AnasToken)); // not before the profile says so
    QVERIFY(refreshAndWait(status));
    QVERIFY(status.isYou(AnasToken));
    QVERIFY(!status.isYou(u"someone-else"_s));
    QVERIFY(!status.isYou(QString()));
}

QTEST_GUILESS_MAIN(TestAccountStatus)
#include "tst_accountstatus.moc"
