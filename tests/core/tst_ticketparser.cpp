#include "core/ticketparser.h"
#include "support/sampledata.h"
#include "support/ticketdiff.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace CaseLens;
using namespace Qt::StringLiterals;

namespace {

QByteArray envelope(const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}})
        .toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

QString dateText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : u"invalid"_s;
}

QString optText(const std::optional<double> &d)
{
    return d ? QString::number(*d, 'g', 17) : u"none"_s;
}

// Every field the parser fills, as paths ("AccountInfo.Email"): one leaf each.
const QStringList &leafFields()
{
    static const QStringList fields = {
        u"CaseNumber"_s,
        u"Date"_s,
        u"Subject"_s,
        u"Description"_s,
        u"Priority"_s,
        u"Status"_s,
        u"ClosedBy"_s,
        u"CloseDate"_s,
        u"Completion"_s,
        u"Pin"_s,
        u"Views"_s,
        u"ResourceAffected"_s,
        u"NotifyUsers"_s,
        u"Collaborators"_s,
        u"Notes"_s,
        u"Statistics"_s,
        u"Files"_s,
        u"Documentation"_s,
        u"Survey"_s,
        u"AttachmentInfo"_s,
        u"GitHubIssue"_s,
        u"AccountInfo.UserToken"_s,
        u"AccountInfo.FullName"_s,
        u"AccountInfo.Email"_s,
        u"AccountInfo.MobileNumber"_s,
        u"AccountInfo.UserType"_s,
        u"AccountInfo.UserAgent"_s,
        u"AccountInfo.IpAddress"_s,
        u"AccountInfo.Language"_s,
        u"AccountInfo.GeoLat"_s,
        u"AccountInfo.GeoLon"_s,
        u"AccountInfo.SweepstakesName"_s,
    };
    return fields;
}

// A comparable text for one leaf field of a ticket.
QString snapshot(const Ticket &t, const QString &field)
{
    const Requester &r = t.requester;
    if (field == u"CaseNumber")
        return t.caseNumber;
    if (field == u"Date")
        return dateText(t.created);
    if (field == u"Subject")
        return t.subject;
    if (field == u"Description")
        return t.descriptionHtml;
    if (field == u"Priority")
        return QString::number(int(t.priority));
    if (field == u"Status")
        return QString::number(int(t.status));
    if (field == u"ClosedBy")
        return t.closedBy;
    if (field == u"CloseDate")
        return dateText(t.closeDate);
    if (field == u"Completion")
        return QString::number(t.completion);
    if (field == u"Pin")
        return QString::number(t.pinned);
    if (field == u"Views")
        return QString::number(t.views);
    if (field == u"ResourceAffected")
        return t.resourceAffected;
    if (field == u"NotifyUsers")
        return t.notifyUsers.join(u'|') + u'#' + QString::number(t.notifyUsers.size());
    if (field == u"Collaborators")
        return jsonText(t.collaborators);
    if (field == u"Files")
        return jsonText(t.files);
    if (field == u"Documentation")
        return jsonText(t.documentation);
    if (field == u"Survey")
        return jsonText(t.survey);
    if (field == u"AttachmentInfo")
        return jsonText(t.attachmentInfo);
    if (field == u"GitHubIssue")
        return jsonText(t.gitHubIssue);
    if (field == u"Notes") {
        QStringList parts;
        for (const Note &n : t.notes)
            parts << n.id + u'|' + dateText(n.date) + u'|' + n.html;
        return parts.join(u'\n') + u'#' + QString::number(t.notes.size());
    }
    if (field == u"Statistics") {
        QStringList parts;
        for (const StatisticEntry &s : t.statistics)
            parts << s.id + u'|' + dateText(s.date) + u'|' + s.userToken + u'|' + s.action;
        return parts.join(u'\n') + u'#' + QString::number(t.statistics.size());
    }
    if (field == u"AccountInfo.UserToken")
        return r.userToken;
    if (field == u"AccountInfo.FullName")
        return r.fullName;
    if (field == u"AccountInfo.Email")
        return r.email;
    if (field == u"AccountInfo.MobileNumber")
        return r.mobileNumber;
    if (field == u"AccountInfo.UserType")
        return r.userType;
    if (field == u"AccountInfo.UserAgent")
        return r.userAgent;
    if (field == u"AccountInfo.IpAddress")
        return r.ipAddress;
    if (field == u"AccountInfo.Language")
        return r.language;
    if (field == u"AccountInfo.GeoLat")
        return optText(r.geoLat);
    if (field == u"AccountInfo.GeoLon")
        return optText(r.geoLon);
    if (field == u"AccountInfo.SweepstakesName")
        return r.sweepstakesName;
    qFatal("unknown field %s", qPrintable(field));
}

enum Variant { Missing, Null, WrongType };

QJsonObject mutated(QJsonObject data, const QString &path, Variant variant, const QJsonValue &wrong)
{
    const auto apply = [&](QJsonObject &o, const QString &key) {
        switch (variant) {
        case Missing:
            o.remove(key);
            break;
        case Null:
            o.insert(key, QJsonValue::Null);
            break;
        case WrongType:
            o.insert(key, wrong);
            break;
        }
    };
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        apply(data, path);
        return data;
    }
    const QString parent = path.left(dot);
    QJsonObject sub = data.value(parent).toObject();
    apply(sub, path.mid(dot + 1));
    data.insert(parent, sub);
    return data;
}

bool hasWarningMentioning(const Ticket &t, const QString &field, const QString &text = {})
{
    for (const ParseWarning &w : t.warnings) {
        if (w.field == field && w.message.contains(field) && w.message.contains(text))
            return true;
    }
    return false;
}

QString warningsText(const Ticket &t)
{
    QStringList lines;
    for (const ParseWarning &w : t.warnings)
        lines << w.field + u": " + w.message;
    return lines.join(u"; ");
}

Ticket parseWith(const QString &key, const QJsonValue &value)
{
    QJsonObject data = Testing::sampleTicketData();
    data.insert(key, value);
    return parseTicketData(data);
}

Requester parseAccountWith(const QString &key, const QJsonValue &value, Ticket *ticket = nullptr)
{
    QJsonObject data = Testing::sampleTicketData();
    QJsonObject account = data.value("AccountInfo"_L1).toObject();
    account.insert(key, value);
    data.insert(u"AccountInfo"_s, account);
    Ticket t = parseTicketData(data);
    if (ticket)
        *ticket = t;
    return t.requester;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class TestTicketParser : public QObject
{
    Q_OBJECT

private slots:
    void rawDataText();
    void rawDataTextNotKept();
    void memberText_data();
    void memberText();
    void compact_data();
    void compact();
    void sampleFile();
    void sampleWithBom();
    void unknownKeysIgnored();
    void envelopeTolerance();
    void fieldVariants_data();
    void fieldVariants();
    void emptyData();
    void priority_data();
    void priority();
    void status_data();
    void status();
    void userType_data();
    void userType();
    void mobileNumber();
    void geo_data();
    void geo();
    void resourceAffected_data();
    void resourceAffected();
    void completion_data();
    void completion();
    void views_data();
    void views();
    void pin_data();
    void pin();
    void notifyUsers();
    void notesAndStatistics();
    void noteAuthor();
    void undocumentedShapes();
    void closeDateEmptyString();
    void dates_data();
    void dates();
    void warningShowsValue();
    void caseNumberMismatch();
    void errorEnvelopes_data();
    void errorEnvelopes();
    void malformed_data();
    void malformed();
    void deepNesting();
    void tooLarge();
    void atTheCap();
    void garbage();
    void largeTicket();
    void checkAgreesWithParse_data();
    void checkAgreesWithParse();
    void checkSkipsTheTypedParse();
    void textReaderAgreesWithTreeReader_data();
    void textReaderAgreesWithTreeReader();
    void textReaderReadsTheLargeTicket();
    void checkFindsTheDataText_data();
    void checkFindsTheDataText();
    void plainJson_data();
    void plainJson();
    void fixedDates_data();
    void fixedDates();
};

void TestTicketParser::sampleFile()
{
    const TicketResult result =
        parseTicketResponse(Testing::sampleTicketResponseBytes(), 200, "application/json", u"HYXTNJV"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    QCOMPARE(result.error.kind(), ErrorKind::None);
    const Ticket &t = result.ticket;
    QVERIFY2(t.warnings.isEmpty(), qPrintable(warningsText(t)));

    QCOMPARE(t.caseNumber, u"HYXTNJV"_s);
    QCOMPARE(t.created, utc(2025, 1, 26, 10, 0, 0));
    QCOMPARE(t.created.timeSpec(), Qt::UTC);
    QCOMPARE(t.subject, u"Winners list export fails for sweepstakes with more than 10,000 entries"_s);
    QVERIFY(t.descriptionHtml.startsWith(u"<p>When I export the winners list for <b>Summer Splash 2025</b>"));
    QVERIFY(t.descriptionHtml.endsWith(
        u"<a href=\"https://help.sweeppea.com/exports\">the export guide</a>.</p>"));
    QCOMPARE(t.priority, Priority::High);
    QCOMPARE(t.status, TicketStatus::Closed);
    QCOMPARE(t.closedBy, u"Dana Whitfield"_s);
    QCOMPARE(t.closeDate, utc(2025, 1, 28, 16, 45, 30, 250));
    QCOMPARE(t.completion, 100);
    QCOMPARE(t.pinned, true);
    QCOMPARE(t.views, 42);
    QCOMPARE(t.resourceAffected, u"winners"_s);
    QCOMPARE(t.notifyUsers, (QStringList{u"ops@example.com"_s, u"dana.whitfield@sweeppea.com"_s}));

    QCOMPARE(t.collaborators.size(), 1);
    QCOMPARE(t.collaborators.at(0).toObject().value("FullName"_L1).toString(), u"Dana Whitfield"_s);
    QCOMPARE(t.collaborators.at(0).toObject().value("Role"_L1).toString(), u"Support Engineer"_s);

    QCOMPARE(t.notes.size(), 3);
    QCOMPARE(t.notes[0].id, u"101"_s);
    QCOMPARE(t.notes[0].date, utc(2025, 1, 26, 10, 5, 12));
    QCOMPARE(t.notes[0].html, u"Thanks for reporting this. Could you tell us the sweepstakes ID?"_s);
    QCOMPARE(t.notes[1].id, u"102"_s);
    QCOMPARE(t.notes[1].date, utc(2025, 1, 26, 11, 20, 0));
    QCOMPARE(t.notes[1].html,
             u"<p>It is <b>SS-2025-0612</b>. The export stops at exactly 10,000 rows.</p>"_s);
    QCOMPARE(t.notes[2].id, u"103"_s);
    QCOMPARE(t.notes[2].date, utc(2025, 1, 28, 16, 40, 0));
    QVERIFY(t.notes[2].html.startsWith(u"<p>Fixed in release 3.14.2"));

    QCOMPARE(t.statistics.size(), 4);
    const QStringList actions = {u"create"_s, u"update"_s, u"update"_s, u"resolve"_s};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(t.statistics[i].id, QString::number(i + 1));
        QCOMPARE(t.statistics[i].action, actions[i]);
        QVERIFY(t.statistics[i].date.isValid());
    }
    QCOMPARE(t.statistics[0].userToken, u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s);
    QCOMPARE(t.statistics[0].date, utc(2025, 1, 26, 10, 0, 0));
    QCOMPARE(t.statistics[3].userToken, u"7d3f6a2e-1b4c-4e8f-9a0d-2c5b6e7f8a91"_s);
    QCOMPARE(t.statistics[3].date, utc(2025, 1, 28, 16, 45, 30, 250));

    QCOMPARE(t.files.size(), 1);
    QCOMPARE(t.files.at(0).toObject().value("FileName"_L1).toString(), u"winners-export.csv"_s);
    QCOMPARE(t.files.at(0).toObject().value("Size"_L1).toInteger(), 482133);
    QCOMPARE(t.documentation.size(), 1);
    QCOMPARE(t.documentation.at(0).toObject().value("Title"_L1).toString(), u"Exporting winners"_s);
    QVERIFY(t.survey.isObject());
    QCOMPARE(t.survey.toObject().value("Rating"_L1).toInt(), 5);
    QCOMPARE(t.survey.toObject().value("Comment"_L1).toString(), u"Quick fix, thank you!"_s);
    QCOMPARE(t.attachmentInfo.toObject().value("Count"_L1).toInt(), 1);
    QCOMPARE(t.attachmentInfo.toObject().value("TotalBytes"_L1).toInteger(), 482133);
    QCOMPARE(t.gitHubIssue.toObject().value("Number"_L1).toInt(), 1842);
    QCOMPARE(t.gitHubIssue.toObject().value("State"_L1).toString(), u"closed"_s);

    const Requester &r = t.requester;
    QCOMPARE(r.userToken, u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s);
    QCOMPARE(r.fullName, u"Maria Lopez"_s);
    QCOMPARE(r.email, u"maria.lopez@example.com"_s);
    QCOMPARE(r.mobileNumber, u"5551234567"_s);
    QCOMPARE(r.userType, u"Administrator"_s);
    QVERIFY(r.userAgent.startsWith(u"Mozilla/5.0 (Windows NT 10.0"));
    QCOMPARE(r.ipAddress, u"203.0.113.24"_s);
    QCOMPARE(r.language, u"es"_s);
    QVERIFY(r.geoLat.has_value());
    QCOMPARE(*r.geoLat, 25.7617);
    QVERIFY(r.geoLon.has_value());
    QCOMPARE(*r.geoLon, -80.1918);
    QCOMPARE(r.sweepstakesName, u"Summer Splash 2025"_s);

    QCOMPARE(t.raw.object(), Testing::sampleTicketData());
}

void TestTicketParser::sampleWithBom()
{
    const TicketResult result =
        parseTicketResponse("\xEF\xBB\xBF" + Testing::sampleTicketResponseBytes(), 200);
    QVERIFY2(result.ok(), qPrintable(result.error.details()));
    QCOMPARE(result.ticket.caseNumber, u"HYXTNJV"_s);
}

void TestTicketParser::unknownKeysIgnored()
{
    QJsonObject data = Testing::sampleTicketData();
    data.insert(u"SomethingNew"_s, QJsonObject{{u"x"_s, 1}});
    QJsonObject env{{u"Response"_s, true},
                    {u"Data"_s, data},
                    {u"Message"_s, u"OK"_s},
                    {u"Telemetry"_s, QJsonObject{{u"ms"_s, 12}}},
                    {u"Help"_s, QJsonObject{{u"Url"_s, u"https://help"_s}}}};
    const TicketResult result = parseTicketResponse(json(env), 200);
    QVERIFY(result.ok());
    QVERIFY2(result.ticket.warnings.isEmpty(), qPrintable(warningsText(result.ticket)));
    QCOMPARE(result.ticket.raw.object(), data);
}

void TestTicketParser::envelopeTolerance()
{
    // Response missing, or odd, but Data is a ticket: accept it.
    for (const QJsonValue &response : {QJsonValue(QJsonValue::Undefined), QJsonValue(u"yes"_s), QJsonValue(1),
                                       QJsonValue(QJsonValue::Null)}) {
        QJsonObject env{{u"Data"_s, Testing::sampleTicketData()}};
        if (!response.isUndefined())
            env.insert(u"Response"_s, response);
        const TicketResult result = parseTicketResponse(json(env), 200);
        QVERIFY2(result.ok(), qPrintable(jsonText(response)));
        QCOMPARE(result.ticket.caseNumber, u"HYXTNJV"_s);
    }
}

void TestTicketParser::fieldVariants_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("variant");
    QTest::addColumn<QJsonValue>("wrong");
    QTest::addColumn<bool>("expectWarning");
    QTest::addColumn<bool>("expectDefault");

    struct Spec
    {
        QString field;
        bool core = false;     // missing warns
        bool nullable = false; // null is normal
        QJsonValue wrong = true;
        bool keptAsIs = false; // undocumented shape: a wrong type is still stored
    };
    const QList<Spec> specs = {
        {u"CaseNumber"_s, true},
        {u"Date"_s, true},
        {u"Subject"_s, true},
        {u"Description"_s},
        {u"Priority"_s, true},
        {u"Status"_s, true, false, u"maybe"_s},
        {u"ClosedBy"_s, false, true},
        {u"CloseDate"_s, false, true},
        {u"Completion"_s},
        {u"Pin"_s, false, false, u"yes"_s},
        {u"Views"_s},
        {u"ResourceAffected"_s},
        {u"NotifyUsers"_s},
        {u"Collaborators"_s},
        {u"Notes"_s},
        {u"Statistics"_s},
        {u"Files"_s},
        {u"Documentation"_s},
        {u"Survey"_s, false, true, true, true},
        {u"AttachmentInfo"_s, false, true, 42, true},
        {u"GitHubIssue"_s, false, true, u"#1842"_s, true},
        {u"AccountInfo"_s},
        {u"AccountInfo.UserToken"_s},
        {u"AccountInfo.FullName"_s},
        {u"AccountInfo.Email"_s},
        {u"AccountInfo.MobileNumber"_s, false, true},
        {u"AccountInfo.UserType"_s},
        {u"AccountInfo.UserAgent"_s},
        {u"AccountInfo.IpAddress"_s},
        {u"AccountInfo.Language"_s},
        {u"AccountInfo.GeoLat"_s, false, true},
        {u"AccountInfo.GeoLon"_s, false, true},
        {u"AccountInfo.SweepstakesName"_s},
        // a second wrong type for a few, to cover objects and arrays
        {u"Subject"_s, true, false, QJsonObject{{u"text"_s, u"hi"_s}}},
        {u"Priority"_s, true, false, QJsonArray{3}},
        {u"Date"_s, true, false, 1737885600000.0},
        {u"Notes"_s, false, false, u"a note"_s},
        {u"AccountInfo.Email"_s, false, false, QJsonArray{u"a@example.com"_s}},
    };
    QSet<QString> seen;
    for (const Spec &s : specs) {
        const QByteArray base = s.field.toUtf8();
        const bool again = seen.contains(s.field);
        seen.insert(s.field);
        if (!again) {
            QTest::newRow(QByteArray(base + "/missing").constData())
                << s.field << int(Missing) << QJsonValue() << s.core << true;
            QTest::newRow(QByteArray(base + "/null").constData())
                << s.field << int(Null) << QJsonValue() << !s.nullable << true;
        }
        QTest::newRow(QByteArray(base + "/wrong:" + jsonText(s.wrong).toUtf8()).constData())
            << s.field << int(WrongType) << s.wrong << true << !s.keptAsIs;
    }
}

void TestTicketParser::fieldVariants()
{
    QFETCH(QString, field);
    QFETCH(int, variant);
    QFETCH(QJsonValue, wrong);
    QFETCH(bool, expectWarning);
    QFETCH(bool, expectDefault);

    const QJsonObject data = mutated(Testing::sampleTicketData(), field, Variant(variant), wrong);
    const TicketResult result = parseTicketResponse(envelope(data), 200, "application/json", u"HYXTNJV"_s);
    QVERIFY2(result.ok(), qPrintable(result.error.message()));
    const Ticket &t = result.ticket;
    const Ticket baseline = parseTicketData(Testing::sampleTicketData());
    const Ticket empty;

    // The other fields are intact.
    for (const QString &leaf : leafFields()) {
        const bool touched = leaf == field || leaf.startsWith(field + u'.');
        if (touched) {
            if (expectDefault)
                QCOMPARE(snapshot(t, leaf), snapshot(empty, leaf));
        } else {
            QCOMPARE(snapshot(t, leaf), snapshot(baseline, leaf));
        }
    }
    QCOMPARE(t.raw.object(), data);

    if (expectWarning) {
        QVERIFY2(t.hasWarningFor(field), qPrintable(warningsText(t)));
        QVERIFY2(hasWarningMentioning(t, field), qPrintable(warningsText(t)));
        for (const ParseWarning &w : t.warnings)
            QVERIFY2(w.field == field, qPrintable(warningsText(t)));
    } else {
        QVERIFY2(t.warnings.isEmpty(), qPrintable(warningsText(t)));
    }
    if (variant == WrongType && !wrong.isString())
        QVERIFY2(t.warnings.size() == 1, qPrintable(warningsText(t)));
}

void TestTicketParser::emptyData()
{
    const Ticket t = parseTicketData(QJsonObject());
    QStringList fields;
    for (const ParseWarning &w : t.warnings)
        fields << w.field;
    fields.sort();
    QCOMPARE(fields, (QStringList{u"CaseNumber"_s, u"Date"_s, u"Priority"_s, u"Status"_s, u"Subject"_s}));
    for (const ParseWarning &w : t.warnings)
        QVERIFY(w.message.contains(w.field));
    QCOMPARE(t.priority, Priority::Unknown);
    QCOMPARE(t.status, TicketStatus::Unknown);
    QVERIFY(!t.created.isValid());

    // and through the envelope: Data {} is still a ticket (with warnings)
    const TicketResult result = parseTicketResponse(R"({"Response":true,"Data":{}})", 200);
    QVERIFY(result.ok());
    QCOMPARE(result.ticket.warnings.size(), 5);
}

void TestTicketParser::priority_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("1") << QJsonValue(1) << int(Priority::Low) << false;
    QTest::newRow("2") << QJsonValue(2) << int(Priority::Medium) << false;
    QTest::newRow("3") << QJsonValue(3) << int(Priority::High) << false;
    QTest::newRow("3.0") << QJsonValue(3.0) << int(Priority::High) << false;
    QTest::newRow("0") << QJsonValue(0) << int(Priority::Unknown) << true;
    QTest::newRow("4") << QJsonValue(4) << int(Priority::Unknown) << true;
    QTest::newRow("-1") << QJsonValue(-1) << int(Priority::Unknown) << true;
    QTest::newRow("2.5") << QJsonValue(2.5) << int(Priority::Unknown) << true;
    QTest::newRow("\"2\"") << QJsonValue(u"2"_s) << int(Priority::Medium) << true;
    QTest::newRow("\" 3 \"") << QJsonValue(u" 3 "_s) << int(Priority::High) << true;
    QTest::newRow("high") << QJsonValue(u"high"_s) << int(Priority::High) << true;
    QTest::newRow("Low") << QJsonValue(u"Low"_s) << int(Priority::Low) << true;
    QTest::newRow("MEDIUM") << QJsonValue(u"MEDIUM"_s) << int(Priority::Medium) << true;
    QTest::newRow("urgent") << QJsonValue(u"urgent"_s) << int(Priority::Unknown) << true;
    QTest::newRow("\"7\"") << QJsonValue(u"7"_s) << int(Priority::Unknown) << true;
    QTest::newRow("true") << QJsonValue(true) << int(Priority::Unknown) << true;
}

void TestTicketParser::priority()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, expected);
    QFETCH(bool, warns);
    const Ticket t = parseWith(u"Priority"_s, value);
    QCOMPARE(int(t.priority), expected);
    QCOMPARE(t.hasWarningFor(u"Priority"_s), warns);
    QCOMPARE(t.warnings.size(), warns ? 1 : 0);
}

void TestTicketParser::status_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("false") << QJsonValue(false) << int(TicketStatus::Open) << false;
    QTest::newRow("true") << QJsonValue(true) << int(TicketStatus::Closed) << false;
    QTest::newRow("Open") << QJsonValue(u"Open"_s) << int(TicketStatus::Open) << false;
    QTest::newRow("Closed") << QJsonValue(u"Closed"_s) << int(TicketStatus::Closed) << false;
    QTest::newRow("open") << QJsonValue(u"open"_s) << int(TicketStatus::Open) << false;
    QTest::newRow("CLOSED") << QJsonValue(u"CLOSED"_s) << int(TicketStatus::Closed) << false;
    QTest::newRow(" closed ") << QJsonValue(u" closed "_s) << int(TicketStatus::Closed) << false;
    QTest::newRow("Pending") << QJsonValue(u"Pending"_s) << int(TicketStatus::Unknown) << true;
    QTest::newRow("empty") << QJsonValue(u""_s) << int(TicketStatus::Unknown) << true;
    QTest::newRow("1") << QJsonValue(1) << int(TicketStatus::Unknown) << true;
    QTest::newRow("0") << QJsonValue(0) << int(TicketStatus::Unknown) << true;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << int(TicketStatus::Unknown) << true;
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"Closed"_s, true}}) << int(TicketStatus::Unknown)
                            << true;
}

void TestTicketParser::status()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, expected);
    QFETCH(bool, warns);
    const Ticket t = parseWith(u"Status"_s, value);
    QCOMPARE(int(t.status), expected);
    QCOMPARE(t.hasWarningFor(u"Status"_s), warns);
    QCOMPARE(t.warnings.size(), warns ? 1 : 0);
}

void TestTicketParser::userType_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("Administrator") << QJsonValue(u"Administrator"_s) << u"Administrator"_s << false;
    QTest::newRow("number 3") << QJsonValue(3) << u"3"_s << false;
    QTest::newRow("number 2.0") << QJsonValue(2.0) << u"2"_s << false;
    QTest::newRow("number 0") << QJsonValue(0) << u"0"_s << false;
    QTest::newRow("bool") << QJsonValue(true) << QString() << true;
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"Id"_s, 3}}) << QString() << true;
}

void TestTicketParser::userType()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QFETCH(bool, warns);
    Ticket t;
    const Requester r = parseAccountWith(u"UserType"_s, value, &t);
    QCOMPARE(r.userType, expected);
    QCOMPARE(t.hasWarningFor(u"AccountInfo.UserType"_s), warns);
    QCOMPARE(t.warnings.size(), warns ? 1 : 0);
}

void TestTicketParser::mobileNumber()
{
    Ticket t;
    QCOMPARE(parseAccountWith(u"MobileNumber"_s, 5551234567LL, &t).mobileNumber, u"5551234567"_s);
    QVERIFY(t.warnings.isEmpty());
    QCOMPARE(parseAccountWith(u"MobileNumber"_s, u"(555) 123-4567"_s, &t).mobileNumber, u"(555) 123-4567"_s);
    QVERIFY(t.warnings.isEmpty());
    QCOMPARE(parseAccountWith(u"MobileNumber"_s, QJsonValue::Null, &t).mobileNumber, QString());
    QVERIFY(t.warnings.isEmpty());
    QCOMPARE(parseAccountWith(u"MobileNumber"_s, false, &t).mobileNumber, QString());
    QVERIFY(t.hasWarningFor(u"AccountInfo.MobileNumber"_s));
}

void TestTicketParser::geo_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("number") << QJsonValue(45.5) << u"45.5"_s << false;
    QTest::newRow("negative") << QJsonValue(-89.25) << u"-89.25"_s << false;
    QTest::newRow("zero") << QJsonValue(0) << u"0"_s << false;
    QTest::newRow("numeric string") << QJsonValue(u"12.5"_s) << u"12.5"_s << true;
    QTest::newRow("text") << QJsonValue(u"north"_s) << u"none"_s << true;
    QTest::newRow("out of range") << QJsonValue(123.0) << u"none"_s << true;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"none"_s << false;
}

void TestTicketParser::geo()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QFETCH(bool, warns);
    Ticket t;
    const Requester r = parseAccountWith(u"GeoLat"_s, value, &t);
    QCOMPARE(optText(r.geoLat), expected);
    QCOMPARE(t.hasWarningFor(u"AccountInfo.GeoLat"_s), warns);
    QCOMPARE(optText(r.geoLon), u"-80.191800000000001"_s); // untouched
}

void TestTicketParser::resourceAffected_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("General") << QJsonValue(u"General"_s) << u"general"_s;
    QTest::newRow("api") << QJsonValue(u"api"_s) << u"api"_s;
    QTest::newRow("AWS") << QJsonValue(u"AWS"_s) << u"aws"_s;
    QTest::newRow(" Overture ") << QJsonValue(u" Overture "_s) << u"overture"_s;
    QTest::newRow("empty") << QJsonValue(u""_s) << QString();
}

void TestTicketParser::resourceAffected()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const Ticket t = parseWith(u"ResourceAffected"_s, value);
    QCOMPARE(t.resourceAffected, expected);
    QVERIFY(t.warnings.isEmpty());
}

void TestTicketParser::completion_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("0") << QJsonValue(0) << 0 << false;
    QTest::newRow("50") << QJsonValue(50) << 50 << false;
    QTest::newRow("100") << QJsonValue(100) << 100 << false;
    QTest::newRow("49.6") << QJsonValue(49.6) << 50 << false;
    QTest::newRow("99.4") << QJsonValue(99.4) << 99 << false;
    QTest::newRow("150") << QJsonValue(150) << 100 << true;
    QTest::newRow("100.7") << QJsonValue(100.7) << 100 << true;
    QTest::newRow("-5") << QJsonValue(-5) << 0 << true;
    QTest::newRow("1e300") << QJsonValue(1e300) << 100 << true;
    QTest::newRow("\"75\"") << QJsonValue(u"75"_s) << 75 << true;
    QTest::newRow("\"done\"") << QJsonValue(u"done"_s) << 0 << true;
}

void TestTicketParser::completion()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, expected);
    QFETCH(bool, warns);
    const Ticket t = parseWith(u"Completion"_s, value);
    QCOMPARE(t.completion, expected);
    QCOMPARE(t.hasWarningFor(u"Completion"_s), warns);
}

void TestTicketParser::views_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("42") << QJsonValue(42) << qint64(42) << false;
    QTest::newRow("0") << QJsonValue(0) << qint64(0) << false;
    QTest::newRow("big") << QJsonValue(qint64(9007199254740993LL)) << qint64(9007199254740993LL) << false;
    QTest::newRow("3.7") << QJsonValue(3.7) << qint64(4) << false;
    QTest::newRow("-1") << QJsonValue(-1) << qint64(0) << true;
    QTest::newRow("1e19") << QJsonValue(1e19) << qint64(0) << true;
    QTest::newRow("\"12\"") << QJsonValue(u"12"_s) << qint64(12) << true;
    QTest::newRow("\"many\"") << QJsonValue(u"many"_s) << qint64(0) << true;
    QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity()) << qint64(0) << true;
}

void TestTicketParser::views()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, expected);
    QFETCH(bool, warns);
    const Ticket t = parseWith(u"Views"_s, value);
    QCOMPARE(t.views, expected);
    QCOMPARE(t.hasWarningFor(u"Views"_s), warns);
}

void TestTicketParser::pin_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<bool>("warns");

    QTest::newRow("true") << QJsonValue(true) << true << false;
    QTest::newRow("false") << QJsonValue(false) << false << false;
    QTest::newRow("1") << QJsonValue(1) << true << false;
    QTest::newRow("0") << QJsonValue(0) << false << false;
    QTest::newRow("2") << QJsonValue(2) << false << true;
    QTest::newRow("\"true\"") << QJsonValue(u"true"_s) << false << true;
}

void TestTicketParser::pin()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, expected);
    QFETCH(bool, warns);
    const Ticket t = parseWith(u"Pin"_s, value);
    QCOMPARE(t.pinned, expected);
    QCOMPARE(t.hasWarningFor(u"Pin"_s), warns);
}

void TestTicketParser::notifyUsers()
{
    Ticket t =
        parseWith(u"NotifyUsers"_s, QJsonArray{u"a@example.com"_s, 7, QJsonValue::Null, u"b@example.com"_s});
    QCOMPARE(t.notifyUsers, (QStringList{u"a@example.com"_s, u"b@example.com"_s}));
    QCOMPARE(t.warnings.size(), 2);
    QVERIFY(hasWarningMentioning(t, u"NotifyUsers[1]"_s, u"7"_s));
    QVERIFY(hasWarningMentioning(t, u"NotifyUsers[2]"_s, u"null"_s));
    QVERIFY(t.hasWarningFor(u"NotifyUsers"_s));

    t = parseWith(u"NotifyUsers"_s, u"solo@example.com"_s);
    QCOMPARE(t.notifyUsers, QStringList{u"solo@example.com"_s});
    QVERIFY(t.hasWarningFor(u"NotifyUsers"_s));

    t = parseWith(u"NotifyUsers"_s, QJsonArray());
    QVERIFY(t.notifyUsers.isEmpty());
    QVERIFY(t.warnings.isEmpty());
}

void TestTicketParser::notesAndStatistics()
{
    QJsonArray notes{
        QJsonObject{{u"Id"_s, u"n-1"_s}, {u"Date"_s, u"2025-01-26T10:05:12Z"_s}, {u"Note"_s, u"plain"_s}},
        QJsonObject{{u"Id"_s, 7}, {u"Date"_s, u"yesterday"_s}, {u"Note"_s, u"<b>x</b>"_s}},
        QJsonObject{{u"Id"_s, true}, {u"Note"_s, 5}},
        42,
        QJsonObject{},
        u"text"_s,
    };
    QJsonObject data = Testing::sampleTicketData();
    data.insert(u"Notes"_s, notes);
    data.insert(u"Statistics"_s,
                QJsonArray{QJsonObject{{u"Id"_s, 1},
                                       {u"Date"_s, u"2025-01-26T12:00:00+02:00"_s},
                                       {u"UserToken"_s, u"tok"_s},
                                       {u"Action"_s, u"create"_s}},
                           QJsonValue::Null, QJsonObject{{u"Id"_s, 2.5}, {u"Action"_s, QJsonArray{}}}});
    const Ticket t = parseTicketData(data);

    QCOMPARE(t.notes.size(), 4);
    QCOMPARE(t.notes[0].id, u"n-1"_s);
    QCOMPARE(t.notes[0].date, utc(2025, 1, 26, 10, 5, 12));
    QCOMPARE(t.notes[0].html, u"plain"_s);
    QCOMPARE(t.notes[1].id, u"7"_s);
    QVERIFY(!t.notes[1].date.isValid());
    QCOMPARE(t.notes[1].html, u"<b>x</b>"_s);
    QVERIFY(t.notes[2].id.isEmpty());
    QVERIFY(t.notes[2].html.isEmpty());
    QVERIFY(t.notes[3].id.isEmpty()); // the empty object, at index 4

    QVERIFY(hasWarningMentioning(t, u"Notes[1].Date"_s, u"\"yesterday\""_s));
    QVERIFY(hasWarningMentioning(t, u"Notes[2].Id"_s, u"true"_s));
    QVERIFY(hasWarningMentioning(t, u"Notes[2].Note"_s, u"5"_s));
    QVERIFY(hasWarningMentioning(t, u"Notes[3]"_s, u"expected an object"_s));
    QVERIFY(hasWarningMentioning(t, u"Notes[5]"_s, u"expected an object"_s));
    QVERIFY(!t.hasWarningFor(u"Notes[0]"_s));
    QVERIFY(!t.hasWarningFor(u"Notes[4]"_s));

    QCOMPARE(t.statistics.size(), 2);
    QCOMPARE(t.statistics[0].id, u"1"_s);
    QCOMPARE(t.statistics[0].date, utc(2025, 1, 26, 10, 0, 0));
    QCOMPARE(t.statistics[0].userToken, u"tok"_s);
    QCOMPARE(t.statistics[0].action, u"create"_s);
    QCOMPARE(t.statistics[1].id, u"2.5"_s);
    QVERIFY(t.statistics[1].action.isEmpty());
    QVERIFY(hasWarningMentioning(t, u"Statistics[1]"_s, u"expected an object"_s));
    QVERIFY(hasWarningMentioning(t, u"Statistics[2].Action"_s));
    QCOMPARE(t.warnings.size(), 7);
}

// Notes have no author in the contract; an author-like field, when a note
// carries one, is read without complaint, and nothing else is taken for one.
void TestTicketParser::noteAuthor()
{
    QJsonArray notes{
        QJsonObject{{u"Note"_s, u"a"_s}, {u"Author"_s, u" Ana Ruiz "_s}, {u"Name"_s, u"Other"_s}},
        QJsonObject{{u"Note"_s, u"b"_s}, {u"CreatedBy"_s, u"Dana"_s}, {u"FullName"_s, u"Later"_s}},
        QJsonObject{{u"Note"_s, u"c"_s}, {u"Author"_s, 5}, {u"UserName"_s, u"sam"_s}},
        QJsonObject{{u"Note"_s, u"d"_s}, {u"Author"_s, QJsonObject{}}, {u"AuthorName"_s, u"  "_s}},
        QJsonObject{{u"Note"_s, u"e"_s}},
    };
    QJsonObject data = Testing::sampleTicketData();
    data.insert(u"Notes"_s, notes);
    const Ticket t = parseTicketData(data);
    QCOMPARE(t.notes.size(), 5);
    QCOMPARE(t.notes[0].author, u"Ana Ruiz"_s);
    QCOMPARE(t.notes[1].author, u"Dana"_s);
    QCOMPARE(t.notes[2].author, u"sam"_s); // a number is no name: the next key's text
    QVERIFY(t.notes[3].author.isEmpty());
    QVERIFY(t.notes[4].author.isEmpty());
    QVERIFY(t.warnings.isEmpty());
}

void TestTicketParser::undocumentedShapes()
{
    // an object where an array belongs is wrapped
    Ticket t = parseWith(u"Collaborators"_s, QJsonObject{{u"FullName"_s, u"Sam"_s}});
    QCOMPARE(t.collaborators.size(), 1);
    QCOMPARE(t.collaborators.at(0).toObject().value("FullName"_L1).toString(), u"Sam"_s);
    QVERIFY(hasWarningMentioning(t, u"Collaborators"_s, u"expected a list"_s));

    t = parseWith(u"Files"_s, QJsonObject{{u"FileName"_s, u"a.txt"_s}});
    QCOMPARE(t.files.size(), 1);
    QVERIFY(t.hasWarningFor(u"Files"_s));

    // arrays of anything are kept as they are
    const QJsonArray mixed{1, u"two"_s, QJsonArray{3}, QJsonObject{{u"four"_s, 4}}, QJsonValue::Null};
    t = parseWith(u"Documentation"_s, mixed);
    QCOMPARE(t.documentation, mixed);
    QVERIFY(t.warnings.isEmpty());

    // Survey & co.: objects and null are normal, the rest is kept but marked
    t = parseWith(u"Survey"_s, QJsonArray{1, 2});
    QCOMPARE(t.survey, QJsonValue(QJsonArray{1, 2}));
    QVERIFY(t.hasWarningFor(u"Survey"_s));
    t = parseWith(u"GitHubIssue"_s, QJsonObject{});
    QCOMPARE(t.gitHubIssue, QJsonValue(QJsonObject{}));
    QVERIFY(t.warnings.isEmpty());
}

void TestTicketParser::closeDateEmptyString()
{
    Ticket t = parseWith(u"CloseDate"_s, u""_s);
    QVERIFY(!t.closeDate.isValid());
    QVERIFY(t.warnings.isEmpty());

    t = parseWith(u"Date"_s, u""_s);
    QVERIFY(!t.created.isValid());
    QVERIFY(hasWarningMentioning(t, u"Date"_s, u"\"\""_s));

    t = parseWith(u"CloseDate"_s, u"not yet"_s);
    QVERIFY(!t.closeDate.isValid());
    QVERIFY(hasWarningMentioning(t, u"CloseDate"_s, u"\"not yet\""_s));
}

void TestTicketParser::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("documented") << u"2025-01-26T10:00:00.000Z"_s << utc(2025, 1, 26, 10, 0, 0);
    QTest::newRow("ms") << u"2025-01-28T16:45:30.250Z"_s << utc(2025, 1, 28, 16, 45, 30, 250);
    QTest::newRow("end of year") << u"2024-12-31T23:59:59.999Z"_s << utc(2024, 12, 31, 23, 59, 59, 999);
    QTest::newRow("leap day") << u"2024-02-29T00:00:00.000Z"_s << utc(2024, 2, 29, 0, 0, 0);
    QTest::newRow("no ms") << u"2025-01-26T10:00:00Z"_s << utc(2025, 1, 26, 10, 0, 0);
    QTest::newRow("one digit ms") << u"2025-01-26T10:00:00.5Z"_s << utc(2025, 1, 26, 10, 0, 0, 500);
    QTest::newRow("+02:00") << u"2025-01-26T12:00:00+02:00"_s << utc(2025, 1, 26, 10, 0, 0);
    QTest::newRow("-05:00 with ms") << u"2025-01-26T05:00:00.123-05:00"_s << utc(2025, 1, 26, 10, 0, 0, 123);
    QTest::newRow("+00:00") << u"2025-01-26T10:00:00.000+00:00"_s << utc(2025, 1, 26, 10, 0, 0);
    QTest::newRow("no zone: UTC") << u"2025-01-26T10:00:00"_s << utc(2025, 1, 26, 10, 0, 0);
    QTest::newRow("no zone with ms") << u"2025-01-26T10:00:00.042"_s << utc(2025, 1, 26, 10, 0, 0, 42);
    QTest::newRow("date only") << u"2025-01-26"_s << utc(2025, 1, 26, 0, 0, 0);
    QTest::newRow("spaces around") << u" 2025-01-26T10:00:00.000Z "_s << utc(2025, 1, 26, 10, 0, 0);
    QTest::newRow("feb 30") << u"2025-02-30T10:00:00.000Z"_s << QDateTime();
    QTest::newRow("hour 25") << u"2025-01-26T25:00:00.000Z"_s << QDateTime();
    QTest::newRow("letters in digits") << u"2025-0a-26T10:00:00.000Z"_s << QDateTime();
    QTest::newRow("minus in digits") << u"2025-01--6T10:00:00.000Z"_s << QDateTime();
    QTest::newRow("arabic digits") << u"\u0662\u0660\u0662\u0665-01-26T10:00:00.000Z"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("words") << u"yesterday"_s << QDateTime();
    QTest::newRow("epoch text") << u"1737885600000"_s << QDateTime();
    QTest::newRow("garbage 24") << u"xxxxxxxxxxxxxxxxxxxxxxxZ"_s << QDateTime();
}

void TestTicketParser::dates()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime dt = parseTicketDate(text);
    QCOMPARE(dt.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(dt, expected);
        QCOMPARE(dt.timeSpec(), Qt::UTC);
        QCOMPARE(dt.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    }
    // the same through a ticket field
    const Ticket t = parseWith(u"Date"_s, text);
    QCOMPARE(t.created.isValid(), expected.isValid());
    QCOMPARE(t.hasWarningFor(u"Date"_s), !expected.isValid());
}

void TestTicketParser::warningShowsValue()
{
    Ticket t = parseWith(u"Priority"_s, u"high"_s);
    QCOMPARE(t.warnings.size(), 1);
    QCOMPARE(t.warnings[0].field, u"Priority"_s);
    QCOMPARE(t.warnings[0].message, u"Priority: expected a number, got \"high\""_s);

    t = parseWith(u"Subject"_s, QJsonArray{1, u"a\"b"_s, QJsonValue::Null});
    QCOMPARE(t.warnings.size(), 1);
    QCOMPARE(t.warnings[0].message, u"Subject: expected text, got [1,\"a\\\"b\",null]"_s);

    // long values are cut to about 40 characters
    t = parseWith(u"Views"_s, QString(QString(5000, u'9') + u'x'));
    QCOMPARE(t.warnings.size(), 1);
    const QString got = t.warnings[0].message.section(u"got "_s, 1);
    QVERIFY2(got.size() <= 40, qPrintable(got));
    QVERIFY(got.startsWith(u"\"9999"));
    QVERIFY(got.endsWith(u'\u2026'));

    // deeply nested wrong values stay short and cheap
    QJsonValue nested = 1;
    for (int i = 0; i < 500; ++i)
        nested = QJsonArray{nested};
    t = parseWith(u"Description"_s, nested);
    QCOMPARE(t.warnings.size(), 1);
    QVERIFY(t.warnings[0].message.section(u"got "_s, 1).size() <= 40);

    // control characters are escaped
    t = parseWith(u"Pin"_s, u"a\nb\u0001"_s);
    QCOMPARE(t.warnings[0].message, u"Pin: expected true or false, got \"a\\nb\\u0001\""_s);
}

void TestTicketParser::caseNumberMismatch()
{
    TicketResult result = parseTicketResponse(Testing::sampleTicketResponseBytes(), 200, {}, u"abc1234"_s);
    QVERIFY(result.ok());
    QVERIFY(hasWarningMentioning(result.ticket, u"CaseNumber"_s, u"abc1234"_s));
    QCOMPARE(result.ticket.caseNumber, u"HYXTNJV"_s);

    result = parseTicketResponse(Testing::sampleTicketResponseBytes(), 200, {}, u"hyxtnjv"_s);
    QVERIFY(result.ticket.warnings.isEmpty());

    // all-digit case numbers sent as numbers are read, with a warning
    const Ticket t = parseWith(u"CaseNumber"_s, 2650478);
    QCOMPARE(t.caseNumber, u"2650478"_s);
    QVERIFY(t.hasWarningFor(u"CaseNumber"_s));
}

void TestTicketParser::errorEnvelopes_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("errorStatus");
    QTest::addColumn<QString>("serverMessage");

    const auto errorBody = [](const char *message, int code) {
        QJsonObject o{{u"Response"_s, false}, {u"Code"_s, code}};
        if (message)
            o.insert(u"Message"_s, QString::fromUtf8(message));
        return json(o);
    };
    const QByteArray jsonType = "application/json; charset=utf-8";
    struct Row
    {
        int status;
        const char *message;
        ErrorKind kind;
    };
    const Row rows[] = {
        {400, "Missing caseNumber", ErrorKind::BadRequest},
        {401, "Invalid or Missing Bearer Token", ErrorKind::Unauthorized},
        {403, "Invalid API Token", ErrorKind::Forbidden},
        {404, "Ticket Not Found or Access Denied", ErrorKind::NotFound},
        {429, "Too Many Requests", ErrorKind::RateLimited},
        {500, "Internal Server Error", ErrorKind::ServerError},
        {503, "Service Unavailable", ErrorKind::ServerError},
    };
    for (const Row &r : rows) {
        const QByteArray name = QByteArray::number(r.status);
        QTest::newRow(QByteArray(name + " with Message").constData())
            << r.status << errorBody(r.message, r.status) << jsonType << int(r.kind) << r.status
            << QString::fromUtf8(r.message);
        QTest::newRow(QByteArray(name + " without Message").constData())
            << r.status << errorBody(nullptr, r.status) << jsonType << int(r.kind) << r.status << QString();
        QTest::newRow(QByteArray(name + " empty body").constData())
            << r.status << QByteArray() << QByteArray() << int(r.kind) << r.status << QString();
        QTest::newRow(QByteArray(name + " non-string Message").constData())
            << r.status << QByteArray(R"({"Response":false,"Message":{"text":"x"}})") << jsonType
            << int(r.kind) << r.status << QString();
    }
    // Status wins over what the body says
    QTest::newRow("404 with a ticket body") << 404 << Testing::sampleTicketResponseBytes() << jsonType
                                            << int(ErrorKind::NotFound) << 404 << QString();
    QTest::newRow("502 HTML page")
        << 502
        << QByteArray(
               "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
               "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
        << QByteArray("text/html") << int(ErrorKind::ServerError) << 502 << QString();
    QTest::newRow("504 text") << 504 << QByteArray("upstream request timeout") << QByteArray("text/plain")
                              << int(ErrorKind::ServerError) << 504 << QString();
    QTest::newRow("503 truncated JSON") << 503 << QByteArray(R"({"Response":false,"Mess)") << jsonType
                                        << int(ErrorKind::ServerError) << 503 << QString();
    QTest::newRow("418") << 418 << QByteArray() << QByteArray() << int(ErrorKind::ServerError) << 418
                         << QString();

    // Response:false inside HTTP 200
    QTest::newRow("200 Code 404") << 200 << errorBody("Ticket Not Found or Access Denied", 404) << jsonType
                                  << int(ErrorKind::NotFound) << 404
                                  << u"Ticket Not Found or Access Denied"_s;
    QTest::newRow("200 Code \"404\"")
        << 200 << QByteArray(R"({"Response":false,"Code":"404","Message":"Nope"})") << jsonType
        << int(ErrorKind::NotFound) << 404 << u"Nope"_s;
    QTest::newRow("200 Code 401") << 200 << errorBody("Invalid API Token", 401) << jsonType
                                  << int(ErrorKind::Unauthorized) << 401 << u"Invalid API Token"_s;
    QTest::newRow("200 Code 429 no message")
        << 200 << errorBody(nullptr, 429) << jsonType << int(ErrorKind::RateLimited) << 429 << QString();
    QTest::newRow("200 no Code") << 200 << QByteArray(R"({"Response":false,"Message":"Something broke"})")
                                 << jsonType << int(ErrorKind::ServerError) << 200 << u"Something broke"_s;
    QTest::newRow("200 Code garbage") << 200 << QByteArray(R"({"Response":false,"Code":"oops"})") << jsonType
                                      << int(ErrorKind::ServerError) << 200 << QString();
    QTest::newRow("200 Code 200") << 200 << QByteArray(R"({"Response":false,"Code":200,"Message":"Hm"})")
                                  << jsonType << int(ErrorKind::ServerError) << 200 << u"Hm"_s;
    QTest::newRow("200 Code 99999") << 200 << QByteArray(R"({"Response":false,"Code":99999})") << jsonType
                                    << int(ErrorKind::ServerError) << 200 << QString();
    QTest::newRow("200 Response false with Data")
        << 200 << QByteArray(R"({"Response":false,"Code":403,"Data":{"CaseNumber":"X"}})") << jsonType
        << int(ErrorKind::Forbidden) << 403 << QString();
    QTest::newRow("200 no Response, Code 404") << 200 << QByteArray(R"({"Message":"Gone","Code":404})")
                                               << jsonType << int(ErrorKind::NotFound) << 404 << u"Gone"_s;
}

void TestTicketParser::errorEnvelopes()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, kind);
    QFETCH(int, errorStatus);
    QFETCH(QString, serverMessage);

    const TicketResult result = parseTicketResponse(body, httpStatus, contentType, u"HYXTNJV"_s);
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error.kind()), kind);
    QCOMPARE(result.error.httpStatus(), errorStatus);
    QCOMPARE(result.error.serverMessage(), serverMessage);
    QVERIFY(!result.error.message().isEmpty());
    if (!serverMessage.isEmpty())
        QVERIFY2(result.error.message().contains(serverMessage), qPrintable(result.error.message()));
    if (ErrorKind(kind) == ErrorKind::NotFound)
        QVERIFY2(result.error.message().contains(u"HYXTNJV"), qPrintable(result.error.message()));
    if (contentType.contains("html"))
        QVERIFY(result.error.detail().contains(u"web page"));
    // never both: no ticket with an error
    QVERIFY(result.ticket.caseNumber.isEmpty());
    QVERIFY(result.ticket.raw.isEmpty());
    QVERIFY(result.ticket.warnings.isEmpty());
}

void TestTicketParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("messagePart");

    const QString unreadable = u"could not be read"_s;
    const QString noTicket = u"did not contain a ticket"_s;
    const QString webPage = u"web page instead of ticket data"_s;
    const QByteArray jsonType = "application/json";

    QTest::newRow("not JSON") << QByteArray("hello world") << QByteArray("text/plain")
                              << u"not ticket data"_s;
    QTest::newRow("empty body") << QByteArray() << jsonType << u"empty"_s;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t ") << jsonType << u"empty"_s;
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << jsonType << u"empty"_s;
    QTest::newRow("truncated") << Testing::sampleTicketResponseBytes().left(700) << jsonType << u"cut off"_s;
    QTest::newRow("truncated in string")
        << QByteArray(R"({"Response":true,"Data":{"CaseNumber":"HY)") << jsonType << u"cut off"_s;
    QTest::newRow("truncated after colon")
        << QByteArray(R"({"Response":true,"Data":)") << jsonType << u"cut off"_s;
    QTest::newRow("HTML 502 page as 200")
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
        << QByteArray("text/html; charset=utf-8") << webPage;
    QTest::newRow("HTML without Content-Type")
        << QByteArray("  <!DOCTYPE html><html></html>") << QByteArray() << webPage;
    QTest::newRow("HTML with JSON Content-Type") << QByteArray("<html>oops</html>") << jsonType << webPage;
    QTest::newRow("top-level array") << QByteArray(R"([{"Response":true}])") << jsonType
                                     << u"not ticket data"_s;
    QTest::newRow("top-level number") << QByteArray("42") << jsonType << unreadable;
    QTest::newRow("top-level string") << QByteArray(R"("ticket")") << jsonType << unreadable;
    QTest::newRow("top-level null") << QByteArray("null") << jsonType << unreadable;
    QTest::newRow("trailing garbage")
        << Testing::sampleTicketResponseBytes() + "}}" << jsonType << unreadable;
    QTest::newRow("two documents") << Testing::sampleTicketResponseBytes() +
                                          Testing::sampleTicketResponseBytes()
                                   << jsonType << unreadable;
    QTest::newRow("NUL inside") << QByteArray("{\"Response\":true,\0\"Data\":{}}", 28) << jsonType
                                << unreadable;
    QTest::newRow("invalid UTF-8 in string")
        << QByteArray("{\"Response\":true,\"Data\":{\"CaseNumber\":\"HYX\xff\xfe\",\"Subject\":\"x\"}}")
        << jsonType << unreadable;
    QTest::newRow("overlong UTF-8") << QByteArray("{\"Response\":true,\"Data\":{\"Subject\":\"\xc0\xaf\"}}")
                                    << jsonType << unreadable;
    QTest::newRow("UTF-16 body") << QByteArray("{\0\"\0R\0", 6) << jsonType << unreadable;
    QTest::newRow("single quotes") << QByteArray("{'Response':true}") << jsonType << unreadable;
    QTest::newRow("Data missing") << QByteArray(R"({"Response":true})") << jsonType << noTicket;
    QTest::newRow("Data null") << QByteArray(R"({"Response":true,"Data":null})") << jsonType << noTicket;
    QTest::newRow("Data array") << QByteArray(R"({"Response":true,"Data":[{"CaseNumber":"HYXTNJV"}]})")
                                << jsonType << noTicket;
    QTest::newRow("Data string") << QByteArray(R"({"Response":true,"Data":"HYXTNJV"})") << jsonType
                                 << noTicket;
    QTest::newRow("Data number") << QByteArray(R"({"Response":true,"Data":0})") << jsonType << noTicket;
    QTest::newRow("Data missing, Message")
        << QByteArray(R"({"Response":true,"Message":"No data"})") << jsonType << noTicket;
    QTest::newRow("empty object") << QByteArray("{}") << jsonType << noTicket;
}

void TestTicketParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, messagePart);

    const TicketResult result = parseTicketResponse(body, 200, contentType, u"HYXTNJV"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind(), ErrorKind::MalformedResponse);
    QVERIFY2(result.error.message().contains(messagePart), qPrintable(result.error.message()));
    QVERIFY(!result.error.detail().isEmpty());
    QVERIFY(!result.error.details().isEmpty());
    QVERIFY(result.ticket.caseNumber.isEmpty());
    QVERIFY(result.ticket.raw.isEmpty());
    // the detail never carries control characters from the body
    for (const QChar c : result.error.detail())
        QVERIFY(c == u'\n' || c.unicode() >= 0x20);
}

void TestTicketParser::deepNesting()
{
    const QByteArray arrays(100'000, '[');
    TicketResult result = parseTicketResponse(arrays, 200, "application/json");
    QCOMPARE(result.error.kind(), ErrorKind::MalformedResponse);
    QVERIFY(result.error.detail().contains(u"byte"));

    const QByteArray objects = QByteArray(R"({"a":)").repeated(100'000);
    result = parseTicketResponse(objects, 200, "application/json");
    QCOMPARE(result.error.kind(), ErrorKind::MalformedResponse);

    // balanced but too deep, inside Data
    const QByteArray deepData =
        R"({"Response":true,"Data":{"Survey":)" + QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}}";
    result = parseTicketResponse(deepData, 200);
    QCOMPARE(result.error.kind(), ErrorKind::MalformedResponse);

    // also with an error status: the status decides, nothing crashes
    result = parseTicketResponse(arrays, 500);
    QCOMPARE(result.error.kind(), ErrorKind::ServerError);
    QCOMPARE(result.error.httpStatus(), 500);

    // deep but within Qt's limit is fine, kept as-is
    const QByteArray okDeep = R"({"Response":true,"Data":{"CaseNumber":"HYXTNJV","Survey":)" +
                              QByteArray(500, '[') + QByteArray(500, ']') + "}}";
    result = parseTicketResponse(okDeep, 200);
    QVERIFY(result.ok());
    QVERIFY(result.ticket.survey.isArray());
    QVERIFY(result.ticket.hasWarningFor(u"Survey"_s));
}

void TestTicketParser::tooLarge()
{
    QByteArray body = Testing::sampleTicketResponseBytes();
    body.append(MaxTicketResponseBytes + 1 - body.size(), ' ');
    QCOMPARE(body.size(), MaxTicketResponseBytes + 1);
    TicketResult result = parseTicketResponse(body, 200, "application/json");
    QCOMPARE(result.error.kind(), ErrorKind::TooLarge);
    QVERIFY(!result.error.message().isEmpty());
    QVERIFY(result.ticket.caseNumber.isEmpty());

    result = parseTicketResponse(body, 404, "application/json");
    QCOMPARE(result.error.kind(), ErrorKind::TooLarge);
}

void TestTicketParser::atTheCap()
{
    QByteArray body = Testing::sampleTicketResponseBytes();
    body.append(MaxTicketResponseBytes - body.size(), ' ');
    const TicketResult result = parseTicketResponse(body, 200, "application/json");
    QVERIFY2(result.ok(), qPrintable(result.error.details()));
    QCOMPARE(result.ticket.caseNumber, u"HYXTNJV"_s);
}

void TestTicketParser::garbage()
{
    QRandomGenerator rng(20250126);
    const QByteArray sample = Testing::sampleTicketResponseBytes();
    for (int round = 0; round < 300; ++round) {
        QByteArray body;
        if (round % 3 == 0) {
            body.resize(rng.bounded(1, 4096));
            for (char &c : body)
                c = char(rng.bounded(256));
        } else {
            // a sample with a few bytes flipped: sometimes still JSON, sometimes not
            body = sample;
            const int flips = rng.bounded(1, 6);
            for (int i = 0; i < flips; ++i)
                body[rng.bounded(qsizetype(body.size()))] = char(rng.bounded(256));
        }
        const int status = round % 7 == 0 ? 500 : 200;
        const TicketResult result = parseTicketResponse(body, status, {}, u"HYXTNJV"_s);
        if (result.ok()) {
            QVERIFY(!result.ticket.raw.isEmpty() || result.ticket.warnings.size() >= 5);
        } else {
            QVERIFY(!result.error.message().isEmpty());
            QVERIFY(result.ticket.raw.isEmpty());
        }
    }
}

// 5,000 notes and 20,000 statistics.
static QByteArray largeTicketBody()
{
    QJsonObject data = Testing::sampleTicketData();
    QJsonArray notes;
    for (int i = 0; i < 5000; ++i) {
        notes.append(QJsonObject{
            {u"Id"_s, i},
            {u"Date"_s,
             QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 61).toString(Qt::ISODateWithMs)},
            {u"Note"_s,
             QString(u"<p>Note number "_s + QString::number(i) + u" with some text in it.</p>"_s)}});
    }
    QJsonArray stats;
    for (int i = 0; i < 20000; ++i) {
        stats.append(QJsonObject{
            {u"Id"_s, i},
            {u"Date"_s,
             QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 7).toString(Qt::ISODateWithMs)},
            {u"UserToken"_s, u"0b8e9c4a-52f1-4d7e-8a3b-6f1e2d9c0a77"_s},
            {u"Action"_s, u"update"_s}});
    }
    data.insert(u"Notes"_s, notes);
    data.insert(u"Statistics"_s, stats);
    return envelope(data);
}

void TestTicketParser::largeTicket()
{
    const QByteArray body = largeTicketBody();

    QElapsedTimer timer;
    timer.start();
    const TicketResult result = parseTicketResponse(body, 200);
    const qint64 ms = timer.elapsed();
    qInfo("parsed %lld bytes, 5000 notes and 20000 statistics in %lld ms", qlonglong(body.size()), ms);

    QVERIFY(result.ok());
    QVERIFY2(result.ticket.warnings.isEmpty(), qPrintable(warningsText(result.ticket)));
    QCOMPARE(result.ticket.notes.size(), 5000);
    QCOMPARE(result.ticket.statistics.size(), 20000);
    QCOMPARE(result.ticket.notes[4999].date,
             QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(4999 * 61));
    QCOMPARE(result.ticket.statistics[19999].id, u"19999"_s);
    QCOMPARE(result.ticket.statistics[19999].date,
             QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(19999 * 7));
}

// The Data member's text as sent, for caselens-cli fetch --json.
void TestTicketParser::rawDataText()
{
    const QByteArray body =
        "\xEF\xBB\xBF {\"Response\" : true,\n \"Data\" :\t{ \"Subject\": \"a \\\"}\\\\\" ,"
        "\"CaseNumber\":\"HYXTNJV\", \"Views\": 1.50e1 } , \"Code\":200 }\n";
    const TicketResult result = parseTicketResponse(body, 200, "application/json", u"HYXTNJV"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.ticket.rawAnswer, body);
    QCOMPARE(jsonMemberText(result.ticket.rawAnswer, "Data"_L1).toByteArray(),
             QByteArray("{ \"Subject\": \"a \\\"}\\\\\" ,\"CaseNumber\":\"HYXTNJV\", \"Views\": 1.50e1 }"));
    QCOMPARE(compactJson(jsonMemberText(result.ticket.rawAnswer, "Data"_L1)),
             QByteArray("{\"Subject\":\"a \\\"}\\\\\",\"CaseNumber\":\"HYXTNJV\",\"Views\":1.50e1}"));
    // The same object as the parsed one.
    QCOMPARE(
        QJsonDocument::fromJson(compactJson(jsonMemberText(result.ticket.rawAnswer, "Data"_L1))).object(),
        result.ticket.raw.object());
    QVERIFY(parseTicketData(result.ticket.raw.object()).rawAnswer.isEmpty());
}

void TestTicketParser::rawDataTextNotKept()
{
    // A number out of a double's range is read as text (repaired): the
    // bytes are not what was parsed, so no raw text is kept.
    const TicketResult repaired = parseTicketResponse(
        R"({"Response":true,"Data":{"CaseNumber":"HYXTNJV","Views":1e999}})", 200, {}, u"HYXTNJV"_s);
    QVERIFY(repaired.ok());
    QVERIFY(repaired.ticket.rawAnswer.isEmpty());
    // Data twice: which one counts is the JSON reader's choice, not ours.
    const TicketResult twice = parseTicketResponse(
        R"({"Response":true,"Data":{"CaseNumber":"A"},"Data":{"CaseNumber":"HYXTNJV"}})", 200, {}, {});
    QVERIFY(twice.ok());
    QVERIFY(jsonMemberText(twice.ticket.rawAnswer, "Data"_L1).isEmpty());
}

void TestTicketParser::memberText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("found");
    QTest::newRow("last") << QByteArray(R"({"a":[1,{"Data":2}],"Data":{"x":"}]"}})")
                          << QByteArray(R"({"x":"}]"})") << true;
    QTest::newRow("first") << QByteArray(R"({ "Data" : [ 1 , 2 ] , "b" : null })") << QByteArray("[ 1 , 2 ]")
                           << true;
    QTest::newRow("scalar") << QByteArray(R"({"Data":-1.5e3})") << QByteArray("-1.5e3") << true;
    QTest::newRow("nested only") << QByteArray(R"({"a":{"Data":1}})") << QByteArray() << false;
    QTest::newRow("escaped key") << QByteArray(R"({"D\u0061ta":1})") << QByteArray() << false;
    QTest::newRow("twice") << QByteArray(R"({"Data":1,"Data":2})") << QByteArray() << false;
    QTest::newRow("array") << QByteArray(R"([{"Data":1}])") << QByteArray() << false;
    QTest::newRow("cut off") << QByteArray(R"({"Data":{"a":"b)") << QByteArray() << false;
    QTest::newRow("empty") << QByteArray() << QByteArray() << false;
}

void TestTicketParser::memberText()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QFETCH(bool, found);
    const QByteArrayView text = jsonMemberText(json, "Data"_L1);
    QCOMPARE(!text.isEmpty(), found);
    QCOMPARE(text.toByteArray(), expected);
}

void TestTicketParser::compact_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whitespace") << QByteArray(" {\n\t\"a b\" : [ 1 ,\r\n true , null ] } ")
                                << QByteArray(R"({"a b":[1,true,null]})");
    QTest::newRow("escapes kept") << QByteArray(R"([ "x\" \\ \n \u00e9 ", "\\" ])")
                                  << QByteArray(R"(["x\" \\ \n \u00e9 ","\\"])");
    // Raw control characters in strings never reach the output: one line,
    // no terminal escapes.
    QTest::newRow("controls") << QByteArray("[\"a\nb\x1b[2J\tc\x7f\"]")
                              << QByteArray(R"(["a\u000ab\u001b[2J\u0009c\u007f"])");
    QTest::newRow("utf-8") << QByteArray("{ \"n\" : \"Jos\xC3\xA9 \xE2\x80\xAE\" }")
                           << QByteArray("{\"n\":\"Jos\xC3\xA9 \xE2\x80\xAE\"}");
    QTest::newRow("already compact") << QByteArray(R"({"a":[1,"b c",{"d":null}]})")
                                     << QByteArray(R"({"a":[1,"b c",{"d":null}]})");
}

void TestTicketParser::compact()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const QByteArray out = compactJson(json);
    QCOMPARE(out, expected);
    QCOMPARE(looseJsonBytes(json) == 0, out == json); // what says "already compact"
    QVERIFY(!out.contains('\n'));
    QJsonParseError error{};
    QCOMPARE(QJsonDocument::fromJson(out, &error).toJson(), QJsonDocument::fromJson(json).toJson());
}

namespace {

// The answer {"Response":true,"Data":data}, as JSON text.
QByteArray envelopeWith(const QJsonObject &data, QJsonDocument::JsonFormat format = QJsonDocument::Compact)
{
    return QJsonDocument(QJsonObject{{u"Response"_s, true}, {u"Data"_s, data}}).toJson(format);
}

// data with the member key of the object at path (empty: data itself;
// "Notes", "Statistics": their first entry; "AccountInfo") set to value,
// or removed when value is undefined.
QJsonObject withMember(QJsonObject data, const QString &path, const QString &key, const QJsonValue &value)
{
    const auto set = [&key, &value](QJsonObject o) {
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    if (path.isEmpty())
        return set(data);
    if (path == u"AccountInfo") {
        data.insert(path, set(data.value(path).toObject()));
        return data;
    }
    QJsonArray list = data.value(path).toArray();
    list.replace(0, set(list.at(0).toObject()));
    data.insert(path, list);
    return data;
}

} // namespace

// checkTicketResponse (caselens-cli fetch --json) gives exactly the verdict
// of the typed parse: the same error, the same warnings, for every kind of
// value in every documented field, and for answers that are not plain.
void TestTicketParser::checkAgreesWithParse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QJsonObject data = Testing::sampleTicketData();
    const QList<QJsonValue> values = {QJsonValue(QJsonValue::Undefined),
                                      QJsonValue(QJsonValue::Null),
                                      u""_s,
                                      u"x"_s,
                                      u"HYXTNJV"_s,
                                      u"hyxtnjv"_s,
                                      0,
                                      1,
                                      2,
                                      3,
                                      -1,
                                      100,
                                      101,
                                      1.5,
                                      -74.5,
                                      95.0,
                                      true,
                                      false,
                                      QJsonArray{},
                                      QJsonArray{u"a"_s},
                                      QJsonArray{1},
                                      QJsonObject{},
                                      QJsonObject{{u"a"_s, 1}},
                                      u"2025-01-26T10:00:00Z"_s,
                                      u"2025-01-26T10:00:00.000Z"_s,
                                      u"2025-02-30T10:00:00.000Z"_s,
                                      u"2025-01-26T24:00:00Z"_s,
                                      u"2025-01-26T10:00:00+02:00"_s,
                                      u"2025-01-26"_s};
    const QList<std::pair<QString, QStringList>> members = {
        {QString(), data.keys()},
        {u"Notes"_s, {u"Id"_s, u"Date"_s, u"Note"_s}},
        {u"Statistics"_s, {u"Id"_s, u"Date"_s, u"UserToken"_s, u"Action"_s}},
        {u"AccountInfo"_s, data.value(u"AccountInfo").toObject().keys()}};
    for (const auto &[path, keys] : members) {
        for (const QString &key : keys) {
            for (qsizetype v = 0; v < values.size(); ++v) {
                const QByteArray body = envelopeWith(withMember(data, path, key, values.at(v)));
                QTest::addRow("%s.%s #%d", qPrintable(path), qPrintable(key), int(v)) << body << 200;
            }
        }
    }
    QJsonObject notAnEntry = data;
    notAnEntry.insert(u"Notes"_s, QJsonArray{1, QJsonValue::Null});
    QTest::newRow("a note that is not an object") << envelopeWith(notAnEntry) << 200;

    const QByteArray plain = envelopeWith(data);
    const auto edited = [&plain](const char *from, const char *to) {
        QByteArray body = plain;
        return body.replace(from, to);
    };
    QTest::newRow("plain") << plain << 200;
    QTest::newRow("indented") << envelopeWith(data, QJsonDocument::Indented) << 200;
    QTest::newRow("bom") << "\xEF\xBB\xBF" + plain << 200;
    QTest::newRow("duplicate field") << edited(R"("Priority":3)", R"("Priority":"high","Priority":3)") << 200;
    QTest::newRow("escaped key") << edited(R"("Priority":3)", R"("Pr\u0069ority":"high")") << 200;
    QTest::newRow("exponent") << edited(R"("Views":42)", R"("Views":4.2e1)") << 200;
    QTest::newRow("out of range") << edited(R"("Views":42)", R"("Views":1e999)") << 200;
    QTest::newRow("raw tab") << edited("Winners list", "Winners\tlist") << 200;
    QTest::newRow("invalid utf-8") << edited("Winners list", "Winners \xC3\x28 list") << 200;
    QTest::newRow("overlong utf-8") << edited("Winners list", "Winners \xC0\xAF list") << 200;
    QTest::newRow("utf-8") << edited("Winners list", "Winners \xC3\xA9 \xF0\x9F\x98\x80 list") << 200;
    QTest::newRow("surrogate escapes") << edited("Winners list", R"(Winners \ud83d\ude00 list)") << 200;
    QTest::newRow("escapes") << edited("Winners list", R"(Winners \"\\\/\b\f\n\r\t\u00e9 list)") << 200;
    QTest::newRow("escaped case number") << edited(R"("HYXTNJV")", R"("HYXTNJ\u0056")") << 200;
    QTest::newRow("response false") << edited(R"("Response":true)", R"("Response":false)") << 200;
    QTest::newRow("response 0") << edited(R"("Response":true)", R"("Response":0)") << 200;
    QTest::newRow("code 404") << edited(R"("Response":true)", R"("Response":true,"Code":404)") << 200;
    QTest::newRow("telemetry")
        << edited(R"("Response":true)",
                  R"("Response":true,"Telemetry":{"APICalls":12,"MaxAPICalls":"100","DataConsumed":"1 MB"})")
        << 200;
    QTest::newRow("data twice") << edited(R"("Response":true)", R"("Response":true,"Data":{})") << 200;
    QTest::newRow("data is a list") << QByteArray(R"({"Response":true,"Data":[1]})") << 200;
    QTest::newRow("no data") << QByteArray(R"({"Response":true})") << 200;
    QTest::newRow("cut off") << plain.first(plain.size() / 2) << 200;
    QTest::newRow("trailing garbage") << plain + "x" << 200;
    QTest::newRow("trailing comma") << edited(R"("Views":42,)", R"("Views":42,,)") << 200;
    QTest::newRow("leading zero") << edited(R"("Views":42)", R"("Views":042)") << 200;
    QTest::newRow("web page") << QByteArray("<html><body>Bad gateway</body></html>") << 200;
    QTest::newRow("404") << plain << 404;
    QTest::newRow("created") << plain << 201;
    QTest::newRow("deep") << QByteArray(R"({"Response":true,"Data":{"X":)") + QByteArray(600, '[') +
                                 QByteArray(600, ']') + ',' + plain.sliced(plain.indexOf("\"Data\":{") + 8)
                          << 200;
}

void TestTicketParser::checkAgreesWithParse()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const QString asked = u"HYXTNJV"_s;
    const TicketResult parsed = parseTicketResponseWithTree(body, status, "application/json", asked);
    const TicketResult checked = checkTicketResponse(body, status, "application/json", asked);
    QCOMPARE(checked.error.kind(), parsed.error.kind());
    QCOMPARE(checked.error.message(), parsed.error.message());
    QCOMPARE(checked.error.detail(), parsed.error.detail());
    QCOMPARE(checked.ticket.caseNumber, parsed.ticket.caseNumber);
    QCOMPARE(checked.ticket.rawAnswer, parsed.ticket.rawAnswer);
    QCOMPARE(checked.telemetry.has_value(), parsed.telemetry.has_value());
    if (checked.telemetry) {
        QVERIFY(checked.telemetry->apiCalls == parsed.telemetry->apiCalls);
        QCOMPARE(checked.telemetry->dataConsumed, parsed.telemetry->dataConsumed);
    }
    QCOMPARE(checked.ticket.warnings.size(), parsed.ticket.warnings.size());
    for (qsizetype i = 0; i < parsed.ticket.warnings.size(); ++i) {
        QCOMPARE(checked.ticket.warnings.at(i).field, parsed.ticket.warnings.at(i).field);
        QCOMPARE(checked.ticket.warnings.at(i).message, parsed.ticket.warnings.at(i).message);
    }
}

// The text reader (plain answers) gives exactly the tree reader's ticket:
// every field, for every kind of value in every documented field (where it
// is not plain enough, it hands the answer to the tree reader), and for
// escapes, numbers, authors and undocumented shapes in plain answers.
void TestTicketParser::textReaderAgreesWithTreeReader_data()
{
    checkAgreesWithParse_data();
    QJsonObject data = Testing::sampleTicketData();
    const auto row = [](const char *name, const QJsonObject &d) {
        QTest::newRow(name) << envelopeWith(d) << 200;
    };
    const auto withNote = [&data](const QJsonObject &note) {
        QJsonObject d = data;
        d.insert(u"Notes"_s, QJsonArray{note});
        return d;
    };
    row("note id as a number", withNote({{u"Id"_s, qint64(123456789012345)}, {u"Note"_s, u"x"_s}}));
    row("note id of 16 digits", withNote({{u"Id"_s, qint64(1234567890123456)}}));
    row("note id 0", withNote({{u"Id"_s, 0}}));
    row("note id negative", withNote({{u"Id"_s, -5}}));
    row("note id fraction", withNote({{u"Id"_s, 2.5}}));
    row("note without fields", withNote({}));
    row("note author",
        withNote({{u"Name"_s, u"  Ann "_s}, {u"Author"_s, u" "_s}, {u"CreatedBy"_s, u"Bob"_s}}));
    row("note author not text", withNote({{u"Author"_s, 5}, {u"UserName"_s, QJsonObject{}}}));
    row("note html escapes",
        withNote({{u"Note"_s, u"<p>\"quoted\" \\ / \u0001 \t tab\n line \u00e9\u20ac\U0001F600</p>"_s}}));
    row("note with nul", withNote({{u"Note"_s, u"a\u0000b"_s}}));
    row("bom inside text", withNote({{u"Note"_s, u"\uFEFFstarts with a BOM"_s}}));
    QJsonObject account = data.value(u"AccountInfo").toObject();
    account.insert(u"MobileNumber"_s, qint64(5551234567));
    account.insert(u"UserType"_s, 2);
    account.insert(u"GeoLat"_s, 40);
    account.insert(u"GeoLon"_s, -74.0060152);
    QJsonObject d = data;
    d.insert(u"AccountInfo"_s, account);
    row("account numbers", d);
    account.insert(u"GeoLat"_s, QJsonValue::Null);
    account.insert(u"MobileNumber"_s, QJsonValue::Null);
    d.insert(u"AccountInfo"_s, account);
    row("account nulls", d);
    d = data;
    d.insert(u"Files"_s, QJsonArray{QJsonObject{{u"Name"_s, u"a.pdf"_s}, {u"Size"_s, 12}}, u"b.txt"_s});
    d.insert(u"Collaborators"_s, QJsonArray{QJsonObject{{u"a"_s, QJsonArray{1, 2.5, true}}}});
    d.insert(u"Survey"_s, QJsonObject{{u"Score"_s, 5}});
    d.insert(u"GitHubIssue"_s, QJsonValue::Null);
    d.insert(u"CloseDate"_s, u""_s);
    d.insert(u"ResourceAffected"_s, u"  API "_s);
    d.insert(u"NotifyUsers"_s, QJsonArray{u"a"_s, u"b\\"_s});
    row("undocumented shapes", d);
    d.insert(u"Extra"_s, QJsonObject{{u"Notes"_s, 1}});
    d.insert(u"Views"_s, 999999999999999999LL);
    row("unknown member, many views", d);
    d = data;
    d.remove(u"AccountInfo"_s);
    d.remove(u"Notes"_s);
    d.remove(u"Statistics"_s);
    row("no account, notes or statistics", d);

    const QByteArray plain = envelopeWith(data);
    QByteArray twice = plain;
    QTest::newRow("an author key twice")
        << twice.replace(R"("Note":")", R"("Author":"A","Author":"B","Note":")") << 200;
    QByteArray spaced = envelopeWith(data, QJsonDocument::Indented);
    QTest::newRow("indented, with telemetry")
        << spaced.replace("\"Response\": true", "\"Response\": true, \"Telemetry\": {\"APICalls\": 3}")
        << 200;
}

void TestTicketParser::textReaderAgreesWithTreeReader()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    for (const QString &asked : {u"HYXTNJV"_s, QString()}) {
        const TicketResult read = parseTicketResponse(body, status, "application/json", asked);
        const TicketResult tree = parseTicketResponseWithTree(body, status, "application/json", asked);
        const QString difference = Testing::ticketResultDifference(read, tree);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

// The large ticket takes the text reader's path (its raw is kept as text),
// with the tree reader's result.
void TestTicketParser::textReaderReadsTheLargeTicket()
{
    const QByteArray body = largeTicketBody();
    const TicketResult read = parseTicketResponse(body, 200, "application/json", u"HYXTNJV"_s);
    QVERIFY(read.ok());
    QVERIFY(!read.ticket.raw.text().isEmpty()); // read from the text
    const TicketResult tree = parseTicketResponseWithTree(body, 200, "application/json", u"HYXTNJV"_s);
    QVERIFY(tree.ticket.raw.text().isEmpty()); // a tree
    const QString difference = Testing::ticketResultDifference(read, tree);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QVERIFY(read.ticket.raw == tree.ticket.raw);
}

// The point of the check: a plain answer is not built into a ticket.
void TestTicketParser::checkSkipsTheTypedParse()
{
    const QByteArray body = envelopeWith(Testing::sampleTicketData(), QJsonDocument::Indented);
    const TicketResult checked = checkTicketResponse(body, 200, {}, u"hyxtnjv"_s);
    QVERIFY(checked.ok());
    QCOMPARE(checked.ticket.caseNumber, u"HYXTNJV"_s);
    QCOMPARE(checked.ticket.rawAnswer, body);
    QVERIFY(checked.ticket.notes.isEmpty()); // the typed parse has 3
    QVERIFY(checked.ticket.raw.isEmpty());
    // A warning makes it the parser's answer, notes and all.
    QJsonObject data = Testing::sampleTicketData();
    data.insert(u"Priority"_s, u"high"_s);
    const TicketResult warned = checkTicketResponse(envelopeWith(data), 200);
    QCOMPARE(warned.ticket.warnings.size(), 1);
    QCOMPARE(warned.ticket.notes.size(), 3);
}

// The check hands on where Data's text is, and whether it is already
// compact (then caselens-cli fetch --json prints the received bytes).
void TestTicketParser::checkFindsTheDataText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("compact");
    const QByteArray data = envelopeWith(Testing::sampleTicketData());
    const QByteArray dataText = jsonMemberText(data, "Data"_L1).toByteArray();
    QTest::newRow("compact") << data << true;
    QTest::newRow("spaces around Data")
        << QByteArray("\xEF\xBB\xBF {\n  \"Response\" : true ,\n  \"Data\" : " + dataText +
                      " ,\n \"Code\": 200 }\n")
        << true;
    QTest::newRow("indented") << envelopeWith(Testing::sampleTicketData(), QJsonDocument::Indented) << false;
    QByteArray withDel = data;
    QTest::newRow("DEL in the subject") << withDel.replace("Winners list", "Winners\x7flist") << false;
}

void TestTicketParser::checkFindsTheDataText()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, compact);
    const TicketResult checked = checkTicketResponse(body, 200, {}, u"HYXTNJV"_s);
    QVERIFY(checked.ok());
    QVERIFY(checked.ticket.notes.isEmpty()); // not built
    const Ticket::TextSlice slice = checked.ticket.rawData;
    QCOMPARE(body.sliced(slice.offset, slice.size), jsonMemberText(body, "Data"_L1).toByteArray());
    QCOMPARE(slice.compact, compact);
    QCOMPARE(slice.compact, compactJson(jsonMemberText(body, "Data"_L1)) == jsonMemberText(body, "Data"_L1));
    QCOMPARE(scanPlainJson(body).looseBytes, looseJsonBytes(body));
}

void TestTicketParser::plainJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("plain");
    QTest::newRow("empty object") << QByteArray("{}") << true;
    QTest::newRow("spaces") << QByteArray(
                                   " \r\n\t{ \"a\" : [ 1 , -0.5 , true , false , null , { } , [ ] ] } \n")
                            << true;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{\"a\":\"b\"}") << true;
    QTest::newRow("escapes") << QByteArray(R"({"a":"\"\\\/\b\f\n\r\t\u00E9\uFFFF"})") << true;
    QTest::newRow("utf-8") << QByteArray("{\"a\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"}") << true;
    QTest::newRow("array at the top") << QByteArray("[1]") << false;
    QTest::newRow("nothing") << QByteArray() << false;
    QTest::newRow("surrogate escape") << QByteArray(R"({"a":"\ud800"})") << false;
    QTest::newRow("bad escape") << QByteArray(R"({"a":"\x41"})") << false;
    QTest::newRow("short unicode escape") << QByteArray(R"({"a":"\u00e"})") << false;
    QTest::newRow("raw newline") << QByteArray("{\"a\":\"x\ny\"}") << false;
    QTest::newRow("encoded surrogate") << QByteArray("{\"a\":\"\xED\xA0\x80\"}") << false;
    QTest::newRow("overlong") << QByteArray("{\"a\":\"\xE0\x80\xAF\"}") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("{\"a\":\"\xF4\x90\x80\x80\"}") << false;
    QTest::newRow("cut utf-8") << QByteArray("{\"a\":\"\xE2\x82\"}") << false;
    QTest::newRow("exponent") << QByteArray(R"({"a":1e2})") << false;
    QTest::newRow("long number") << QByteArray(R"({"a":1234567890123456789012345})") << false;
    QTest::newRow("leading zero") << QByteArray(R"({"a":01})") << false;
    QTest::newRow("bare dot") << QByteArray(R"({"a":1.})") << false;
    QTest::newRow("plus") << QByteArray(R"({"a":+1})") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":[1,]})") << false;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << false;
    QTest::newRow("unquoted key") << QByteArray(R"({a:1})") << false;
    QTest::newRow("wrong bracket") << QByteArray(R"({"a":[1}})") << false;
    QTest::newRow("unclosed") << QByteArray(R"({"a":{"b":1})") << false;
    QTest::newRow("garbage after") << QByteArray(R"({"a":1} x)") << false;
    QTest::newRow("two values") << QByteArray(R"({"a":1}{})") << false;
    QTest::newRow("bad literal") << QByteArray(R"({"a":tru})") << false;
    // Long strings are scanned 16 bytes a step: what stops a run, anywhere in one.
    const QByteArray run(37, 'a');
    const auto longString = [&run](const QByteArray &inside) -> QByteArray {
        return "{\"a\":\"" + run + inside + run + "\"}";
    };
    QTest::newRow("long") << longString("b") << true;
    QTest::newRow("long, escaped quote") << longString(R"(\")") << true;
    QTest::newRow("long, DEL") << longString("\x7f") << true;
    QTest::newRow("long, utf-8") << longString("\xC3\xA9") << true;
    QTest::newRow("long, raw tab") << longString("\t") << false;
    QTest::newRow("long, bad utf-8") << longString("\xC3(") << false;
    QTest::newRow("512 deep") << "{\"a\":" + QByteArray(511, '[') + QByteArray(511, ']') + "}" << true;
    QTest::newRow("513 deep") << "{\"a\":" + QByteArray(512, '[') + QByteArray(512, ']') + "}" << false;
}

void TestTicketParser::plainJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, plain);
    QCOMPARE(isPlainJson(json), plain);
    QCOMPARE(scanPlainJson(json).plain, plain);
    if (plain)
        QCOMPARE(scanPlainJson(json).looseBytes, looseJsonBytes(jsonWithoutBom(json)));
    if (plain) { // never plain where Qt disagrees
        QJsonParseError error{};
        QVERIFY(QJsonDocument::fromJson(json, &error).isObject());
    }
}

// The API's shape (with and without milliseconds) is read without Qt's
// string parsing, with the same result.
void TestTicketParser::fixedDates_data()
{
    QTest::addColumn<QString>("text");
    for (const char *text : {"2025-03-14T09:30:00.000Z", "2025-03-14T09:30:00Z", "1970-01-01T00:00:00Z",
                             "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
                             "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2025-13-01T00:00:00Z",
                             "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2025-01-01T23:59:60Z",
                             "2025-01-01T23:59:59.1000Z", "2025-01-0xT00:00:00Z", "0000-01-01T00:00:00Z"})
        QTest::newRow(text) << QString::fromLatin1(text);
}

void TestTicketParser::fixedDates()
{
    QFETCH(QString, text);
    const QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
    const QDateTime read = parseTicketDate(text);
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(read, expected);
        QCOMPARE(read.timeSpec(), Qt::UTC);
        QCOMPARE(read.toString(Qt::ISODateWithMs), expected.toString(Qt::ISODateWithMs));
    }
}

QTEST_GUILESS_MAIN(TestTicketParser)
#include "tst_ticketparser.moc"
