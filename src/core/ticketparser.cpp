#include "core/ticketparser.h"

#include "core/attachments.h"
#include "core/envelope.h"
#include "core/fieldreader.h"
#include "core/jsontext.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// Reads len ASCII digits at pos; -1 when one of them is not a digit.
int digitsAt(QStringView s, qsizetype pos, qsizetype len)
{
    int value = 0;
    for (qsizetype i = pos; i < pos + len; ++i) {
        const char16_t c = s[i].unicode();
        if (!isAsciiDigit(c))
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Anything ISO-8601 that Qt reads; a time without a zone is taken as UTC
// (the contract's dates are UTC).
QDateTime parseDateSlow(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.size() < 10)
        return {};
    if (s.size() == 10) {
        const QDate date = QDate::fromString(s, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    const QStringView tail = s.mid(10);
    const bool hasZone =
        tail.endsWith(u'Z', Qt::CaseInsensitive) || tail.contains(u'+') || tail.contains(u'-');
    const QDateTime dt = hasZone ? QDateTime::fromString(s, Qt::ISODateWithMs)
                                 : QDateTime::fromString(QString(s.toString() + u'Z'), Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    return dt.toUTC();
}

} // namespace

// Exposed for tests and benchmarks (declared in ticketparser.h).
QDateTime parseTicketDate(QStringView s)
{
    // Fast path for the documented shape: YYYY-MM-DDTHH:MM:SS.mmmZ
    if (s.size() == 24 && s[4] == u'-' && s[7] == u'-' && s[10] == u'T' && s[13] == u':' && s[16] == u':' &&
        s[19] == u'.' && s[23] == u'Z') {
        const int year = digitsAt(s, 0, 4);
        const int month = digitsAt(s, 5, 2);
        const int day = digitsAt(s, 8, 2);
        const int hour = digitsAt(s, 11, 2);
        const int minute = digitsAt(s, 14, 2);
        const int second = digitsAt(s, 17, 2);
        const int msec = digitsAt(s, 20, 3);
        if ((year | month | day | hour | minute | second | msec) >= 0) {
            const QDate date(year, month, day);
            const QTime time(hour, minute, second, msec);
            if (date.isValid() && time.isValid())
                return QDateTime(date, time, Qt::UTC);
        }
        return {};
    }
    return parseDateSlow(s);
}

namespace {

// The ticket's own fields, with the translation context "CaseLens::TicketParser".
class Parser final : public FieldReader
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::TicketParser)

public:
    using FieldReader::FieldReader;

    void readTicket(const QJsonObject &data, Ticket &t);

    static TicketResult parseResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                      const QString &caseNumber);

private:
    void readCompletion(const QJsonValue &v, Ticket &t);
    void readViews(const QJsonValue &v, Ticket &t);
    void readPin(const QJsonValue &v, Ticket &t);
    void readNotifyUsers(const QJsonValue &v, Ticket &t);
    void readNotes(const QJsonValue &v, Ticket &t);
    void readStatistics(const QJsonValue &v, Ticket &t);
    template <typename T, typename ReadEntry>
    void readObjectList(const QJsonValue &v, QLatin1StringView name, QList<T> &out, ReadEntry readEntry);
    void readRequester(const QJsonValue &v, Requester &r);
    void readCoordinate(const QJsonValue &v, const FieldPath &f, double limit, std::optional<double> &out);
};

void Parser::readCompletion(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("Completion"_L1);
    const std::optional<double> n = readNumber(v, f, Presence::Optional);
    if (!n)
        return;
    if (!std::isfinite(*n)) {
        warnRange(f, v);
        return;
    }
    const double rounded = std::round(*n);
    if (rounded < 0.0 || rounded > 100.0) {
        warnRange(f, v);
        t.completion = rounded < 0.0 ? 0 : 100;
        return;
    }
    t.completion = static_cast<int>(rounded);
}

void Parser::readViews(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("Views"_L1);
    const std::optional<double> n = readNumber(v, f, Presence::Optional);
    if (!n)
        return;
    if (!std::isfinite(*n) || *n < 0.0 || *n >= 9.2e18) {
        warnRange(f, v);
        return;
    }
    if (v.isDouble() && std::trunc(*n) == *n)
        t.views = v.toInteger(static_cast<qint64>(*n));
    else
        t.views = static_cast<qint64>(std::llround(*n));
}

void Parser::readPin(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("Pin"_L1);
    if (v.isBool()) {
        t.pinned = v.toBool();
        return;
    }
    if (v.isDouble() && (v.toDouble() == 0.0 || v.toDouble() == 1.0)) { // 0/1 as a database sends it
        t.pinned = v.toDouble() == 1.0;
        return;
    }
    if (present(v, f, Presence::Optional, Expected::Bool))
        warnWrong(f, Expected::Bool, v);
}

void Parser::readNotifyUsers(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("NotifyUsers"_L1);
    if (v.isArray()) {
        const QJsonArray array = v.toArray();
        t.notifyUsers.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue entry = array.at(i);
            if (entry.isString())
                t.notifyUsers.append(entry.toString());
            else
                warnWrong({f.name, i, {}}, Expected::Text, entry);
        }
        return;
    }
    if (!present(v, f, Presence::Optional, Expected::List))
        return;
    warnWrong(f, Expected::List, v);
    if (v.isString() && !v.toString().trimmed().isEmpty())
        t.notifyUsers.append(v.toString());
}

// A list of objects (Notes, Statistics): anything but a list warns and reads as
// none; an entry that is not an object warns and is left out. readEntry fills
// one item from its object, naming its fields through field("Key").
template <typename T, typename ReadEntry>
void Parser::readObjectList(const QJsonValue &v, QLatin1StringView name, QList<T> &out, ReadEntry readEntry)
{
    if (!v.isArray()) {
        if (present(v, topField(name), Presence::Optional, Expected::List))
            warnWrong(topField(name), Expected::List, v);
        return;
    }
    const QJsonArray array = v.toArray();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject()) {
            warnWrong({name, i, {}}, Expected::Object, entry);
            continue;
        }
        const auto field = [name, i](QLatin1StringView key) { return FieldPath{name, i, key}; };
        T item;
        readEntry(entry.toObject(), field, item);
        out.append(std::move(item));
    }
}

void Parser::readNotes(const QJsonValue &v, Ticket &t)
{
    readObjectList(v, "Notes"_L1, t.notes, [this](const QJsonObject &o, const auto &field, Note &note) {
        readTextOrNumber(o.value("Id"_L1), field("Id"_L1), Presence::Optional, note.id);
        readDate(o.value("Date"_L1), field("Date"_L1), Presence::Optional, note.date);
        readText(o.value("Note"_L1), field("Note"_L1), Presence::Optional, note.html);
    });
}

void Parser::readStatistics(const QJsonValue &v, Ticket &t)
{
    readObjectList(v, "Statistics"_L1, t.statistics,
                   [this](const QJsonObject &o, const auto &field, StatisticEntry &stat) {
                       readTextOrNumber(o.value("Id"_L1), field("Id"_L1), Presence::Optional, stat.id);
                       readDate(o.value("Date"_L1), field("Date"_L1), Presence::Optional, stat.date);
                       readText(o.value("UserToken"_L1), field("UserToken"_L1), Presence::Optional,
                                stat.userToken);
                       readText(o.value("Action"_L1), field("Action"_L1), Presence::Optional, stat.action);
                   });
}

void Parser::readCoordinate(const QJsonValue &v, const FieldPath &f, double limit, std::optional<double> &out)
{
    const std::optional<double> n = readNumber(v, f, Presence::Nullable);
    if (!n)
        return;
    if (!std::isfinite(*n) || std::abs(*n) > limit) {
        warnRange(f, v);
        return;
    }
    out = n;
}

void Parser::readRequester(const QJsonValue &v, Requester &r)
{
    constexpr QLatin1StringView name = "AccountInfo"_L1;
    if (!v.isObject()) {
        if (present(v, topField(name), Presence::Optional, Expected::Object))
            warnWrong(topField(name), Expected::Object, v);
        return;
    }
    const QJsonObject o = v.toObject();
    const auto field = [name](QLatin1StringView key) { return FieldPath{name, -1, key}; };
    readText(o.value("UserToken"_L1), field("UserToken"_L1), Presence::Optional, r.userToken);
    readText(o.value("FullName"_L1), field("FullName"_L1), Presence::Optional, r.fullName);
    readText(o.value("Email"_L1), field("Email"_L1), Presence::Optional, r.email);
    readTextOrNumber(o.value("MobileNumber"_L1), field("MobileNumber"_L1), Presence::Nullable,
                     r.mobileNumber);
    readTextOrNumber(o.value("UserType"_L1), field("UserType"_L1), Presence::Optional, r.userType);
    readText(o.value("UserAgent"_L1), field("UserAgent"_L1), Presence::Optional, r.userAgent);
    readText(o.value("IpAddress"_L1), field("IpAddress"_L1), Presence::Optional, r.ipAddress);
    readText(o.value("Language"_L1), field("Language"_L1), Presence::Optional, r.language);
    readCoordinate(o.value("GeoLat"_L1), field("GeoLat"_L1), 90.0, r.geoLat);
    readCoordinate(o.value("GeoLon"_L1), field("GeoLon"_L1), 180.0, r.geoLon);
    readText(o.value("SweepstakesName"_L1), field("SweepstakesName"_L1), Presence::Optional,
             r.sweepstakesName);
}

void Parser::readTicket(const QJsonObject &data, Ticket &t)
{
    // The parser sorts object keys, so each value() is a binary search.
    readCaseNumber(data.value("CaseNumber"_L1), topField("CaseNumber"_L1), t.caseNumber);
    readDate(data.value("Date"_L1), topField("Date"_L1), Presence::Required, t.created);
    readText(data.value("Subject"_L1), topField("Subject"_L1), Presence::Required, t.subject);
    readText(data.value("Description"_L1), topField("Description"_L1), Presence::Optional, t.descriptionHtml);
    readPriority(data.value("Priority"_L1), topField("Priority"_L1), t.priority);
    readStatus(data.value("Status"_L1), topField("Status"_L1), t.status);
    readText(data.value("ClosedBy"_L1), topField("ClosedBy"_L1), Presence::Nullable, t.closedBy);
    readDate(data.value("CloseDate"_L1), topField("CloseDate"_L1), Presence::Nullable, t.closeDate);
    readCompletion(data.value("Completion"_L1), t);
    readPin(data.value("Pin"_L1), t);
    readViews(data.value("Views"_L1), t);

    readResource(data.value("ResourceAffected"_L1), topField("ResourceAffected"_L1), t.resourceAffected);

    readNotifyUsers(data.value("NotifyUsers"_L1), t);
    readArray(data.value("Collaborators"_L1), topField("Collaborators"_L1), t.collaborators);
    readNotes(data.value("Notes"_L1), t);
    readStatistics(data.value("Statistics"_L1), t);
    readArray(data.value("Files"_L1), topField("Files"_L1), t.files);
    t.attachments = attachmentsFromJson(t.files);
    readArray(data.value("Documentation"_L1), topField("Documentation"_L1), t.documentation);
    readAsIs(data.value("Survey"_L1), topField("Survey"_L1), t.survey);
    readAsIs(data.value("AttachmentInfo"_L1), topField("AttachmentInfo"_L1), t.attachmentInfo);
    readAsIs(data.value("GitHubIssue"_L1), topField("GitHubIssue"_L1), t.gitHubIssue);
    readRequester(data.value("AccountInfo"_L1), t.requester);
    t.raw = data;
}

TicketResult Parser::parseResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                   const QString &caseNumber)
{
    TicketResult result;
    const Envelope envelope =
        readEnvelope(body, httpStatus, contentType, PayloadKind::Ticket, "Data"_L1, caseNumber);
    result.telemetry = envelope.telemetry;
    if (!envelope.ok()) {
        result.error = envelope.error;
        return result;
    }
    Parser parser(result.ticket.warnings);
    parser.readTicket(envelope.payload.toObject(), result.ticket);
    // The text as sent, for printing it as it came (shared, not copied; a
    // repaired answer is no longer the text that was read).
    if (!envelope.repaired)
        result.ticket.rawAnswer = body;
    if (!caseNumber.isEmpty() && !result.ticket.caseNumber.isEmpty() &&
        result.ticket.caseNumber.compare(caseNumber, Qt::CaseInsensitive) != 0) {
        result.ticket.warnings.append(
            {QStringLiteral("CaseNumber"),
             tr("CaseNumber: asked for %1, the server sent %2")
                 .arg(caseNumber, jsonValuePreview(QJsonValue(result.ticket.caseNumber)))});
    }
    return result;
}

} // namespace

TicketResult parseTicketResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                 const QString &caseNumber)
{
    return Parser::parseResponse(body, httpStatus, contentType, caseNumber);
}

Ticket parseTicketData(const QJsonObject &data)
{
    Ticket t;
    Parser parser(t.warnings);
    parser.readTicket(data, t);
    return t;
}

} // namespace CaseLens
