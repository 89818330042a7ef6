#include "core/envelope.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const QByteArray JsonType = "application/json";

} // namespace

// The envelope every endpoint shares. The ticket's own cases (every message
// as the user reads it) are in tst_ticketparser; these are the parts that
// differ between endpoints: status codes, payload keys, nouns, Telemetry.
class TestEnvelope final : public QObject
{
    Q_OBJECT

private slots:
    void createdIsSuccess();
    void otherSuccessStatuses_data();
    void otherSuccessStatuses();
    void updateAnswersWithTicketKey();
    void payloadKeyIsNotGuessed();
    void noPayloadExpected();
    void noPayloadButErrorCode();
    void responseFalseWithCode();
    void responseFalseWithoutCodeOn201();
    void httpErrorKeepsServerMessage();
    void nounsPerEndpoint_data();
    void nounsPerEndpoint();
    void repairedNumbers();
    void telemetry();
    void telemetryTolerant_data();
    void telemetryTolerant();
    void telemetryOnErrors();
};

void TestEnvelope::createdIsSuccess()
{
    const QByteArray body =
        json({{u"Response"_s, true},
              {u"Data"_s, QJsonObject{{u"CaseNumber"_s, u"NEW1234"_s}, {u"Status"_s, u"Open"_s}}}});
    const Envelope e = readEnvelope(body, 201, JsonType, PayloadKind::WriteResult);
    QVERIFY2(e.ok(), qPrintable(e.error.message()));
    QCOMPARE(e.payload.toObject().value("CaseNumber"_L1).toString(), u"NEW1234"_s);
    QCOMPARE(e.object.value("Response"_L1).toBool(), true);
    QVERIFY(!e.repaired);
}

void TestEnvelope::otherSuccessStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("ok");
    QTest::newRow("200") << 200 << true;
    QTest::newRow("202") << 202 << true;
    QTest::newRow("299") << 299 << true;
    QTest::newRow("199") << 199 << false;
    QTest::newRow("300") << 300 << false;
    QTest::newRow("0") << 0 << false;
}

void TestEnvelope::otherSuccessStatuses()
{
    QFETCH(int, status);
    QFETCH(bool, ok);
    const QByteArray body = json({{u"Response"_s, true}, {u"Data"_s, QJsonObject{{u"x"_s, 1}}}});
    const Envelope e = readEnvelope(body, status, JsonType, PayloadKind::Account);
    QCOMPARE(e.ok(), ok);
    if (!ok) {
        QCOMPARE(e.error.httpStatus(), status);
        QVERIFY(e.payload.isUndefined());
    }
}

void TestEnvelope::updateAnswersWithTicketKey()
{
    const QByteArray body =
        json({{u"Response"_s, true}, {u"Ticket"_s, QJsonObject{{u"Subject"_s, u"New title"_s}}}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::WriteResult, "Ticket"_L1);
    QVERIFY2(e.ok(), qPrintable(e.error.message()));
    QCOMPARE(e.payload.toObject().value("Subject"_L1).toString(), u"New title"_s);
}

void TestEnvelope::payloadKeyIsNotGuessed()
{
    // Update's answer read as if it were Data: the payload is missing.
    const QByteArray body =
        json({{u"Response"_s, true}, {u"Ticket"_s, QJsonObject{{u"Subject"_s, u"New title"_s}}}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::WriteResult);
    QVERIFY(!e.ok());
    QCOMPARE(e.error.kind(), ErrorKind::MalformedResponse);
    QCOMPARE(e.error.message(), u"The server's answer did not contain the result of the change."_s);
    QCOMPARE(e.error.detail(), u"The answer has no Data."_s);

    const QByteArray notObject = json({{u"Response"_s, true}, {u"Ticket"_s, u"done"_s}});
    const Envelope e2 = readEnvelope(notObject, 200, JsonType, PayloadKind::WriteResult, "Ticket"_L1);
    QVERIFY(!e2.ok());
    QCOMPARE(e2.error.detail(), u"Ticket is \"done\", not an object."_s);
}

void TestEnvelope::noPayloadExpected()
{
    // health-check: {Response: true, Message: "API is healthy"}, no Data.
    const QByteArray body = json({{u"Response"_s, true}, {u"Message"_s, u"API is healthy"_s}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::Account, {});
    QVERIFY2(e.ok(), qPrintable(e.error.message()));
    QCOMPARE(e.message, u"API is healthy"_s);
    QVERIFY(e.payload.isUndefined());
}

void TestEnvelope::noPayloadButErrorCode()
{
    const QByteArray body = json({{u"Message"_s, u"Invalid API Token"_s}, {u"Code"_s, 403}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::TicketList);
    QCOMPARE(e.error.kind(), ErrorKind::Forbidden);
    QCOMPARE(e.error.serverMessage(), u"Invalid API Token"_s);
    QCOMPARE(e.error.detail(), u"HTTP 200 without Data, with Code 403."_s);
}

void TestEnvelope::responseFalseWithCode()
{
    const QByteArray body = json(
        {{u"Response"_s, false}, {u"Message"_s, u"Ticket Not Found or Already Closed"_s}, {u"Code"_s, 404}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::WriteResult);
    QCOMPARE(e.error.kind(), ErrorKind::NotFound);
    QVERIFY(e.error.message().contains(u"Ticket Not Found or Already Closed"));
    // A 2xx Code is no error code: Response false alone decides.
    const QByteArray ok2xx = json({{u"Response"_s, false}, {u"Message"_s, u"Nope"_s}, {u"Code"_s, 201}});
    const Envelope e2 = readEnvelope(ok2xx, 200, JsonType, PayloadKind::WriteResult);
    QCOMPARE(e2.error.kind(), ErrorKind::ServerError);
    QCOMPARE(e2.error.message(), u"The server reported a problem: Nope"_s);
}

void TestEnvelope::responseFalseWithoutCodeOn201()
{
    const QByteArray body = json({{u"Response"_s, false}});
    const Envelope e = readEnvelope(body, 201, JsonType, PayloadKind::WriteResult);
    QCOMPARE(e.error.kind(), ErrorKind::ServerError);
    QCOMPARE(e.error.message(), u"The server reported a problem but did not say what."_s);
    QCOMPARE(e.error.detail(), u"HTTP 201 with Response false and no usable Code."_s);
    QCOMPARE(e.error.httpStatus(), 201);
}

void TestEnvelope::httpErrorKeepsServerMessage()
{
    const QByteArray body =
        json({{u"Response"_s, false}, {u"Message"_s, u"Cannot update closed ticket"_s}, {u"Code"_s, 400}});
    const Envelope e = readEnvelope(body, 400, JsonType, PayloadKind::WriteResult, "Ticket"_L1);
    QCOMPARE(e.error.kind(), ErrorKind::BadRequest);
    QCOMPARE(e.error.serverMessage(), u"Cannot update closed ticket"_s);
    QCOMPARE(e.message, u"Cannot update closed ticket"_s);
    QCOMPARE(e.object.value("Code"_L1).toInt(), 400);
}

void TestEnvelope::nounsPerEndpoint_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("webPage");
    QTest::addColumn<QString>("notPayload");
    QTest::addColumn<QString>("noPayload");
    QTest::newRow("ticket") << int(PayloadKind::Ticket)
                            << u"The server sent a web page instead of ticket data."_s
                            << u"The server's answer could not be read (it is not ticket data)."_s
                            << u"The server's answer did not contain a ticket."_s;
    QTest::newRow("list") << int(PayloadKind::TicketList)
                          << u"The server sent a web page instead of a ticket list."_s
                          << u"The server's answer could not be read (it is not a ticket list)."_s
                          << u"The server's answer did not contain a ticket list."_s;
    QTest::newRow("account") << int(PayloadKind::Account)
                             << u"The server sent a web page instead of account data."_s
                             << u"The server's answer could not be read (it is not account data)."_s
                             << u"The server's answer did not contain account data."_s;
}

void TestEnvelope::nounsPerEndpoint()
{
    QFETCH(int, kind);
    QFETCH(QString, webPage);
    QFETCH(QString, notPayload);
    QFETCH(QString, noPayload);
    const auto k = static_cast<PayloadKind>(kind);
    QCOMPARE(readEnvelope("<html>502</html>", 200, "text/html", k).error.message(), webPage);
    QCOMPARE(readEnvelope("hello", 200, "text/plain", k).error.message(), notPayload);
    QCOMPARE(readEnvelope(R"({"Response":true})", 200, JsonType, k).error.message(), noPayload);
    // A proxy's page with an error status: the status's error, the page in the detail.
    const Error e = readEnvelope("<html>502</html>", 502, "text/html", k).error;
    QCOMPARE(e.kind(), ErrorKind::ServerError);
    QVERIFY(e.detail().startsWith(webPage));
}

void TestEnvelope::repairedNumbers()
{
    const QByteArray body = R"({"Response":true,"Data":{"Views":1e999,"Subject":"x"}})";
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::Ticket);
    QVERIFY2(e.ok(), qPrintable(e.error.message()));
    QVERIFY(e.repaired);
    QCOMPARE(e.payload.toObject().value("Views"_L1).toString(), u"1e999"_s);
    QCOMPARE(e.payload.toObject().value("Subject"_L1).toString(), u"x"_s);
}

void TestEnvelope::telemetry()
{
    const QByteArray body = json(
        {{u"Response"_s, true},
         {u"Data"_s, QJsonObject{}},
         {u"Telemetry"_s,
          QJsonObject{{u"DataConsumed"_s, u"1.2 MB"_s}, {u"APICalls"_s, 1234}, {u"MaxAPICalls"_s, 50000}}}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::TicketList);
    QVERIFY(e.ok());
    QVERIFY(e.telemetry.has_value());
    QCOMPARE(e.telemetry->apiCalls, std::optional<qint64>(1234));
    QCOMPARE(e.telemetry->maxApiCalls, std::optional<qint64>(50000));
    QCOMPARE(e.telemetry->dataConsumed, u"1.2 MB"_s);

    const Envelope none = readEnvelope(json({{u"Response"_s, true}, {u"Data"_s, QJsonObject{}}}), 200,
                                       JsonType, PayloadKind::TicketList);
    QVERIFY(!none.telemetry.has_value());
}

void TestEnvelope::telemetryTolerant_data()
{
    QTest::addColumn<QJsonValue>("telemetry");
    QTest::addColumn<bool>("present");
    QTest::addColumn<qint64>("apiCalls"); // -1: not read
    QTest::addColumn<QString>("dataConsumed");
    QTest::newRow("not an object") << QJsonValue(u"lots"_s) << false << qint64(-1) << QString();
    QTest::newRow("unknown members") << QJsonValue(QJsonObject{{u"ms"_s, 12}}) << false << qint64(-1)
                                     << QString();
    QTest::newRow("calls as text") << QJsonValue(QJsonObject{{u"APICalls"_s, u" 17 "_s}}) << true
                                   << qint64(17) << QString();
    QTest::newRow("negative calls") << QJsonValue(QJsonObject{{u"APICalls"_s, -3}, {u"DataConsumed"_s, 2048}})
                                    << true << qint64(-1) << u"2048"_s;
    QTest::newRow("fractional calls")
        << QJsonValue(QJsonObject{{u"APICalls"_s, 1.5}}) << false << qint64(-1) << QString();
    QTest::newRow("escape in text") << QJsonValue(QJsonObject{{u"DataConsumed"_s, u"3\u001b[31m MB"_s}})
                                    << true << qint64(-1) << u"3 [31m MB"_s;
}

void TestEnvelope::telemetryTolerant()
{
    QFETCH(QJsonValue, telemetry);
    QFETCH(bool, present);
    QFETCH(qint64, apiCalls);
    QFETCH(QString, dataConsumed);
    const QByteArray body =
        json({{u"Response"_s, true}, {u"Data"_s, QJsonObject{}}, {u"Telemetry"_s, telemetry}});
    const Envelope e = readEnvelope(body, 200, JsonType, PayloadKind::Ticket);
    QVERIFY(e.ok()); // Telemetry never makes an answer fail
    QCOMPARE(e.telemetry.has_value(), present);
    if (!present)
        return;
    QCOMPARE(e.telemetry->apiCalls.value_or(-1), apiCalls);
    QCOMPARE(e.telemetry->dataConsumed, dataConsumed);
}

void TestEnvelope::telemetryOnErrors()
{
    // A plan limit answer still says how many calls were made.
    const QByteArray body =
        json({{u"Response"_s, false},
              {u"Message"_s, u"Plan limit exceeded"_s},
              {u"Code"_s, 403},
              {u"Telemetry"_s, QJsonObject{{u"APICalls"_s, 50000}, {u"MaxAPICalls"_s, 50000}}}});
    const Envelope e = readEnvelope(body, 403, JsonType, PayloadKind::Ticket);
    QCOMPARE(e.error.kind(), ErrorKind::Forbidden);
    QVERIFY(e.telemetry.has_value());
    QCOMPARE(e.telemetry->apiCalls, std::optional<qint64>(50000));
}

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
