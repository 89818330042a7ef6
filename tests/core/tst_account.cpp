#include "core/account.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

const QByteArray JsonType = "application/json";

QByteArray answer(const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

QStringList warningFields(const QList<ParseWarning> &warnings)
{
    QStringList fields;
    for (const ParseWarning &w : warnings)
        fields << w.field;
    return fields;
}

QJsonObject profileData()
{
    return {{u"UserToken"_s, u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s},
            {u"Nickname"_s, u"maria"_s},
            {u"Email"_s, u"maria.lopez@example.com"_s},
            {u"UserType"_s, 1},
            {u"Status"_s, u"Active"_s},
            {u"CreationDate"_s, u"2023-04-01T09:30:00.000Z"_s},
            {u"LastLogin"_s, u"2025-01-28T08:00:00.000Z"_s},
            {u"ProfileData"_s, QJsonObject{{u"FullName"_s, u"Maria Lopez"_s},
                                           {u"MobilePhone"_s, u"5551234567"_s},
                                           {u"City"_s, u"X"_s}}},
            {u"Unknown"_s, 5}};
}

} // namespace

class TestAccount final : public QObject
{
    Q_OBJECT

private slots:
    void profile();
    void profileTolerant();
    void profileRefused();
    void plan();
    void planWithUsage();
    void planUnreadableLimits();
    void healthCheck();
    void healthCheckRejectedKey();
};

void TestAccount::profile()
{
    const AccountProfileResult r = parseAccountProfileResponse(answer(profileData()), 200, JsonType);
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    const AccountProfile &p = r.profile;
    QVERIFY2(p.warnings.isEmpty(), qPrintable(warningFields(p.warnings).join(u", ")));
    QCOMPARE(p.userToken, u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s);
    QCOMPARE(p.nickname, u"maria"_s);
    QCOMPARE(p.email, u"maria.lopez@example.com"_s);
    QCOMPARE(p.userType, u"1"_s);
    QCOMPARE(p.status, u"Active"_s);
    QCOMPARE(p.created, QDateTime(QDate(2023, 4, 1), QTime(9, 30), Qt::UTC));
    QCOMPARE(p.lastLogin, QDateTime(QDate(2025, 1, 28), QTime(8, 0), Qt::UTC));
    QCOMPARE(p.fullName, u"Maria Lopez"_s);
    QCOMPARE(p.mobilePhone, u"5551234567"_s);
}

void TestAccount::profileTolerant()
{
    QJsonObject data = profileData();
    data.insert(u"Status"_s, true);
    data.insert(u"LastLogin"_s, QJsonValue::Null); // never logged in
    data.insert(u"Email"_s, 42);
    data.insert(u"ProfileData"_s, u"none"_s);
    data.remove(u"UserToken"_s);
    const AccountProfileResult r = parseAccountProfileResponse(answer(data), 200, JsonType);
    QVERIFY(r.ok());
    const AccountProfile &p = r.profile;
    QCOMPARE(p.status, u"true"_s);
    QVERIFY(!p.lastLogin.isValid());
    QCOMPARE(p.email, QString());
    QCOMPARE(p.nickname, u"maria"_s); // the rest is read
    QCOMPARE(warningFields(p.warnings), QStringList({u"UserToken"_s, u"Email"_s, u"ProfileData"_s}));
    QCOMPARE(p.warnings.at(0).message, u"UserToken: missing"_s);
}

void TestAccount::profileRefused()
{
    const AccountProfileResult r = parseAccountProfileResponse(
        R"({"Response":false,"Message":"Invalid or Missing Bearer Token","Code":401})", 401, JsonType);
    QCOMPARE(r.error.kind(), ErrorKind::Unauthorized);
    QVERIFY(r.error.needsNewKey());
    QVERIFY(r.profile.userToken.isEmpty());

    const AccountProfileResult html = parseAccountProfileResponse("<html>down</html>", 200, "text/html");
    QCOMPARE(html.error.message(), u"The server sent a web page instead of account data."_s);
}

void TestAccount::plan()
{
    const AccountPlanResult r = parseAccountPlanResponse(
        answer(
            {{u"PlanName"_s, u"Pro"_s}, {u"MaxApiCallsAllowed"_s, 50000}, {u"MaxApiCallsPerMinute"_s, 150}}),
        200, JsonType);
    QVERIFY(r.ok());
    QVERIFY(r.plan.warnings.isEmpty());
    QCOMPARE(r.plan.maxApiCallsAllowed, std::optional<qint64>(50000));
    QCOMPARE(r.plan.maxApiCallsPerMinute, std::optional<qint64>(150));
    QVERIFY(r.plan.usage.isEmpty());
}

void TestAccount::planWithUsage()
{
    const QJsonObject usage{{u"APICalls"_s, 1234}, {u"Month"_s, u"2025-01"_s}};
    const QByteArray body = QJsonDocument(QJsonObject{
                                              {u"Response"_s, true},
                                              {u"Data"_s, QJsonObject{{u"MaxApiCallsAllowed"_s, 50000},
                                                                      {u"MaxApiCallsPerMinute"_s, 150},
                                                                      {u"Usage"_s, usage}}},
                                              {u"Telemetry"_s, QJsonObject{{u"APICalls"_s, 1234}}},
                                          })
                                .toJson();
    const AccountPlanResult r = parseAccountPlanResponse(body, 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.plan.usage, usage);
    QVERIFY(r.telemetry.has_value());
    QCOMPARE(r.telemetry->apiCalls, std::optional<qint64>(1234));
}

void TestAccount::planUnreadableLimits()
{
    const AccountPlanResult r = parseAccountPlanResponse(
        answer({{u"MaxApiCallsAllowed"_s, u"unlimited"_s}, {u"MaxApiCallsPerMinute"_s, -1}}), 200, JsonType);
    QVERIFY(r.ok());
    // Unknown limits stay unknown (the limiter keeps its default), with warnings.
    QVERIFY(!r.plan.maxApiCallsAllowed.has_value());
    QVERIFY(!r.plan.maxApiCallsPerMinute.has_value());
    QCOMPARE(warningFields(r.plan.warnings),
             QStringList({u"MaxApiCallsAllowed"_s, u"MaxApiCallsPerMinute"_s}));
    QCOMPARE(r.plan.warnings.at(1).message, u"MaxApiCallsPerMinute: value out of range, got -1"_s);

    const AccountPlanResult text = parseAccountPlanResponse(
        answer({{u"MaxApiCallsAllowed"_s, u"1000"_s}, {u"MaxApiCallsPerMinute"_s, 60}}), 200, JsonType);
    QCOMPARE(text.plan.maxApiCallsAllowed, std::optional<qint64>(1000)); // used, with a warning
    QCOMPARE(warningFields(text.plan.warnings), QStringList({u"MaxApiCallsAllowed"_s}));
}

void TestAccount::healthCheck()
{
    const HealthCheckResult r = parseHealthCheckResponse(
        R"({"Response":true,"Message":"API is healthy","Telemetry":{"APICalls":3,"MaxAPICalls":50000}})", 200,
        JsonType);
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.message, u"API is healthy"_s);
    QVERIFY(r.telemetry.has_value());
    QCOMPARE(r.telemetry->maxApiCalls, std::optional<qint64>(50000));
}

void TestAccount::healthCheckRejectedKey()
{
    const HealthCheckResult r = parseHealthCheckResponse(
        R"({"Response":false,"Message":"Invalid API Token","Code":403})", 403, JsonType);
    QCOMPARE(r.error.kind(), ErrorKind::Forbidden);
    QCOMPARE(r.error.serverMessage(), u"Invalid API Token"_s);

    const HealthCheckResult empty = parseHealthCheckResponse({}, 200, JsonType);
    QCOMPARE(empty.error.kind(), ErrorKind::MalformedResponse);
}

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
