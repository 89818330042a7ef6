#include "core/writeresult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

const QByteArray JsonType = "application/json";

QByteArray answer(const QJsonObject &payload, const QString &key = u"Data"_s)
{
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {key, payload}}).toJson(QJsonDocument::Compact);
}

QStringList warningFields(const QList<ParseWarning> &warnings)
{
    QStringList fields;
    for (const ParseWarning &w : warnings)
        fields << w.field;
    return fields;
}

// Empty for a value parsed without warnings; otherwise the error, or the
// fields warned about.
template <typename Result>
QString problems(const Result &r)
{
    if (!r.ok())
        return u"error: "_s + r.error.message();
    return warningFields(r.value.warnings).join(u", ");
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

} // namespace

class TestWriteResult final : public QObject
{
    Q_OBJECT

private slots:
    void resolved();
    void resolveAlreadyClosed();
    void created();
    void createdWithoutAssignee();
    void createdTolerant();
    void createRefused();
    void updated();
    void updateOfClosedTicket();
    void updateWithDataKeyIsMalformed();
};

void TestWriteResult::resolved()
{
    const ResolveResult r = parseResolveResponse(answer({{u"CaseNumber"_s, u"HYXTNJV"_s},
                                                         {u"Subject"_s, u"Login fails"_s},
                                                         {u"Status"_s, true},
                                                         {u"CloseDate"_s, u"2025-01-29T10:15:00.000Z"_s},
                                                         {u"ClosedBy"_s, u"Maria Lopez"_s}}),
                                                 200, JsonType, u"HYXTNJV"_s);
    QCOMPARE(problems(r), QString());
    QCOMPARE(r.value.caseNumber, u"HYXTNJV"_s);
    QCOMPARE(r.value.subject, u"Login fails"_s);
    QCOMPARE(r.value.status, TicketStatus::Closed);
    QCOMPARE(r.value.closeDate, utc(2025, 1, 29, 10, 15));
    QCOMPARE(r.value.closedBy, u"Maria Lopez"_s);
}

void TestWriteResult::resolveAlreadyClosed()
{
    const ResolveResult r = parseResolveResponse(
        R"({"Response":false,"Message":"Ticket Not Found or Already Closed","Code":404})", 404, JsonType,
        u"HYXTNJV"_s);
    QCOMPARE(r.error.kind(), ErrorKind::NotFound);
    QVERIFY(r.error.message().contains(u"HYXTNJV"));
    QVERIFY(r.error.message().contains(u"Already Closed"));
    QVERIFY(!r.error.mayRetry(true)); // a write refused is not retried
}

void TestWriteResult::created()
{
    const CreateResult r =
        parseCreateResponse(answer({{u"CaseNumber"_s, u"NEW1234"_s},
                                    {u"Subject"_s, u"Export stuck"_s},
                                    {u"Priority"_s, 2},
                                    {u"ResourceAffected"_s, u"General"_s},
                                    {u"AssignedTo"_s, QJsonObject{{u"FullName"_s, u"Ana Admin"_s},
                                                                  {u"Email"_s, u"ana@example.com"_s}}},
                                    {u"CreationDate"_s, u"2025-02-01T12:00:00.000Z"_s},
                                    {u"Status"_s, u"Open"_s}}),
                            201, JsonType);
    QCOMPARE(problems(r), QString());
    QCOMPARE(r.value.caseNumber, u"NEW1234"_s);
    QCOMPARE(r.value.priority, Priority::Medium);
    QCOMPARE(r.value.resourceAffected, u"general"_s);
    QVERIFY(r.value.assignedTo.has_value());
    QCOMPARE(r.value.assignedTo->fullName, u"Ana Admin"_s);
    QCOMPARE(r.value.assignedTo->email, u"ana@example.com"_s);
    QCOMPARE(r.value.created, utc(2025, 2, 1, 12, 0));
    QCOMPARE(r.value.status, TicketStatus::Open); // "Open" as create sends it
}

void TestWriteResult::createdWithoutAssignee()
{
    const CreateResult r = parseCreateResponse(
        answer(
            {{u"CaseNumber"_s, u"NEW1234"_s}, {u"AssignedTo"_s, QJsonValue::Null}, {u"Status"_s, u"Open"_s}}),
        201, JsonType);
    QVERIFY(r.ok());
    QVERIFY(!r.value.assignedTo.has_value());
    // null is "nobody", not a problem; the missing Priority is.
    QCOMPARE(warningFields(r.value.warnings), QStringList({u"Priority"_s}));
}

void TestWriteResult::createdTolerant()
{
    const CreateResult r = parseCreateResponse(answer({{u"CaseNumber"_s, u"NEW1234"_s},
                                                       {u"AssignedTo"_s, u"Ana Admin"_s},
                                                       {u"Priority"_s, u"high"_s},
                                                       {u"Status"_s, u"Pending"_s}}),
                                               201, JsonType);
    QVERIFY(r.ok()); // the ticket exists: a bad field never hides that
    QCOMPARE(r.value.caseNumber, u"NEW1234"_s);
    QCOMPARE(r.value.priority, Priority::High);
    QCOMPARE(r.value.status, TicketStatus::Unknown);
    QVERIFY(!r.value.assignedTo.has_value());
    QCOMPARE(warningFields(r.value.warnings), QStringList({u"Priority"_s, u"AssignedTo"_s, u"Status"_s}));
}

void TestWriteResult::createRefused()
{
    const CreateResult r = parseCreateResponse(
        R"({"Response":false,"Message":"No matching admin","Code":400,"Help":{"ExpectedBody":{"Title":"string"}}})",
        400, JsonType);
    QCOMPARE(r.error.kind(), ErrorKind::BadRequest);
    QCOMPARE(r.error.serverMessage(), u"No matching admin"_s);

    const CreateResult page = parseCreateResponse("<html>504</html>", 201, "text/html");
    QCOMPARE(page.error.message(), u"The server sent a web page instead of the result of the change."_s);
}

void TestWriteResult::updated()
{
    const UpdateResult r = parseUpdateResponse(answer({{u"CaseNumber"_s, u"HYXTNJV"_s},
                                                       {u"Subject"_s, u"New title"_s},
                                                       {u"Description"_s, u"<b>new</b>"_s},
                                                       {u"Priority"_s, 3},
                                                       {u"Status"_s, false}},
                                                      u"Ticket"_s),
                                               200, JsonType, u"HYXTNJV"_s);
    QCOMPARE(problems(r), QString());
    QCOMPARE(r.value.subject, u"New title"_s);
    QCOMPARE(r.value.descriptionHtml, u"<b>new</b>"_s);
    QCOMPARE(r.value.priority, Priority::High);
    QCOMPARE(r.value.status, TicketStatus::Open);
}

void TestWriteResult::updateOfClosedTicket()
{
    const UpdateResult r =
        parseUpdateResponse(R"({"Response":false,"Message":"Cannot update closed ticket","Code":400})", 400,
                            JsonType, u"HYXTNJV"_s);
    QCOMPARE(r.error.kind(), ErrorKind::BadRequest);
    QVERIFY(r.error.message().contains(u"Cannot update closed ticket"));
}

void TestWriteResult::updateWithDataKeyIsMalformed()
{
    // The contract says update answers with Ticket; Data is not guessed at.
    const UpdateResult r = parseUpdateResponse(answer({{u"Subject"_s, u"x"_s}}), 200, JsonType);
    QCOMPARE(r.error.kind(), ErrorKind::MalformedResponse);
    QCOMPARE(r.error.detail(), u"The answer has no Ticket."_s);
}

QTEST_GUILESS_MAIN(TestWriteResult)
#include "tst_writeresult.moc"
