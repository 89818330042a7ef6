#include "core/ticketlist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

const QByteArray JsonType = "application/json";

QJsonObject row(const QString &caseNumber, const QString &subject, const QString &date, int priority,
                const QString &resource)
{
    return {{u"CaseNumber"_s, caseNumber},
            {u"Subject"_s, subject},
            {u"Date"_s, date},
            {u"Priority"_s, priority},
            {u"ResourceAffected"_s, resource}};
}

QJsonObject page(const QJsonArray &tickets, int total = 42, int pageNo = 1, int totalPages = 3)
{
    return {{u"TotalTickets"_s, total},
            {u"Page"_s, pageNo},
            {u"Limit"_s, 20},
            {u"TotalPages"_s, totalPages},
            {u"Tickets"_s, tickets}};
}

QByteArray answer(const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

QStringList warningFields(const TicketList &list)
{
    QStringList fields;
    for (const ParseWarning &w : list.warnings)
        fields << w.field;
    return fields;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class TestTicketList final : public QObject
{
    Q_OBJECT

private slots:
    void documentedPage();
    void emptyPage();
    void badRowsStayMarked();
    void badFieldKeepsRow();
    void tolerantShapes();
    void pagingFieldsUnreadable();
    void ticketsNotAList();
    void envelopeErrors();
    void rowsKeepServerOrder();
    void rowsKeepTheirText();
    void rowTextWhenTheAnswerIsAmbiguous();
    void summary();
};

void TestTicketList::documentedPage()
{
    const QJsonArray tickets{
        row(u"HYXTNJV"_s, u"Login fails after reset"_s, u"2025-01-28T16:45:30.250Z"_s, 3, u"General"_s),
        row(u"ABC1234"_s, u"Widget"_s, u"2025-01-26T10:00:00.000Z"_s, 1, u"api"_s)};
    const TicketListResult r = parseTicketListResponse(answer(page(tickets)), 200, JsonType);
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    const TicketList &list = r.list;
    QVERIFY2(list.warnings.isEmpty(), qPrintable(warningFields(list).join(u", ")));
    QCOMPARE(list.totalTickets, 42);
    QCOMPARE(list.page, 1);
    QCOMPARE(list.limit, 20);
    QCOMPARE(list.totalPages, 3);
    QCOMPARE(list.tickets.size(), 2);
    const TicketSummary &first = list.tickets.at(0);
    QCOMPARE(first.caseNumber, u"HYXTNJV"_s);
    QCOMPARE(first.subject, u"Login fails after reset"_s);
    QCOMPARE(first.created, utc(2025, 1, 28, 16, 45, 30, 250));
    QCOMPARE(first.priority, Priority::High);
    QCOMPARE(first.resourceAffected, u"general"_s); // "General" as sent
    QCOMPARE(list.tickets.at(1).priority, Priority::Low);
}

void TestTicketList::emptyPage()
{
    const TicketListResult r = parseTicketListResponse(answer(page({}, 0, 1, 0)), 200, JsonType);
    QVERIFY(r.ok());
    QVERIFY(r.list.tickets.isEmpty());
    QVERIFY(r.list.warnings.isEmpty());
    QCOMPARE(r.list.totalTickets, 0);
    QCOMPARE(r.list.totalPages, 0);
}

void TestTicketList::badRowsStayMarked()
{
    QJsonObject noCase = row(u"X"_s, u"No case number"_s, u"2025-01-26T10:00:00.000Z"_s, 2, u"api"_s);
    noCase.remove(u"CaseNumber"_s);
    const QJsonArray tickets{row(u"AAA1111"_s, u"one"_s, u"2025-01-26T10:00:00.000Z"_s, 2, u"api"_s),
                             u"BBB2222"_s, QJsonValue::Null, noCase,
                             row(u"CCC3333"_s, u"three"_s, u"2025-01-25T10:00:00.000Z"_s, 2, u"aws"_s)};
    const TicketListResult r = parseTicketListResponse(answer(page(tickets)), 200, JsonType);
    QVERIFY(r.ok());
    // Every row stays, in the server's order; the bad ones say why and cannot be opened.
    QCOMPARE(r.list.tickets.size(), 5);
    QCOMPARE(r.list.tickets.at(0).caseNumber, u"AAA1111"_s);
    QVERIFY(r.list.tickets.at(0).problems.isEmpty());
    QVERIFY(r.list.tickets.at(0).canOpen());
    QCOMPARE(r.list.tickets.at(1).problems,
             QStringList{u"Tickets[1]: expected an object, got \"BBB2222\""_s});
    QVERIFY(!r.list.tickets.at(1).canOpen());
    QVERIFY(!r.list.tickets.at(2).canOpen());
    QCOMPARE(r.list.tickets.at(3).subject, u"No case number"_s);
    QCOMPARE(r.list.tickets.at(3).problems, QStringList{u"Tickets[3].CaseNumber: missing"_s});
    QVERIFY(!r.list.tickets.at(3).canOpen());
    QCOMPARE(r.list.tickets.at(4).caseNumber, u"CCC3333"_s);
    QVERIFY(r.list.tickets.at(4).canOpen());
    QCOMPARE(warningFields(r.list),
             QStringList({u"Tickets[1]"_s, u"Tickets[2]"_s, u"Tickets[3].CaseNumber"_s}));
    QCOMPARE(r.list.warnings.at(0).message, u"Tickets[1]: expected an object, got \"BBB2222\""_s);
    QCOMPARE(r.list.warnings.at(2).message, u"Tickets[3].CaseNumber: missing"_s);
}

void TestTicketList::badFieldKeepsRow()
{
    QJsonObject badDate = row(u"AAA1111"_s, u"one"_s, u"yesterday"_s, 7, u"api"_s);
    QJsonObject noSubject = row(u"BBB2222"_s, {}, u"2025-01-26T10:00:00.000Z"_s, 2, u"api"_s);
    noSubject.remove(u"Subject"_s);
    const TicketListResult r = parseTicketListResponse(answer(page({badDate, noSubject})), 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.list.tickets.size(), 2);
    const TicketSummary &a = r.list.tickets.at(0);
    QCOMPARE(a.caseNumber, u"AAA1111"_s);
    QCOMPARE(a.subject, u"one"_s);
    QVERIFY(!a.created.isValid());
    QCOMPARE(a.priority, Priority::Unknown);
    QCOMPARE(r.list.tickets.at(1).subject, QString());
    QCOMPARE(a.problems.size(), 2);
    QVERIFY(a.canOpen());
    QCOMPARE(warningFields(r.list),
             QStringList({u"Tickets[0].Date"_s, u"Tickets[0].Priority"_s, u"Tickets[1].Subject"_s}));
    QCOMPARE(r.list.warnings.at(0).message, u"Tickets[0].Date: expected a date, got \"yesterday\""_s);
    QCOMPARE(r.list.warnings.at(1).message, u"Tickets[0].Priority: value out of range, got 7"_s);
}

void TestTicketList::tolerantShapes()
{
    // The same leniency as the ticket: digits as a number, priority as text,
    // a date without milliseconds, paging numbers as text (with warnings).
    const QJsonObject r0{{u"CaseNumber"_s, 2650478},
                         {u"Subject"_s, u"digits"_s},
                         {u"Date"_s, u"2025-01-26T10:00:00Z"_s},
                         {u"Priority"_s, u"medium"_s},
                         {u"ResourceAffected"_s, u" API "_s},
                         {u"Unknown"_s, QJsonObject{{u"x"_s, 1}}}};
    QJsonObject data = page({r0});
    data.insert(u"Page"_s, u"2"_s);
    const TicketListResult r = parseTicketListResponse(answer(data), 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.list.tickets.size(), 1);
    const TicketSummary &t = r.list.tickets.at(0);
    QCOMPARE(t.caseNumber, u"2650478"_s);
    QCOMPARE(t.created, utc(2025, 1, 26, 10, 0, 0));
    QCOMPARE(t.priority, Priority::Medium);
    QCOMPARE(t.resourceAffected, u"api"_s);
    QCOMPARE(r.list.page, 2);
    QCOMPARE(warningFields(r.list),
             QStringList({u"Page"_s, u"Tickets[0].CaseNumber"_s, u"Tickets[0].Priority"_s}));
}

void TestTicketList::pagingFieldsUnreadable()
{
    QJsonObject data = page({row(u"AAA1111"_s, u"one"_s, u"2025-01-26T10:00:00.000Z"_s, 2, u"api"_s)});
    data.insert(u"TotalTickets"_s, -5);
    data.insert(u"Page"_s, 0);
    data.insert(u"TotalPages"_s, 2.5);
    data.remove(u"Limit"_s);
    const TicketListResult r = parseTicketListResponse(answer(data), 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.list.tickets.size(), 1); // the rows still arrive
    QCOMPARE(r.list.totalTickets, 0);
    QCOMPARE(r.list.page, 0);
    QCOMPARE(r.list.limit, 0);
    QCOMPARE(r.list.totalPages, 0);
    QCOMPARE(warningFields(r.list), QStringList({u"TotalTickets"_s, u"Page"_s, u"Limit"_s, u"TotalPages"_s}));
    QCOMPARE(r.list.warnings.at(2).message, u"Limit: missing"_s);
}

void TestTicketList::ticketsNotAList()
{
    const QJsonObject one = row(u"AAA1111"_s, u"one"_s, u"2025-01-26T10:00:00.000Z"_s, 2, u"api"_s);
    QJsonObject data = page({});
    data.insert(u"Tickets"_s, one);
    TicketListResult r = parseTicketListResponse(answer(data), 200, JsonType);
    QVERIFY(r.ok());
    QVERIFY(r.list.tickets.isEmpty());
    QCOMPARE(warningFields(r.list), QStringList({u"Tickets"_s}));

    data.remove(u"Tickets"_s);
    r = parseTicketListResponse(answer(data), 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.list.warnings.at(0).message, u"Tickets: missing"_s);
}

void TestTicketList::envelopeErrors()
{
    TicketListResult r = parseTicketListResponse(
        R"({"Response":false,"Message":"Invalid platform","Code":400})", 400, JsonType);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind(), ErrorKind::BadRequest);
    QCOMPARE(r.error.serverMessage(), u"Invalid platform"_s);
    QVERIFY(r.list.tickets.isEmpty());

    r = parseTicketListResponse("<html>Bad gateway</html>", 200, "text/html");
    QCOMPARE(r.error.kind(), ErrorKind::MalformedResponse);
    QCOMPARE(r.error.message(), u"The server sent a web page instead of a ticket list."_s);

    r = parseTicketListResponse(R"({"Response":true,"Data":[]})", 200, JsonType);
    QCOMPARE(r.error.kind(), ErrorKind::MalformedResponse);
    QCOMPARE(r.error.message(), u"The server's answer did not contain a ticket list."_s);

    r = parseTicketListResponse(answer(page({})).chopped(5), 200, JsonType);
    QCOMPARE(r.error.message(), u"The server's answer could not be read (it was cut off)."_s);
}

void TestTicketList::rowsKeepServerOrder()
{
    // Newest first as the server sends it; the parser does not re-sort.
    QJsonArray tickets;
    for (int i = 0; i < 20; ++i)
        tickets.append(row(u"T%1"_s.arg(i, 6, 10, QChar(u'0')), u"s"_s,
                           u"2025-01-%1T10:00:00.000Z"_s.arg(28 - i, 2, 10, QChar(u'0')), 1 + i % 3,
                           u"api"_s));
    const TicketListResult r = parseTicketListResponse(answer(page(tickets, 20, 1, 1)), 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.list.tickets.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(r.list.tickets.at(i).caseNumber, u"T%1"_s.arg(i, 6, 10, QChar(u'0')));
}

void TestTicketList::rowsKeepTheirText()
{
    // Each row as sent, whitespace removed: key order, escapes and numbers
    // as the server wrote them, bad rows too.
    const QByteArray body =
        "{ \"Response\": true, \"Data\": { \"Page\": 1, \"TotalPages\": 1, \"Limit\": 20,\n"
        "  \"Tickets\": [ { \"Subject\" : \"a, [b] \\\"c\\\"\", \"CaseNumber\": \"AAA1111\",\n"
        "    \"Priority\": 3.0, \"Date\": \"2025-01-26T10:00:00.000Z\", \"ResourceAffected\": \"api\" },\n"
        "    \"oops\" , 12 ],\n"
        "  \"TotalTickets\": 3 } }";
    const TicketListResult r = parseTicketListResponse(body, 200, JsonType);
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.list.tickets.size(), 3);
    QCOMPARE(
        r.list.tickets.at(0).json,
        R"({"Subject":"a, [b] \"c\"","CaseNumber":"AAA1111","Priority":3.0,"Date":"2025-01-26T10:00:00.000Z",)"
        R"("ResourceAffected":"api"})");
    QCOMPARE(r.list.tickets.at(0).priority, Priority::High);
    QCOMPARE(r.list.tickets.at(1).json, QByteArray("\"oops\""));
    QCOMPARE(r.list.tickets.at(2).json, QByteArray("12"));
}

void TestTicketList::rowTextWhenTheAnswerIsAmbiguous()
{
    // Data written twice: which one counts is the JSON reader's choice, so
    // the rows it read are written out again rather than guessed from the text.
    const QByteArray body = R"({"Response":true,"Data":{"Tickets":[1]},"Data":{"Page":1,"TotalPages":1,)"
                            R"("TotalTickets":1,"Limit":20,"Tickets":[{"CaseNumber":"AAA1111"}, "x"]}})";
    const TicketListResult r = parseTicketListResponse(body, 200, JsonType);
    QVERIFY(r.ok());
    QCOMPARE(r.list.tickets.size(), 2);
    QCOMPARE(r.list.tickets.at(0).caseNumber, u"AAA1111"_s);
    QCOMPARE(r.list.tickets.at(0).json, QByteArray(R"({"CaseNumber":"AAA1111"})"));
    QCOMPARE(r.list.tickets.at(1).json, QByteArray(R"("x")"));
}

void TestTicketList::summary()
{
    QCOMPARE(ticketListSummary(TicketStatus::Open, 1, 1, 2, 23).left(15), u"Page 1 of 2 · 2"_s);
    QVERIFY(ticketListSummary(TicketStatus::Open, 1, 1, 2, 23).contains(u"23 open ticket"_s));
    QVERIFY(ticketListSummary(TicketStatus::Closed, 1, 3, 3, 45)
                .startsWith(u"Pages 1–3 of 3 · 45 closed ticket"_s));
    QCOMPARE(ticketListSummary(TicketStatus::Open, 1, 1, 0, 0), u"No open tickets"_s);
    QCOMPARE(ticketListSummary(TicketStatus::Closed, 1, 1, 0, 0), u"No closed tickets"_s);
}

QTEST_GUILESS_MAIN(TestTicketList)
#include "tst_ticketlist.moc"
