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

QTEST_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
