// The API key opens the account: it must never show up in a log line, an
// error a person reads or copies, the CLI's output, or a file under HOME,
// even with every logging category on, and it is never taken as a
// command-line argument.
#include "core/apiclient.h"
#include "support/fakeserver.h"
#include "support/logcapture.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CaseLens;
using namespace CaseLens::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Looks like a real key; distinctive enough to find in any output.
const QString testKey = QStringLiteral("sk_live_51SECRETc0ffee7e57k3y9d2");

// Every category, every level ("*.debug=true" alone leaves info off in
// categories whose default threshold is warning, like caselens.net).
const QString everything = QStringLiteral("*.debug=true\n*.info=true");

// Everything about an error that reaches a person or a log.
QString errorTexts(const Error &e)
{
    return e.message() + u'\n' + e.detail() + u'\n' + e.details() + u'\n' + e.serverMessage();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Files under dir (recursively, hidden ones too) whose bytes contain the key,
// in UTF-8 or UTF-16.
QStringList filesContaining(const QString &dir, const QString &key)
{
    const QByteArray utf8 = key.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            found << file.fileName();
    }
    return found;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    // -- The CLI, as a separate process with a private HOME ----------------

    std::unique_ptr<QTemporaryDir> m_home;

    QProcessEnvironment cliEnvironment(bool keyInEnvironment) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CASELENS_API_KEY"));
        env.remove(QStringLiteral("CASELENS_BASE_URL"));
        if (keyInEnvironment)
            env.insert(QStringLiteral("CASELENS_API_KEY"), testKey);
        const QString home = m_home->path();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
        env.insert(QStringLiteral("TMPDIR"), home + QStringLiteral("/tmp"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;*.info=true"));
        return env;
    }

    Run runCli(const QStringList &arguments, bool keyInEnvironment, const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment(keyInEnvironment));
        process.setWorkingDirectory(m_home->path());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(CASELENS_CLI_PATH), arguments);
        if (!process.waitForStarted(10000))
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        // The fake server lives in this process: wait with the event loop running.
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static void verifyNoKey(const Run &run, const QString &what)
    {
        const QByteArray key = testKey.toUtf8();
        QVERIFY2(!run.out.contains(key), qPrintable(what + QStringLiteral(": key on stdout")));
        QVERIFY2(!run.err.contains(key), qPrintable(what + QStringLiteral(": key on stderr")));
        // Partial leaks count too: the key's distinctive middle.
        QVERIFY2(!run.err.contains("SECRETc0ffee"),
                 qPrintable(what + QStringLiteral(": part of the key on stderr")));
        QVERIFY2(!run.out.contains("SECRETc0ffee"),
                 qPrintable(what + QStringLiteral(": part of the key on stdout")));
    }

    // -- The client, in this process --------------------------------------

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral("tmp")));
    }

    void cleanup() { m_home.reset(); }

    // tst_apiclient covers ok/401/503 logs; this adds every other way a
    // request can end, and checks what a person sees as well as the logs.
    void clientSessionNeverShowsTheKey()
    {
        FakeServer server;
        QVERIFY(server.listen());
        FakeServer other;
        QVERIFY(other.listen());
        QUrl elsewhere = other.url();
        elsewhere.setPath(QStringLiteral("/tickets/fetchSingleTicket"));

        FakeResponse hang;
        hang.behaviour = FakeResponse::Behaviour::NoAnswer;
        FakeResponse endless;
        endless.behaviour = FakeResponse::Behaviour::EndlessBody;
        FakeResponse proxyPage;
        proxyPage.status = 502;
        proxyPage.contentType = "text/html";
        proxyPage.body = "<html><body>Bad gateway</body></html>";
        const QList<FakeResponse> answers = {
            FakeResponse::ticket(sampleTicketData()),
            FakeResponse::error(401, QStringLiteral("Invalid or Missing Bearer Token")),
            FakeResponse::json(503, {}),
            FakeResponse::json(429, {}).withHeader("Retry-After", "0"),
            FakeResponse::ticket(sampleTicketData()), // after the two retries
            hang,                                     // timeout
            endless,                                  // too large
            FakeResponse::redirect(307, elsewhere),   // refused redirect
            proxyPage,                                // malformed / server error
            proxyPage,
            proxyPage,
            proxyPage, // a read is tried again after a gateway error
            FakeResponse::error(404, QStringLiteral("Ticket Not Found or Access Denied")),
        };
        for (const FakeResponse &answer : answers)
            server.enqueue(answer);

        LogCapture capture(everything);

        ApiClient client(&m_network);
        QVERIFY(!client.setBaseUrl(server.url()).isError());
        client.setApiKey(testKey);
        client.setRetryPolicy(3, 1ms, 1ms);
        client.setTimeout(500ms);
        client.setMaxResponseSize(256 * 1024);
        QList<TicketResult> results;
        QList<RetryNotice> notices;
        const auto fetch = [&](const QString &text) {
            TicketReply *reply = client.fetchTicket(caseNumber(text));
            connect(reply, &ApiReply::finished, this, [&results, reply] { results << reply->result(); });
            connect(reply, &ApiReply::retrying, this, [&notices](const RetryNotice &n) { notices << n; });
            return reply;
        };
        constexpr int fetches = 8; // answers minus the retried ones
        for (int i = 0; i < fetches; ++i) {
            fetch(QStringLiteral("CASE%1").arg(i));
            QTRY_COMPARE_WITH_TIMEOUT(results.count(), i + 1, 10000);
        }
        // A connection refused, and a fetch cancelled on the wire.
        QUrl nobody;
        {
            FakeServer gone;
            QVERIFY(gone.listen());
            nobody = gone.url();
        } // nobody listens there any more
        QVERIFY(!client.setBaseUrl(nobody).isError());
        fetch(QStringLiteral("REFUSED1"));
        QTRY_COMPARE_WITH_TIMEOUT(results.count(), fetches + 1, 10000);
        QVERIFY(!client.setBaseUrl(server.url()).isError());
        FakeResponse slow = FakeResponse::ticket(sampleTicketData());
        slow.delayMs = 5000;
        server.enqueue(slow);
        TicketReply *cancelled = fetch(QStringLiteral("CANCEL1"));
        QTRY_COMPARE(server.requestCount(), int(answers.size()) + 1);
        cancelled->abort();
        QTRY_COMPARE_WITH_TIMEOUT(results.count(), fetches + 2, 10000);

        capture.stop();

        QSet<ErrorKind> kinds;
        for (const TicketResult &result : std::as_const(results)) {
            kinds.insert(result.error.kind());
            const QString texts = errorTexts(result.error);
            QVERIFY2(!texts.contains(testKey), qPrintable(texts));
        }
        for (const RetryNotice &notice : std::as_const(notices)) {
            QVERIFY(!notice.message().contains(testKey));
            QVERIFY(!errorTexts(notice.reason).contains(testKey));
        }
        // The session really went down all those paths.
        for (const ErrorKind kind :
             {ErrorKind::None, ErrorKind::Unauthorized, ErrorKind::Timeout, ErrorKind::TooLarge,
              ErrorKind::ServerError, ErrorKind::NotFound, ErrorKind::Network, ErrorKind::Cancelled})
            QVERIFY2(kinds.contains(kind), qPrintable(Error::kindName(kind)));
        QCOMPARE(notices.count(), 5); // 503, 429 and the gateway's three
        QCOMPARE(other.requestCount(), 0);

        const QStringList logged = capture.lines();
        QVERIFY(logged.size() > 10); // logging was on and did log
        for (const QString &line : logged) {
            QVERIFY2(!line.contains(testKey), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("Bearer")), qPrintable(line));
        }
    }

    // A server (or a proxy's error page) that echoes the Authorization
    // header back: the key must not reach the message, the details view or
    // the retry notice.
    void echoedKeyIsNotShown_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        const QByteArray key = testKey.toUtf8();
        QTest::newRow("401 Message")
            << 401 << QByteArray("application/json")
            << QByteArray("{\"Response\":false,\"Code\":401,\"Message\":\"Invalid token Bearer ") + key +
                   QByteArray("\"}");
        QTest::newRow("403 Message, key only")
            << 403 << QByteArray("application/json")
            << QByteArray("{\"Response\":false,\"Code\":403,\"Message\":\"") + key + QByteArray("\"}");
        QTest::newRow("200 Response false")
            << 200 << QByteArray("application/json")
            << QByteArray("{\"Response\":false,\"Message\":\"Key ") + key + QByteArray(" is revoked\"}");
        QTest::newRow("502 proxy page")
            << 502 << QByteArray("text/html") << "<html><pre>Authorization: Bearer " + key + "</pre></html>";
        QTest::newRow("200 not JSON")
            << 200 << QByteArray("text/plain") << "debug: Authorization=Bearer " + key;
        QTest::newRow("503 retried") << 503 << QByteArray("application/json")
                                     << QByteArray("{\"Response\":false,\"Message\":\"busy, ") + key +
                                            QByteArray("\"}");
    }

    void echoedKeyIsNotShown()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        FakeServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const RecordedRequest &) {
            FakeResponse r;
            r.status = status;
            r.contentType = contentType;
            r.body = body;
            return r;
        });
        ApiClient client(&m_network);
        QVERIFY(!client.setBaseUrl(server.url()).isError());
        client.setApiKey(testKey);
        client.setRetryPolicy(1, 1ms, 1ms);
        TicketReply *reply = client.fetchTicket(caseNumber(QStringLiteral("HYXTNJV")));
        QSignalSpy retrying(reply, &ApiReply::retrying);
        QVERIFY(waitForFinished(reply));
        const TicketResult result = reply->result();
        QVERIFY(!result.ok());
        const QString texts = errorTexts(result.error);
        QVERIFY2(!texts.contains(testKey), qPrintable(texts));
        QVERIFY2(!texts.contains(QStringLiteral("SECRETc0ffee")), qPrintable(texts));
        for (const auto &args : std::as_const(retrying))
            QVERIFY(!errorTexts(args.at(0).value<RetryNotice>().reason).contains(testKey));
    }

    // A redirect whose target carries the key (a hostile server knows it):
    // refused, and the key shows neither in the error nor in the log.
    void keyInRedirectTargetIsNotShown()
    {
        FakeServer server;
        QVERIFY(server.listen());
        const QUrl target(u"https://elsewhere.example/"_s + testKey + u"/tickets?key="_s + testKey);
        server.enqueue(FakeResponse::redirect(302, target));
        LogCapture capture(everything);
        ApiClient client(&m_network);
        QVERIFY(!client.setBaseUrl(server.url()).isError());
        client.setApiKey(testKey);
        const TicketResult result = fetchAndWait(client, u"HYXTNJV"_s);
        capture.stop();
        QCOMPARE(result.error.kind(), ErrorKind::ServerError);
        QVERIFY2(result.error.message().contains(u"elsewhere.example"_s), qPrintable(result.error.message()));
        QVERIFY2(!errorTexts(result.error).contains(testKey), qPrintable(errorTexts(result.error)));
        const QStringList logged = capture.lines();
        QVERIFY(!logged.isEmpty());
        for (const QString &line : logged)
            QVERIFY2(!line.contains(testKey), qPrintable(line));
    }

    // The CLI with every logging category on and a private HOME: a whole
    // session (save the key when a keychain is there, fetch, errors, a retry,
    // a timeout, a server echoing the key) puts it in no output and no file.
    void cliSessionLeavesNoTrace_data()
    {
        QTest::addColumn<bool>("useKeychain");
        QTest::newRow("key from CASELENS_API_KEY") << false;
        QTest::newRow("key from the keychain") << true;
    }

    void cliSessionLeavesNoTrace()
    {
        QFETCH(bool, useKeychain);
        FakeServer server;
        QVERIFY(server.listen());
        const QString base = server.url().toString();
        const QStringList baseUrl{QStringLiteral("--base-url"), base};

        if (useKeychain) {
            const Run status =
                runCli(QStringList{QStringLiteral("key"), QStringLiteral("status")} + baseUrl, false);
            if (status.exitCode == 6 || status.exitCode == -1)
                QSKIP("no usable keychain here (run through scripts/with-keyring.sh)");
            const Run set = runCli(QStringList{QStringLiteral("key"), QStringLiteral("set")} + baseUrl, false,
                                   testKey.toUtf8() + '\n');
            verifyNoKey(set, QStringLiteral("key set"));
            QCOMPARE(set.exitCode, 0);
        }

        QList<QPair<QString, Run>> runs;
        const auto fetch = [&](const QString &what, const QStringList &extra = {}) {
            Run run = runCli(QStringList{QStringLiteral("fetch")} + baseUrl + extra +
                                 QStringList{QStringLiteral("HYXTNJV")},
                             !useKeychain);
            runs.append({what, run});
            return run;
        };

        server.enqueue(FakeResponse::ticket(sampleTicketData()));
        QCOMPARE(fetch(QStringLiteral("ok")).exitCode, 0);
        server.enqueue(FakeResponse::ticket(sampleTicketData()));
        QCOMPARE(fetch(QStringLiteral("ok, json"), {QStringLiteral("--json")}).exitCode, 0);
        server.enqueue(FakeResponse::error(401, QStringLiteral("Invalid or Missing Bearer Token")));
        QCOMPARE(fetch(QStringLiteral("401")).exitCode, 3);
        server.enqueue(FakeResponse::json(503, {}).withHeader("Retry-After", "0"));
        server.enqueue(FakeResponse::ticket(sampleTicketData()));
        const Run retried = fetch(QStringLiteral("503 then ok"));
        QCOMPARE(retried.exitCode, 0);
        QVERIFY(retried.err.contains("retrying")); // the retry really happened, and said so
        FakeResponse hang;
        hang.behaviour = FakeResponse::Behaviour::NoAnswer;
        server.enqueue(hang);
        QCOMPARE(
            fetch(QStringLiteral("timeout"), {QStringLiteral("--timeout"), QStringLiteral("1")}).exitCode, 5);
        server.enqueue(FakeResponse::error(403, QStringLiteral("Invalid API Token ") + testKey));
        QCOMPARE(fetch(QStringLiteral("403 echoing the key")).exitCode, 3);

        // Every request carried the key: the session was real.
        QCOMPARE(server.requestCount(), 7);
        for (const RecordedRequest &request : server.requests())
            QCOMPARE(request.header("authorization"), "Bearer " + testKey.toUtf8());

        bool debugSeen = false;
        for (const auto &[what, run] : std::as_const(runs)) {
            verifyNoKey(run, what);
            debugSeen = debugSeen || run.err.contains("qt.") || run.err.contains("caselens.");
        }
        QVERIFY2(debugSeen, "QT_LOGGING_RULES produced no debug output at all");

        if (useKeychain) {
            const Run forget =
                runCli(QStringList{QStringLiteral("key"), QStringLiteral("forget")} + baseUrl, false);
            verifyNoKey(forget, QStringLiteral("key forget"));
            QCOMPARE(forget.exitCode, 0);
        }
        const QStringList files = filesContaining(m_home->path(), testKey);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u'\n')));
    }

    void keyIsNeverAnArgument_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        const QString unknown = QStringLiteral("Unknown option");
        QTest::newRow("fetch --api-key KEY")
            << QStringList{QStringLiteral("fetch"), QStringLiteral("--api-key"), testKey,
                           QStringLiteral("HYXTNJV")}
            << unknown;
        QTest::newRow("fetch --api-key=KEY")
            << QStringList{QStringLiteral("fetch"), QStringLiteral("--api-key=") + testKey,
                           QStringLiteral("HYXTNJV")}
            << unknown;
        QTest::newRow("fetch --key KEY") << QStringList{QStringLiteral("fetch"), QStringLiteral("--key"),
                                                        testKey, QStringLiteral("HYXTNJV")}
                                         << unknown;
        QTest::newRow("fetch --token KEY") << QStringList{QStringLiteral("fetch"), QStringLiteral("--token"),
                                                          testKey, QStringLiteral("HYXTNJV")}
                                           << unknown;
        QTest::newRow("fetch -k KEY")
            << QStringList{QStringLiteral("fetch"), QStringLiteral("-k"), testKey, QStringLiteral("HYXTNJV")}
            << unknown;
        QTest::newRow("key set KEY") << QStringList{QStringLiteral("key"), QStringLiteral("set"), testKey}
                                     << QStringLiteral("never from the command line");
    }

    void keyIsNeverAnArgument()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        FakeServer server;
        QVERIFY(server.listen());
        server.serveTickets({{QStringLiteral("HYXTNJV"), sampleTicketData()}});
        arguments << QStringLiteral("--base-url") << server.url().toString();
        const Run run = runCli(arguments, false);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(said), run.err.constData());
        verifyNoKey(run, arguments.join(u' '));
        QCOMPARE(server.requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
