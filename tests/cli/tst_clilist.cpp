// caselens-cli list end to end: the real executable against a loopback
// server that pages like the API (20 rows a page, newest first).
#include "support/cliprocess.h"
#include "support/fakeserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace CaseLens::Testing;

namespace {
const QString testKey = QStringLiteral("sk_live_cli_list_5d20c4");
const QByteArray openPath = "/tickets/fetchOpenTickets";

// Row i as `jq -c` prints it: what --json must print.
QByteArray compactRow(int i)
{
    return QStringLiteral("{\"CaseNumber\":\"CAS%1\",\"Subject\":\"Ticket %2\",\"Date\":"
                          "\"2025-01-%3T10:00:00.000Z\",\"Priority\":%4,\"ResourceAffected\":\"api\"}")
        .arg(i, 4, 10, QLatin1Char('0'))
        .arg(i)
        .arg(28 - i % 28, 2, 10, QLatin1Char('0'))
        .arg(1 + i % 3)
        .toUtf8();
}

// Row i as a server might write it: the same text with blanks and line
// breaks around the punctuation (none inside the strings change).
QByteArray rowText(int i)
{
    return compactRow(i)
        .replace("\":", "\" : ")
        .replace(",\"", ",\n    \"")
        .replace("{", "{ ")
        .replace("}", " }");
}

// A list answer: the paging fields as given (so they can contradict each
// other on purpose), the rows' text as given.
QByteArray listAnswer(const QByteArray &page, const QByteArray &totalPages, qint64 totalTickets,
                      const QByteArrayList &rows)
{
    return "{\"Response\":true,\"Message\":\"OK\",\"Data\":{\"TotalTickets\":" +
           QByteArray::number(totalTickets) + ",\"Page\":" + page +
           ",\"Limit\":20,\"TotalPages\":" + totalPages + ",\"Tickets\":[\n  " + rows.join(",\n  ") + "\n]}}";
}

int requestedPage(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(u"page").toInt(-1);
}

// The API's paging over total tickets rowText(1..total): page p holds rows
// 20(p-1)+1 .. 20p; past the end, no rows.
FakeResponse pagedAnswer(const RecordedRequest &request, int total)
{
    const int page = requestedPage(request);
    const int totalPages = (total + 19) / 20;
    QByteArrayList rows;
    for (int i = (page - 1) * 20 + 1; i <= std::min(total, page * 20); ++i)
        rows << rowText(i);
    FakeResponse response;
    response.body = listAnswer(QByteArray::number(page), QByteArray::number(totalPages), total, rows);
    return response;
}

} // namespace

class TestCliList : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeServer> m_server;

    CliRun run(const QStringList &arguments, const QString &key = testKey)
    {
        QProcessEnvironment environment = cliEnvironment(key);
        environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        return runCli(QStringLiteral(CASELENS_CLI_PATH), arguments, environment);
    }

    QStringList listArgs(const QStringList &rest) const
    {
        return QStringList{QStringLiteral("list"), QStringLiteral("--base-url"), m_server->url().toString()} +
               rest;
    }

    void servePages(int total)
    {
        m_server->setHandler([total](const RecordedRequest &request) { return pagedAnswer(request, total); });
    }

    QList<int> requestedPages() const
    {
        QList<int> pages;
        for (const RecordedRequest &request : m_server->requests())
            pages << requestedPage(request);
        return pages;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void help()
    {
        CliRun r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("list "));
        r = run({QStringLiteral("list"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *documented :
             {"Usage: caselens-cli list", "--closed", "--search", "--priority", "--platform", "--page",
              "--all", "--json", "--base-url", "--timeout", "mcp-server", "Exit codes", "400"})
            QVERIFY2(r.out.contains(documented), documented);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void usageErrorsSendNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown platform")
            << QStringList{QStringLiteral("--platform"), QStringLiteral("winnerz")}
            << QStringLiteral("unknown product area \"winnerz\"");
        QTest::newRow("bad priority") << QStringList{QStringLiteral("--priority"), QStringLiteral("urgent")}
                                      << QStringLiteral("--priority");
        QTest::newRow("page 0") << QStringList{QStringLiteral("--page"), QStringLiteral("0")}
                                << QStringLiteral("--page");
        QTest::newRow("page and all")
            << QStringList{QStringLiteral("--page"), QStringLiteral("2"), QStringLiteral("--all")}
            << QStringLiteral("--all");
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("HYXTNJV")} << QStringLiteral("unexpected argument");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--sort")} << QStringLiteral("sort");
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon")}
                                     << QStringLiteral("--timeout");
    }

    void usageErrorsSendNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        servePages(45);
        const CliRun r = run(listArgs(arguments));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(m_server->requestCount(), 0);
    }

    void unknownPlatformNamesTheDocumentedOnes()
    {
        const CliRun r = run(listArgs({QStringLiteral("--platform"), QStringLiteral("Winnerz")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("winners")));
        QVERIFY(r.err.contains(QStringLiteral("sweeppea-cli")));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void firstPageAsATable()
    {
        servePages(23);
        const CliRun r = run(listArgs({}));
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 21); // header and 20 rows
        QCOMPARE(lines.at(0), QStringLiteral("CASE     PRIORITY  CREATED     PRODUCT AREA  SUBJECT"));
        QCOMPARE(lines.at(1), QStringLiteral("CAS0001  Medium    2025-01-27  API           Ticket 1"));
        QCOMPARE(lines.at(20), QStringLiteral("CAS0020  High      2025-01-08  API           Ticket 20"));
        QVERIFY2(r.err.startsWith(QStringLiteral("Page 1 of 2 · 23 open ticket")), qPrintable(r.err));
        QCOMPARE(requestedPages(), QList<int>{1});
        QCOMPARE(m_server->requests().constFirst().path, openPath);
        QCOMPARE(m_server->requests().constFirst().header("authorization"), "Bearer " + testKey.toUtf8());
    }

    void threePagesWithAll()
    {
        servePages(45);
        CliRun r = run(listArgs({QStringLiteral("--all"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QByteArray expected;
        for (int i = 1; i <= 45; ++i)
            expected += compactRow(i) + '\n';
        QCOMPARE(r.out, expected); // every row, in order, nothing else
        QCOMPARE(r.err, QString());
        QCOMPARE(requestedPages(), QList<int>({1, 2, 3}));
        QCOMPARE(m_server->maxConcurrentRequests(openPath), 1);

        r = run(listArgs({QStringLiteral("--all")}));
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 46); // one header, 45 rows
        QVERIFY(lines.at(45).startsWith(QStringLiteral("CAS0045  ")));
        QVERIFY2(r.err.startsWith(QStringLiteral("Pages 1–3 of 3 · 45 open ticket")), qPrintable(r.err));
    }

    void pagePastTheEnd()
    {
        servePages(45);
        const CliRun r = run(listArgs({QStringLiteral("--page"), QStringLiteral("7")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.startsWith(QStringLiteral("Page 7 of 3 · 45 open ticket")), qPrintable(r.err));
        QCOMPARE(requestedPages(), QList<int>{7});
    }

    void emptyListExitsZero()
    {
        servePages(0);
        CliRun r = run(listArgs({QStringLiteral("--all")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(r.err.trimmed(), QStringLiteral("No open tickets"));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void allStopsAtAnEmptyPage()
    {
        // TotalPages says 3, page 2 has nothing: stop there, keep page 1.
        m_server->setHandler([](const RecordedRequest &request) {
            FakeResponse response = pagedAnswer(request, 45);
            if (requestedPage(request) == 2)
                response.body = listAnswer("2", "3", 45, {});
            return response;
        });
        const CliRun r = run(listArgs({QStringLiteral("--all"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 20);
        QVERIFY2(r.err.contains(QStringLiteral("page 2 of 3 came back empty")), qPrintable(r.err));
        QCOMPARE(requestedPages(), QList<int>({1, 2}));
    }

    void allStopsAfterAHundredPages()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            const int page = requestedPage(request);
            FakeResponse response;
            response.body = listAnswer(QByteArray::number(page), "150", 150, {rowText(page)});
            return response;
        });
        const CliRun r = run(listArgs({QStringLiteral("--all"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 100);
        QCOMPARE(m_server->requestCount(), 100);
        QVERIFY2(r.err.contains(QStringLiteral("stopped after 100 pages")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("50 more")));
    }

    void contradictoryPagingStops_data()
    {
        QTest::addColumn<QByteArray>("secondPage"); // the answer to page 2
        QTest::addColumn<QString>("message");
        QTest::newRow("page 1 again") << listAnswer("1", "3", 45, {rowText(1)})
                                      << QStringLiteral("asked for page 2 but the server answered page 1");
        QTest::newRow("no Page") << QByteArray(R"({"Response":true,"Data":{"TotalTickets":45,"Limit":20,)"
                                               R"("TotalPages":3,"Tickets":[]}})")
                                 << QStringLiteral("could not be read");
        QTest::newRow("TotalPages unreadable")
            << listAnswer("2", "\"many\"", 45, {rowText(21)}) << QStringLiteral("could not be read");
        QTest::newRow("TotalPages shrinks")
            << listAnswer("2", "2", 45, {rowText(21)}) << QStringLiteral("shrank from 3 to 2 pages");
    }

    void contradictoryPagingStops()
    {
        QFETCH(QByteArray, secondPage);
        QFETCH(QString, message);
        m_server->setHandler([secondPage](const RecordedRequest &request) {
            FakeResponse response = pagedAnswer(request, 45);
            if (requestedPage(request) == 2)
                response.body = secondPage;
            return response;
        });
        const CliRun r = run(listArgs({QStringLiteral("--all"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("stopped")));
        QCOMPARE(requestedPages(), QList<int>({1, 2}));              // never asks again
        QVERIFY(r.out.startsWith(QByteArray(compactRow(1) + '\n'))); // page 1 is kept,
        QCOMPARE(r.out.count('\n'), 20);                             // and nothing of page 2
    }

    void filtersSpelledAsDocumented()
    {
        servePages(3);
        const CliRun r = run(listArgs(
            {QStringLiteral("--closed"), QStringLiteral("--search"), QStringLiteral(" export fails "),
             QStringLiteral("--priority"), QStringLiteral("High"), QStringLiteral("--platform"),
             QStringLiteral(" MCP-Server "), QStringLiteral("--page"), QStringLiteral("2")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_server->requestCount(), 1);
        const RecordedRequest &request = m_server->requests().constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/tickets/fetchClosedTickets"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object(),
                 QJsonObject({{QStringLiteral("search"), QStringLiteral("export fails")},
                              {QStringLiteral("priority"), 3},
                              {QStringLiteral("platform"), QStringLiteral("mcp-server")},
                              {QStringLiteral("page"), 2}}));
        QVERIFY(r.err.contains(QStringLiteral("closed ticket")));
    }

    void serverRefusalIsAUsageError()
    {
        m_server->enqueue(
            FakeResponse::error(400, QStringLiteral("Invalid platform. Use one of: general, api")));
        const CliRun r = run(listArgs({QStringLiteral("--platform"), QStringLiteral("api")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Invalid platform. Use one of: general, api")),
                 qPrintable(r.err));
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(m_server->requestCount(), 1);
    }

    void keyRejected_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("401") << 401;
        QTest::newRow("403") << 403;
    }

    void keyRejected()
    {
        QFETCH(int, status);
        m_server->setHandler([status](const RecordedRequest &) {
            return FakeResponse::error(status, QStringLiteral("Invalid API Token"));
        });
        const CliRun r = run(listArgs({QStringLiteral("--all")}));
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(m_server->requestCount(), 1); // a rejected key is not retried
        QVERIFY(!r.err.contains(testKey));
        QCOMPARE(r.out, QByteArray());
    }

    // The server and the key are found as fetch finds them (the same code).
    void serverAndKeyAsForFetch()
    {
        servePages(2);
        QProcessEnvironment environment = cliEnvironment(testKey);
        environment.insert(QStringLiteral("CASELENS_BASE_URL"), m_server->url().toString());
        const QStringList json{QStringLiteral("list"), QStringLiteral("--json")};
        QCOMPARE(runCli(QStringLiteral(CASELENS_CLI_PATH), json, environment).out.count('\n'), 2);

        // Without a key: nothing is sent. 3 when the keychain has nothing
        // for this server, 6 when there is no keychain to ask.
        const CliRun keyless = run(listArgs({}), QString());
        QVERIFY2(keyless.exitCode == 3 ||
                     (keyless.exitCode == 6 && !qEnvironmentVariableIsSet("CASELENS_REQUIRE_KEYRING")),
                 qPrintable(keyless.err));
        QVERIFY(keyless.err.contains(QStringLiteral("CASELENS_API_KEY")));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void busyServerIsRetried()
    {
        m_server->enqueue(FakeResponse::json(429, {}).withHeader("Retry-After", "0"));
        m_server->enqueue(
            FakeResponse::error(503, QStringLiteral("Service Unavailable")).withHeader("Retry-After", "0"));
        servePages(5);
        const CliRun r = run(listArgs({QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 5);
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY2(r.err.contains(QStringLiteral("page 1: Server busy, retrying")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("attempt 3 of 4")));
    }

    void serverErrorsExitFive()
    {
        m_server->setHandler([](const RecordedRequest &request) {
            if (requestedPage(request) == 2)
                return FakeResponse::error(500, QStringLiteral("Internal Server Error"));
            return pagedAnswer(request, 45);
        });
        CliRun r = run(listArgs({QStringLiteral("--all"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.out.count('\n'), 20); // the page already shown stays
        QVERIFY(r.err.contains(QStringLiteral("page 2: ")));

        const QUrl url = m_server->url();
        m_server.reset();
        r = run({QStringLiteral("list"), QStringLiteral("--base-url"), url.toString()});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.err.contains(QStringLiteral("connection refused")));
        m_server = std::make_unique<FakeServer>();
    }

    void malformedRowsArePrintedAndMarked()
    {
        const QByteArrayList rows{rowText(1), "\"CAS0002\"",
                                  R"({"CaseNumber":"CAS0003","Subject":"No date","Priority":"urgent",)"
                                  R"("ResourceAffected":"api"})",
                                  rowText(4)};
        m_server->setHandler([rows](const RecordedRequest &) {
            FakeResponse response;
            response.body = listAnswer("1", "1", 4, rows);
            return response;
        });
        CliRun r = run(listArgs({}));
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // every row stays, in order
        QVERIFY(lines.at(1).startsWith(QStringLiteral("CAS0001  ")));
        QVERIFY(!lines.at(1).contains(QStringLiteral("bad row")));
        QCOMPARE(lines.at(2),
                 QStringLiteral("-        Unknown   -           -             [bad row: Tickets[1]: "
                                "expected an object, got \"CAS0002\"]"));
        QVERIFY2(
            lines.at(3).startsWith(QStringLiteral("CAS0003  Unknown   -           API           No date  "
                                                  "[bad row: Tickets[2].Date: missing; Tickets[2].Priority")),
            qPrintable(lines.at(3)));
        QVERIFY(lines.at(4).startsWith(QStringLiteral("CAS0004  ")));

        r = run(listArgs({QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, compactRow(1) + "\n\"CAS0002\"\n" + rows.at(2) + '\n' + compactRow(4) + '\n');
        QVERIFY(r.err.contains(QStringLiteral("page 1: warning: Tickets[1]: expected an object")));
    }

    // --json: each row's own text, whitespace removed (jq -c '.Data.Tickets[]'):
    // key order, escapes and number spelling as sent; raw control characters escaped.
    void jsonRowsByteForByte()
    {
        m_server->setHandler([](const RecordedRequest &) {
            FakeResponse response;
            response.body =
                "\xEF\xBB\xBF{ \"Response\" : true, \"Data\" : { \"Page\": 1, \"TotalPages\": 1,\n"
                "  \"Tickets\" : [ { \"Subject\" : \"Caf\\u00e9 \\\"quoted\\\" \tTab, [x]\",\n"
                "  \"CaseNumber\": \"CAS0001\", \"Priority\" : 2.0e0, \"Extra\": { \"a\" : [1, 2] },\n"
                "  \"Date\": \"2025-01-26T10:00:00.000Z\", \"ResourceAffected\": \"API\" } ,\n"
                "  {\"CaseNumber\":\"CAS0002\",\"Subject\":\"é ünïcode\",\"Date\":\"2025-01-25T10:00:00Z\","
                "\"Priority\":1,\"ResourceAffected\":\"aws\"} ],\n"
                "  \"TotalTickets\": 2, \"Limit\": 20 } }\n";
            return response;
        });
        const CliRun r = run(listArgs({QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 QByteArray("{\"Subject\":\"Caf\\u00e9 \\\"quoted\\\" \\u0009Tab, [x]\",\"CaseNumber\":"
                            "\"CAS0001\",\"Priority\":2.0e0,\"Extra\":{\"a\":[1,2]},\"Date\":"
                            "\"2025-01-26T10:00:00.000Z\",\"ResourceAffected\":\"API\"}\n"
                            "{\"CaseNumber\":\"CAS0002\",\"Subject\":\"é ünïcode\",\"Date\":"
                            "\"2025-01-25T10:00:00Z\",\"Priority\":1,\"ResourceAffected\":\"aws\"}\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliList)
#include "tst_clilist.moc"
