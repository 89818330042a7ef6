// caselens-cli account end to end: the real executable against a loopback
// server that answers /account/profile and /account/plan as the API does.
#include "support/clientfixture.h"
#include "support/cliprocess.h"
#include "support/sampledata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString testKey = u"sk_live_cli_account_7e31a9"_s;
const QByteArray profilePath = "/account/profile";
const QByteArray planPath = "/account/plan";
const QString wildcardReason = u"API access restricted. Wildcard domain (*) required."_s;

QJsonObject telemetry(qint64 calls)
{
    return {{u"DataConsumed"_s, 5120}, {u"APICalls"_s, calls}, {u"MaxAPICalls"_s, 100000}};
}

// {"Response":true,"Data":data} with Telemetry when given.
FakeResponse answer(const QJsonObject &data, const QJsonObject &telemetryObject = {})
{
    QJsonObject body{{u"Response"_s, true}, {u"Data"_s, data}};
    if (!telemetryObject.isEmpty())
        body.insert(u"Telemetry"_s, telemetryObject);
    return FakeResponse::json(200, body);
}

QString lineOf(const QByteArray &out, const QString &label)
{
    const QStringList lines = QString::fromUtf8(out).split(u'\n');
    for (const QString &line : lines)
        if (line.startsWith(label + u':'))
            return line;
    return {};
}

} // namespace

// The fixture's server is what the CLI talks to (its client stays idle).
class TestCliAccount : public QObject, public ClientFixture
{
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments, const QString &key = testKey)
    {
        return runCli(QStringLiteral(CASELENS_CLI_PATH), arguments, cliEnvironment(key));
    }

    QStringList accountArgs(const QStringList &rest = {}) const
    {
        return QStringList{u"account"_s, u"--base-url"_s, m_server->url().toString()} + rest;
    }

    // Each endpoint's answer; anything else is the API's 404.
    void serve(const FakeResponse &profile, const FakeResponse &plan)
    {
        m_server->setHandler([profile, plan](const RecordedRequest &request) {
            if (request.path == profilePath)
                return profile;
            if (request.path == planPath)
                return plan;
            return FakeResponse::error(404, u"Not Found"_s);
        });
    }

    QList<QByteArray> requestedPaths() const
    {
        QList<QByteArray> paths;
        for (const RecordedRequest &request : m_server->requests())
            paths << request.path;
        return paths;
    }

private Q_SLOTS:
    void init() { QVERIFY(startServerAndClient(testKey)); }
    void cleanup() { stopServerAndClient(); }

    void help()
    {
        CliRun r = run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("  account "));
        r = run({u"account"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *documented : {"Usage: caselens-cli account", "--json", "--base-url", "--timeout",
                                       "Plan unavailable", "unknown", "Exit codes"})
            QVERIFY2(r.out.contains(documented), documented);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void usageErrorsSendNothing()
    {
        serve(answer(sampleProfileData()), answer(samplePlanData()));
        CliRun r = run(accountArgs({u"ana"_s}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unexpected argument \"ana\""_s), qPrintable(r.err));
        r = run(accountArgs({u"--timeout"_s, u"soon"_s}));
        QCOMPARE(r.exitCode, 2);
        r = run(accountArgs({u"--loud"_s}));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void ownerAndUsageAsText()
    {
        serve(answer(sampleProfileData(), telemetry(1203)), answer(samplePlanData(), telemetry(1204)));
        const CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        // Under LC_ALL=C too (ctest sets it): English digit grouping.
        QCOMPARE(QString::fromUtf8(r.out), u"Name:           Ana Ruiz\n"
                                           u"E-mail:         ana@example.com\n"
                                           u"User type:      1\n"
                                           u"Account status: Active\n"
                                           u"Usage:          1,204 of 100,000 calls this month\n"
                                           u"Rate limit:     60 calls per minute\n"_s);
        // The profile first, then the plan, never both at once; with the key.
        QCOMPARE(requestedPaths(), QList<QByteArray>({profilePath, planPath}));
        QCOMPARE(m_server->maxConcurrentRequests(), 1);
        for (const RecordedRequest &request : m_server->requests()) {
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.header("authorization"), "Bearer " + testKey.toUtf8());
        }
    }

    void jsonIsTheDataAsReceived()
    {
        serve(answer(sampleProfileData(), telemetry(7)), answer(samplePlanData(), telemetry(8)));
        const CliRun r = run(accountArgs({u"--json"_s}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out.count('\n'), 1); // one compact object, one line
        QVERIFY(r.out.endsWith('\n'));
        QVERIFY2(r.out.startsWith("{\"profile\":{"), r.out.constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object(),
                 QJsonObject({{u"profile"_s, sampleProfileData()}, {u"plan"_s, samplePlanData()}}));
    }

    void planFailureStillShowsTheProfile()
    {
        serve(answer(sampleProfileData(), telemetry(1203)),
              FakeResponse::error(500, u"Internal Server Error"_s));
        CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lineOf(r.out, u"Name"_s), u"Name:           Ana Ruiz"_s);
        // The profile's Telemetry still tells the month; the plan alone knew the minute.
        QCOMPARE(lineOf(r.out, u"Usage"_s), u"Usage:          1,203 of 100,000 calls this month"_s);
        QCOMPARE(lineOf(r.out, u"Rate limit"_s), u"Rate limit:     unknown"_s);
        QVERIFY2(r.err.contains(u"Plan unavailable: "_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Internal Server Error"_s), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);

        r = run(accountArgs({u"--json"_s}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(u"Plan unavailable: "_s));
        const QJsonObject printed = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(printed.value(u"profile"_s).toObject(), sampleProfileData());
        QVERIFY(printed.contains(u"plan"_s));
        QVERIFY(printed.value(u"plan"_s).isNull());
    }

    void missingKeyIsRejectedLocally()
    {
        serve(answer(sampleProfileData()), answer(samplePlanData()));
        const CliRun r = run(accountArgs(), QString());
        // 3 when the keychain has nothing for this server, 6 when there is no keychain to ask.
        QVERIFY2(r.exitCode == 3 ||
                     (r.exitCode == 6 && !qEnvironmentVariableIsSet("CASELENS_REQUIRE_KEYRING")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(u"CASELENS_API_KEY"_s));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void rejectedKeyExitsThree_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");   // the server's Message
        QTest::addColumn<QString>("nextStep"); // what the message tells the agent to do
        QTest::newRow("401") << 401 << u"Invalid or Missing Bearer Token"_s << u"Check the key"_s;
        QTest::newRow("403 key invalid") << 403 << u"Invalid API Token"_s << u"invalid or revoked"_s;
        QTest::newRow("403 account hibernating")
            << 403 << u"Account is hibernating"_s << u"Contact Sweeppea support"_s;
        QTest::newRow("403 account disabled")
            << 403 << u"Account disabled"_s << u"Contact Sweeppea support"_s;
        QTest::newRow("403 plan limit") << 403 << u"Monthly API limit exceeded"_s << u"upgrade the plan"_s;
        QTest::newRow("403 wildcard domain") << 403 << wildcardReason << u"add * to the API domains"_s;
    }

    void rejectedKeyExitsThree()
    {
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, nextStep);
        serve(FakeResponse::error(status, reason), answer(samplePlanData()));
        const CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.startsWith(u"caselens-cli: "_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"(Server: "_s + reason + u')'), qPrintable(r.err));
        QVERIFY2(r.err.contains(nextStep), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY(!r.err.contains(testKey));
        QCOMPARE(requestedPaths(),
                 QList<QByteArray>{profilePath}); // refused once, not retried, no plan asked
    }

    // The acceptance line: fetch names the wildcard domain as account does.
    void fetchNamesTheWildcardDomain()
    {
        m_server->setHandler(
            [](const RecordedRequest &) { return FakeResponse::error(403, wildcardReason); });
        const CliRun r = run({u"fetch"_s, u"--base-url"_s, m_server->url().toString(), u"HYXTNJV"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"HYXTNJV: "_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Wildcard domain (*) required"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Settings → API and add * to the API domains"_s), qPrintable(r.err));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void serverAndNetworkFailuresExitFive()
    {
        serve(FakeResponse::error(500, u"Internal Server Error"_s), answer(samplePlanData()));
        CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains(u"Internal Server Error"_s), qPrintable(r.err));
        QCOMPARE(requestedPaths(), QList<QByteArray>{profilePath});

        // A server without the account endpoints (an older API) is no missing ticket.
        m_server->setHandler(
            [](const RecordedRequest &) { return FakeResponse::error(404, u"Not Found"_s); });
        r = run(accountArgs());
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(u"does not offer /account/profile"_s), qPrintable(r.err));
        QVERIFY(!r.err.contains(u"ticket"_s));

        // Nobody listening any more (cleanup() copes with the server gone).
        const QStringList arguments = accountArgs();
        stopServerAndClient();
        r = run(arguments);
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains(u"connection refused"_s), qPrintable(r.err));
    }

    void busyServerIsRetried()
    {
        m_server->enqueue(FakeResponse::json(429, {}).withHeader("Retry-After", "0"));
        serve(answer(sampleProfileData()), answer(samplePlanData()));
        const CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"profile: Server busy, retrying"_s), qPrintable(r.err));
        QCOMPARE(lineOf(r.out, u"Name"_s), u"Name:           Ana Ruiz"_s);
        QCOMPARE(requestedPaths(), QList<QByteArray>({profilePath, profilePath, planPath}));
    }

    void unreadableFieldsAreUnknownNeverZero()
    {
        QJsonObject profile = sampleProfileData();
        profile.insert(u"Email"_s, 0);
        profile.insert(u"UserType"_s, QJsonValue());
        profile.insert(u"Status"_s, QJsonObject{{u"Code"_s, 0}});
        profile.insert(u"ProfileData"_s, QJsonArray{0});
        profile.remove(u"Nickname"_s);
        QJsonObject plan = samplePlanData();
        plan.insert(u"MaxApiCallsAllowed"_s, u"lots"_s);
        plan.insert(u"MaxApiCallsPerMinute"_s, -5);
        // Nonsense Telemetry (a negative count, a monthly limit of 0) is ignored.
        const QJsonObject nonsense{{u"APICalls"_s, -3}, {u"MaxAPICalls"_s, 0}};
        serve(answer(profile, nonsense),
              answer(plan, QJsonObject{{u"APICalls"_s, 12}, {u"MaxAPICalls"_s, 0}}));
        const CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), u"Name:           unknown\n"
                                           u"E-mail:         unknown\n"
                                           u"User type:      unknown\n"
                                           u"Account status: unknown\n"
                                           u"Usage:          unknown\n"
                                           u"Rate limit:     unknown\n"_s);
        for (const char *field :
             {"Email", "Status", "ProfileData", "MaxApiCallsAllowed", "MaxApiCallsPerMinute"})
            QVERIFY2(r.err.contains(QLatin1StringView(field)), field);
        QVERIFY(r.err.contains(u"profile: warning: "_s));
        QVERIFY(r.err.contains(u"plan: warning: "_s));
    }

    void limitsOfZeroAreUnknown()
    {
        QJsonObject plan = samplePlanData();
        plan.insert(u"MaxApiCallsAllowed"_s, 0);
        plan.insert(u"MaxApiCallsPerMinute"_s, 0);
        serve(answer(sampleProfileData(), QJsonObject{{u"APICalls"_s, 1204}}), answer(plan));
        const CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lineOf(r.out, u"Usage"_s),
                 u"Usage:          1,204 calls this month (monthly limit unknown)"_s);
        QCOMPARE(lineOf(r.out, u"Rate limit"_s), u"Rate limit:     unknown"_s);
    }

    void serverTextCannotDriveTheTerminal()
    {
        QJsonObject profile = sampleProfileData();
        profile.insert(u"ProfileData"_s, QJsonObject{{u"FullName"_s, u"Ana\u001b[2J\nRuiz"_s}});
        serve(answer(profile), answer(samplePlanData()));
        CliRun r = run(accountArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lineOf(r.out, u"Name"_s), u"Name:           Ana[2J Ruiz"_s);
        QVERIFY(!r.out.contains('\x1b'));
        r = run(accountArgs({u"--json"_s}));
        QVERIFY(!r.out.contains('\x1b'));
        QCOMPARE(r.out.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliAccount)
#include "tst_cliaccount.moc"
