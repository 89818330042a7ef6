// The demo's account endpoints (DemoServer), read by the real client and
// account parsers: a profile whose owner the bundled tickets know (so "You"
// shows in demo mode), a plan, Telemetry that counts up, and AccountStatus
// putting them together as the window does.

#include "app/demoserver.h"
#include "core/accountstatus.h"
#include "core/apiclient.h"
#include "support/replywait.h"

#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTest>

#include <algorithm>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace CaseLens::Testing;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class TestDemoAccount : public QObject
{
    Q_OBJECT

    // Destroyed in reverse: the client before the server it talks to.
    QNetworkAccessManager m_network;
    DemoServer m_server{QStringLiteral(CASELENS_DEMO_DIR)};
    ApiClient m_client{&m_network};

    // The result of a reply of type Reply, once it finished.
    template <typename Reply>
    auto resultOf(Reply *reply)
    {
        const bool finished = waitForFinished(reply);
        auto result = reply->result();
        reply->deleteLater();
        if (!finished)
            result.error = Error(ErrorKind::Timeout, u"no answer"_s);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // usageText() groups digits as the agent's locale does; this suite reads English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_server.listen());
        QVERIFY(!m_client.setBaseUrl(m_server.url()).isError());
        m_client.setApiKey(m_server.apiKey());
        m_client.setTimeout(5s);
    }

    void profileIsSomeoneTheTicketsKnow()
    {
        const AccountProfileResult result = resultOf(m_client.fetchProfile());
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        const AccountProfile &profile = result.profile;
        QVERIFY(profile.warnings.isEmpty());
        QCOMPARE(accountOwnerText(profile), u"Dana Whitfield (dana.whitfield@sweeppea.com)"_s);
        QCOMPARE(profile.status, u"Active"_s);
        QVERIFY(!profile.userType.isEmpty());
        QVERIFY(profile.created.isValid());
        QVERIFY(profile.lastLogin.isValid());
        QVERIFY(result.telemetry);

        // Her token is in a bundled ticket's Statistics and Collaborators,
        // under the name the profile gives: the ticket view can say "You".
        const TicketResult ticket = fetchAndWait(m_client, u"HYXTNJV"_s);
        QVERIFY2(ticket.ok(), qPrintable(ticket.error.message()));
        const auto inStatistics = std::any_of(
            ticket.ticket.statistics.cbegin(), ticket.ticket.statistics.cend(),
            [&profile](const StatisticEntry &entry) { return entry.userToken == profile.userToken; });
        QVERIFY(inStatistics);
        bool inCollaborators = false;
        for (const QJsonValue &collaborator : ticket.ticket.collaborators) {
            const QJsonObject o = collaborator.toObject();
            if (o.value(u"UserToken"_s).toString() == profile.userToken) {
                inCollaborators = true;
                QCOMPARE(o.value(u"FullName"_s).toString(), profile.fullName);
            }
        }
        QVERIFY(inCollaborators);
    }

    void planAndTelemetryCountUp()
    {
        const AccountPlanResult first = resultOf(m_client.fetchPlan());
        QVERIFY2(first.ok(), qPrintable(first.error.message()));
        QVERIFY(first.plan.warnings.isEmpty());
        QCOMPARE(first.plan.maxApiCallsAllowed, std::optional<qint64>(100'000));
        QCOMPARE(first.plan.maxApiCallsPerMinute, std::optional<qint64>(60));
        QVERIFY(first.telemetry && first.telemetry->apiCalls);
        QCOMPARE(first.telemetry->maxApiCalls, std::optional<qint64>(100'000));
        QVERIFY(!first.telemetry->dataConsumed.isEmpty());

        const HealthCheckResult health = resultOf(m_client.checkHealth());
        QVERIFY2(health.ok(), qPrintable(health.error.message()));
        QCOMPARE(health.message, u"API is healthy"_s);
        QVERIFY(health.telemetry && health.telemetry->apiCalls);
        // Each demo request is a call of the month.
        QCOMPARE(*health.telemetry->apiCalls, *first.telemetry->apiCalls + 1);
    }

    void wrongKeyIsRefused()
    {
        QNetworkAccessManager network;
        ApiClient stranger(&network);
        QVERIFY(!stranger.setBaseUrl(m_server.url()).isError());
        stranger.setApiKey(u"demo-not-this-one"_s);
        const AccountProfileResult result = resultOf(stranger.fetchProfile());
        QCOMPARE(result.error.kind(), ErrorKind::Unauthorized);
    }

    // What the window shows in demo mode: who is signed in, the usage line,
    // "You" for her token, and the plan's per-minute limit in the client.
    void accountStatusInDemoMode()
    {
        AccountStatus status(&m_client);
        status.refresh(Lane::User);
        QTRY_VERIFY(!status.isLoading());
        QVERIFY2(!status.profileError().isError(), qPrintable(status.profileError().message()));
        QVERIFY2(!status.planError().isError(), qPrintable(status.planError().message()));
        QCOMPARE(status.signedInText(), u"Signed in as Dana Whitfield (dana.whitfield@sweeppea.com)"_s);
        QVERIFY(status.isYou(u"7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91"_s));
        QVERIFY(!status.isYou(u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s)); // Maria Lopez, the requester
        QCOMPARE(m_client.callsPerMinute(), 60);
        QTRY_VERIFY(status.callsThisMonth().has_value());
        const QString usage = status.usageText();
        QVERIFY2(usage.contains(u" of 100,000 calls this month · 60 per minute"_s), qPrintable(usage));
        QCOMPARE(status.usageLevel(), AccountStatus::UsageLevel::Normal);

        // A ticket fetch carries no Telemetry in demo mode; the next account answer does, one more.
        const qint64 before = *status.callsThisMonth();
        QVERIFY(resultOf(m_client.checkHealth()).ok());
        QTRY_COMPARE(status.callsThisMonth(), std::optional<qint64>(before + 1));
    }
};

QTEST_MAIN(TestDemoAccount)
#include "tst_demoaccount.moc"
