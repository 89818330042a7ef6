// The in-app demo server: the real ApiClient and parser against it.
#include "app/demoserver.h"
#include "core/apiclient.h"
#include "support/replywait.h"
#include "support/sampledata.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace CaseLens;
using namespace CaseLens::Gui;
using namespace std::chrono_literals;

namespace {

TicketResult fetch(ApiClient &client, const QString &caseNumber)
{
    return CaseLens::Testing::fetchAndWait(client, caseNumber, 5000);
}

} // namespace

class tst_DemoServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answersKnownCase();
    void notFoundForUnknownCase();
    void unauthorizedWithoutDemoKey();
    void caseNumbersFromDirectory();
    void keepAliveAndPipelining();
    void badRequests();
    void bundledDemoTickets_data();
    void bundledDemoTickets();
    void followUpNoteEveryPeriod();
    void defaultFollowUpTicket();

private:
    QTemporaryDir m_dir;
};

void tst_DemoServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile file(m_dir.filePath(QStringLiteral("HYXTNJV.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Testing::sampleTicketResponseBytes());
    file.close();
    // Not served: the name is not a case number.
    QFile odd(m_dir.filePath(QStringLiteral("not-a-case.json")));
    QVERIFY(odd.open(QIODevice::WriteOnly));
}

void tst_DemoServer::answersKnownCase()
{
    DemoServer server(m_dir.path());
    QVERIFY(server.listen());
    QCOMPARE(server.url().host(), QStringLiteral("127.0.0.1"));
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(server.apiKey());

    const TicketResult result = fetch(client, QStringLiteral("hyxtnjv"));
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(result.ticket.caseNumber, QStringLiteral("HYXTNJV"));
    QCOMPARE(result.ticket.notes.size(), 3);
    QCOMPARE(server.requestCount(), 1);
}

void tst_DemoServer::notFoundForUnknownCase()
{
    DemoServer server(m_dir.path());
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(server.apiKey());

    const TicketResult result = fetch(client, QStringLiteral("ABC1234"));
    QCOMPARE(result.error.kind(), ErrorKind::NotFound);
    QCOMPARE(result.error.httpStatus(), 404);
    QCOMPARE(result.error.serverMessage(), QStringLiteral("Ticket Not Found or Access Denied"));
}

void tst_DemoServer::unauthorizedWithoutDemoKey()
{
    DemoServer server(m_dir.path());
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(QStringLiteral("someone-elses-key"));

    const TicketResult result = fetch(client, QStringLiteral("HYXTNJV"));
    QCOMPARE(result.error.kind(), ErrorKind::Unauthorized);
    QCOMPARE(result.error.serverMessage(), QStringLiteral("Invalid or Missing Bearer Token"));
    // Each server has its own key.
    QVERIFY(DemoServer(m_dir.path()).apiKey() != server.apiKey());
}

void tst_DemoServer::caseNumbersFromDirectory()
{
    QCOMPARE(DemoServer::caseNumbers(m_dir.path()), QStringList{QStringLiteral("HYXTNJV")});
    const QList<DemoCase> catalog = DemoServer::catalog(m_dir.path());
    QCOMPARE(catalog.size(), 1);
    QCOMPARE(catalog.first().subject,
             QStringLiteral("Winners list export fails for sweepstakes with more than 10,000 entries"));
    QCOMPARE(catalog.first().status, TicketStatus::Closed);
    QCOMPARE(catalog.first().priority, Priority::High);
}

void tst_DemoServer::keepAliveAndPipelining()
{
    DemoServer server(m_dir.path());
    QVERIFY(server.listen());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.url().port());
    QVERIFY(socket.waitForConnected(3000));
    const QByteArray body = R"({"caseNumber":"HYXTNJV"})";
    const QByteArray request =
        "POST /tickets/fetchSingleTicket HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
        server.apiKey().toUtf8() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n" + body;
    socket.write(request + request); // two requests in one go, one connection
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll()).count("HTTP/1.1 200 OK") == 2);
    QCOMPARE(received.count("Connection: keep-alive"), 2);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.requestCount(), 2);
}

void tst_DemoServer::badRequests()
{
    DemoServer server(m_dir.path());
    QVERIFY(server.listen());
    const auto exchange = [&server](const QByteArray &raw) {
        // The server runs in this thread: wait with the event loop running.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.url().port());
        socket.write(raw);
        QByteArray received;
        // Until the head and the start of the JSON body are in (or 3 s).
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return received.contains("\r\n\r\n{");
            },
            3000);
        return received;
    };
    const QByteArray auth = "Authorization: Bearer " + server.apiKey().toUtf8() + "\r\n";
    QVERIFY(
        exchange("GET /tickets/fetchSingleTicket HTTP/1.1\r\n" + auth + "\r\n").startsWith("HTTP/1.1 405"));
    QVERIFY(exchange("POST /other HTTP/1.1\r\n" + auth + "\r\n").startsWith("HTTP/1.1 404"));
    QVERIFY(exchange("POST /tickets/fetchSingleTicket HTTP/1.1\r\n" + auth + "Content-Length: 2\r\n\r\n{}")
                .startsWith("HTTP/1.1 400"));
    // A path in the case number is not a way out of the directory.
    const QByteArray traversal = R"({"caseNumber":"../../etc/passwd"})";
    QVERIFY(exchange("POST /tickets/fetchSingleTicket HTTP/1.1\r\n" + auth +
                     "Content-Length: " + QByteArray::number(traversal.size()) + "\r\n\r\n" + traversal)
                .startsWith("HTTP/1.1 404"));
    QVERIFY(
        exchange("POST /tickets/fetchSingleTicket HTTP/1.1\r\n" + auth + "Content-Length: 99999999\r\n\r\n")
            .startsWith("HTTP/1.1 413"));
}

void tst_DemoServer::bundledDemoTickets_data()
{
    QTest::addColumn<QString>("caseNumber");
    const QStringList cases = DemoServer::caseNumbers();
    for (const QString &caseNumber : cases)
        QTest::newRow(qPrintable(caseNumber)) << caseNumber;
}

// Every bundled demo ticket comes through the real client and parser.
void tst_DemoServer::bundledDemoTickets()
{
    QFETCH(QString, caseNumber);
    QVERIFY(DemoServer::caseNumbers().size() >= 6);
    DemoServer server;
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(server.apiKey());
    const TicketResult result = fetch(client, caseNumber);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(result.ticket.caseNumber, caseNumber);
}

// Issue 14: one demo ticket gains a note about every minute, so watching
// can be seen in demo mode. An injected clock stands for the minutes.
void tst_DemoServer::followUpNoteEveryPeriod()
{
    DemoServer server(m_dir.path());
    auto now = std::chrono::steady_clock::time_point{} + 1h;
    server.setClock([&now] { return now; });
    server.setFollowUps(QStringLiteral("HYXTNJV"), 60s);
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(server.apiKey());
    const auto noteIds = [](const Ticket &ticket) {
        QStringList ids;
        for (const Note &note : ticket.notes)
            ids.append(note.id);
        return ids;
    };

    const TicketResult first = fetch(client, QStringLiteral("HYXTNJV"));
    QVERIFY2(first.ok(), qPrintable(first.error.message()));
    QCOMPARE(first.ticket.notes.size(), 3);

    now += 59s;
    QCOMPARE(fetch(client, QStringLiteral("HYXTNJV")).ticket.notes.size(), 3);

    now += 1s;
    const TicketResult second = fetch(client, QStringLiteral("HYXTNJV"));
    QCOMPARE(second.ticket.notes.size(), 4);
    const Note added = second.ticket.notes.constLast();
    QVERIFY(!noteIds(first.ticket).contains(added.id));
    QVERIFY(added.date > first.ticket.notes.constLast().date);
    QVERIFY(!added.html.isEmpty());

    // Ten minutes on: ten follow-ups, the earlier ones as they were.
    now += 9min;
    const TicketResult later = fetch(client, QStringLiteral("HYXTNJV"));
    QCOMPARE(later.ticket.notes.size(), 13);
    QCOMPARE(noteIds(later.ticket).mid(0, 4), noteIds(second.ticket));
    const QStringList laterIds = noteIds(later.ticket);
    QCOMPARE(QSet<QString>(laterIds.cbegin(), laterIds.cend()).size(), 13);

    // A day on: no more than MaxFollowUps, however long the demo runs.
    now += 24h;
    QCOMPARE(fetch(client, QStringLiteral("HYXTNJV")).ticket.notes.size(), 3 + DemoServer::MaxFollowUps);
}

// In the app's demo, the living ticket is a bundled open one.
void tst_DemoServer::defaultFollowUpTicket()
{
    DemoServer server;
    QVERIFY(DemoServer::caseNumbers().contains(server.followUpCase()));
    const QList<DemoCase> catalog = DemoServer::catalog();
    const auto living = std::find_if(catalog.cbegin(), catalog.cend(), [&](const DemoCase &entry) {
        return entry.caseNumber == server.followUpCase();
    });
    QVERIFY(living != catalog.cend());
    QCOMPARE(living->status, TicketStatus::Open);

    auto now = std::chrono::steady_clock::time_point{} + 1h;
    server.setClock([&now] { return now; });
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(server.url()).isError());
    client.setApiKey(server.apiKey());
    const qsizetype before = fetch(client, server.followUpCase()).ticket.notes.size();
    now += DemoServer::DefaultFollowUpPeriod;
    QCOMPARE(fetch(client, server.followUpCase()).ticket.notes.size(), before + 1);
    // The other tickets stay as bundled.
    QCOMPARE(fetch(client, QStringLiteral("HYXTNJV")).ticket.notes.size(), 3);
}

QTEST_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
