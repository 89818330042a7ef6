#include "core/ticketparser.h"

#include "core/attachments.h"
#include "core/envelope.h"
#include "core/fieldreader.h"
#include "core/jsontext.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <charconv>
#include <cmath>
#include <iterator>
#include <optional>

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

// The API's own shape, "2025-03-14T09:30:00.000Z" or "2025-03-14T09:30:00Z",
// read without QDateTime's string parsing: the instant is computed and handed
// over as milliseconds (no time zone lookup). nullopt: not that shape, ask Qt.
std::optional<QDateTime> parseFixedUtcDate(QStringView s)
{
    const bool millis = s.size() == 24;
    if (!(millis || s.size() == 20) || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' ||
        s[16] != u':' || s.back() != u'Z' || (millis && s[19] != u'.'))
        return std::nullopt;
    const int year = digitsAt(s, 0, 4);
    const int month = digitsAt(s, 5, 2);
    const int day = digitsAt(s, 8, 2);
    const int hour = digitsAt(s, 11, 2);
    const int minute = digitsAt(s, 14, 2);
    const int second = digitsAt(s, 17, 2);
    const int msec = millis ? digitsAt(s, 20, 3) : 0;
    if ((year | month | day | hour | minute | second | msec) < 0)
        return QDateTime(); // the shape with a non-digit: not a date
    if (hour == 24 && !millis)
        return std::nullopt; // Qt reads "T24:00:00Z" as the next midnight
    const QDate date(year, month, day);
    if (!date.isValid() || hour > 23 || minute > 59 || second > 59)
        return QDateTime();
    constexpr qint64 UnixEpochJulianDay = 2440588;
    constexpr qint64 MsecsPerDay = 86'400'000;
    const qint64 msecs = (date.toJulianDay() - UnixEpochJulianDay) * MsecsPerDay +
                         ((hour * 60 + minute) * 60 + second) * 1000 + msec;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

// The note's author, when the note carries one. The contract has no author
// field, but some accounts' notes do under one of these names; the first that
// holds text wins. Anything else reads as no author: the note itself is fine.
QString noteAuthor(const QJsonObject &note)
{
    static constexpr QLatin1StringView Keys[] = {"Author"_L1,   "AuthorName"_L1, "CreatedBy"_L1,
                                                 "UserName"_L1, "FullName"_L1,   "Name"_L1};
    for (const QLatin1StringView key : Keys) {
        const QJsonValue value = note.value(key);
        if (value.isString()) {
            const QString text = value.toString().trimmed();
            if (!text.isEmpty())
                return text;
        }
    }
    return {};
}

} // namespace

// Exposed for tests and benchmarks (declared in ticketparser.h).
QDateTime parseTicketDate(QStringView s)
{
    if (std::optional<QDateTime> fixed = parseFixedUtcDate(s))
        return *std::move(fixed);
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
        note.author = noteAuthor(o);
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

namespace {

// checkTicketResponse: the documented fields checked on the answer's text,
// for "would the typed parse warn?". Every rule is at least as strict as the
// parser's: false only means "let the parser judge".
enum class Rule {
    Text,           // a string (absent is fine, null warns)
    TextOrNull,     // Nullable text
    TextOrNumber,   // ids
    TextNumberNull, // MobileNumber
    Date,           // the API's date shape
    DateOrNull,     // CloseDate: also null or ""
    Priority,       // 1, 2 or 3
    Bool,           // Status
    Completion,     // a whole number 0..100
    Pin,            // true, false, 0, 1
    Views,          // a whole number >= 0
    List,           // Collaborators, Files, Documentation
    ListOfText,     // NotifyUsers
    Notes,
    Statistics,
    ObjectOrNull, // Survey, AttachmentInfo, GitHubIssue
    Latitude,
    Longitude,
    Account,
};

struct FieldRule
{
    QLatin1StringView key;
    Rule rule;
    bool required = false;
};

constexpr FieldRule DataRules[] = {
    {"CaseNumber"_L1, Rule::Text, true},
    {"Date"_L1, Rule::Date, true},
    {"Subject"_L1, Rule::Text, true},
    {"Description"_L1, Rule::Text},
    {"Priority"_L1, Rule::Priority, true},
    {"Status"_L1, Rule::Bool, true},
    {"ClosedBy"_L1, Rule::TextOrNull},
    {"CloseDate"_L1, Rule::DateOrNull},
    {"Completion"_L1, Rule::Completion},
    {"Pin"_L1, Rule::Pin},
    {"Views"_L1, Rule::Views},
    {"ResourceAffected"_L1, Rule::Text},
    {"NotifyUsers"_L1, Rule::ListOfText},
    {"Collaborators"_L1, Rule::List},
    {"Notes"_L1, Rule::Notes},
    {"Statistics"_L1, Rule::Statistics},
    {"Files"_L1, Rule::List},
    {"Documentation"_L1, Rule::List},
    {"Survey"_L1, Rule::ObjectOrNull},
    {"AttachmentInfo"_L1, Rule::ObjectOrNull},
    {"GitHubIssue"_L1, Rule::ObjectOrNull},
    {"AccountInfo"_L1, Rule::Account},
};
constexpr FieldRule NoteRules[] = {
    {"Id"_L1, Rule::TextOrNumber}, {"Date"_L1, Rule::Date}, {"Note"_L1, Rule::Text}};
constexpr FieldRule StatisticRules[] = {{"Id"_L1, Rule::TextOrNumber},
                                        {"Date"_L1, Rule::Date},
                                        {"UserToken"_L1, Rule::Text},
                                        {"Action"_L1, Rule::Text}};
constexpr FieldRule AccountRules[] = {
    {"UserToken"_L1, Rule::Text},
    {"FullName"_L1, Rule::Text},
    {"Email"_L1, Rule::Text},
    {"MobileNumber"_L1, Rule::TextNumberNull},
    {"UserType"_L1, Rule::TextOrNumber},
    {"UserAgent"_L1, Rule::Text},
    {"IpAddress"_L1, Rule::Text},
    {"Language"_L1, Rule::Text},
    {"GeoLat"_L1, Rule::Latitude},
    {"GeoLon"_L1, Rule::Longitude},
    {"SweepstakesName"_L1, Rule::Text},
};
static_assert(std::size(DataRules) <= 32, "one bit per field in checkObject");

qsizetype skipSpace(QByteArrayView json, qsizetype i)
{
    while (i < json.size() && isJsonSpace(json[i]))
        ++i;
    return i;
}

bool isStringText(QByteArrayView v)
{
    return v.startsWith('"');
}

bool isNumberText(QByteArrayView v)
{
    return !v.isEmpty() && (v.front() == '-' || isAsciiDigit(char16_t(v.front())));
}

// A whole number written as digits only (no sign, no fraction), at most 18.
std::optional<qint64> digitsOnly(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 18)
        return std::nullopt;
    qint64 n = 0;
    for (const char c : v) {
        if (!isAsciiDigit(char16_t(c)))
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool isCleanDate(QByteArrayView v)
{
    if (!isStringText(v) || (v.size() != 22 && v.size() != 26))
        return false;
    char16_t text[24];
    for (qsizetype i = 1; i + 1 < v.size(); ++i)
        text[i - 1] = char16_t(static_cast<unsigned char>(v[i]));
    const std::optional<QDateTime> date = parseFixedUtcDate(QStringView(text, v.size() - 2));
    return date && date->isValid();
}

bool isCleanCoordinate(QByteArrayView v, double limit)
{
    if (v == "null")
        return true;
    double d = 0;
    const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), d);
    return error == std::errc() && end == v.data() + v.size() && std::isfinite(d) && std::abs(d) <= limit;
}

template <typename F>
bool forEachElement(QByteArrayView array, F f)
{
    for (qsizetype i = skipSpace(array, 1); i < array.size() && array[i] != ']';) {
        const qsizetype end = jsonValueEnd(array, i);
        if (end < 0 || !f(array.sliced(i, end - i)))
            return false;
        i = skipSpace(array, end);
        if (i < array.size() && array[i] == ',')
            i = skipSpace(array, i + 1);
    }
    return true;
}

bool checkObject(QByteArrayView object, const FieldRule *rules, size_t ruleCount,
                 QByteArrayView *caseNumber = nullptr);

bool checkValue(Rule rule, QByteArrayView v)
{
    switch (rule) {
    case Rule::Text:
        return isStringText(v);
    case Rule::TextOrNull:
        return isStringText(v) || v == "null";
    case Rule::TextOrNumber:
        return isStringText(v) || isNumberText(v);
    case Rule::TextNumberNull:
        return isStringText(v) || isNumberText(v) || v == "null";
    case Rule::Date:
        return isCleanDate(v);
    case Rule::DateOrNull:
        return v == "null" || v == "\"\"" || isCleanDate(v);
    case Rule::Priority:
        return v == "1" || v == "2" || v == "3";
    case Rule::Bool:
        return v == "true" || v == "false";
    case Rule::Completion: {
        const std::optional<qint64> n = digitsOnly(v);
        return n && *n <= 100;
    }
    case Rule::Pin:
        return v == "true" || v == "false" || v == "0" || v == "1";
    case Rule::Views:
        return digitsOnly(v).has_value();
    case Rule::List:
        return v.startsWith('[');
    case Rule::ListOfText:
        return v.startsWith('[') && forEachElement(v, isStringText);
    case Rule::Notes:
    case Rule::Statistics: {
        const bool notes = rule == Rule::Notes;
        return v.startsWith('[') && forEachElement(v, [notes](QByteArrayView entry) {
                   return notes ? checkObject(entry, NoteRules, std::size(NoteRules))
                                : checkObject(entry, StatisticRules, std::size(StatisticRules));
               });
    }
    case Rule::ObjectOrNull:
        return v.startsWith('{') || v == "null";
    case Rule::Latitude:
        return isCleanCoordinate(v, 90.0);
    case Rule::Longitude:
        return isCleanCoordinate(v, 180.0);
    case Rule::Account:
        return checkObject(v, AccountRules, std::size(AccountRules));
    }
    return false;
}

// True when the typed parse would read every documented member of object
// without a warning: the right kinds, each at most once, required ones there,
// no key written with escapes (it might spell a documented one).
bool checkObject(QByteArrayView object, const FieldRule *rules, size_t ruleCount, QByteArrayView *caseNumber)
{
    if (!object.startsWith('{'))
        return false;
    quint32 seen = 0;
    for (qsizetype i = skipSpace(object, 1); i < object.size() && object[i] == '"';) {
        const qsizetype keyEnd = jsonValueEnd(object, i);
        if (keyEnd < 0)
            return false;
        const QByteArrayView key = object.sliced(i + 1, keyEnd - i - 2);
        if (key.contains('\\'))
            return false;
        i = skipSpace(object, skipSpace(object, keyEnd) + 1); // past the colon
        const qsizetype valueEnd = jsonValueEnd(object, i);
        if (valueEnd < 0)
            return false;
        const QByteArrayView value = object.sliced(i, valueEnd - i);
        for (size_t r = 0; r < ruleCount; ++r) {
            if (key != QByteArrayView(rules[r].key.data(), rules[r].key.size()))
                continue;
            if ((seen & (1u << r)) || !checkValue(rules[r].rule, value))
                return false;
            seen |= 1u << r;
            if (caseNumber && r == 0)
                *caseNumber = value;
            break;
        }
        i = skipSpace(object, valueEnd);
        if (i < object.size() && object[i] == ',')
            i = skipSpace(object, i + 1);
    }
    for (size_t r = 0; r < ruleCount; ++r) {
        if (rules[r].required && !(seen & (1u << r)))
            return false;
    }
    return true;
}

} // namespace

TicketResult checkTicketResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                 const QString &caseNumber)
{
    const auto judgedByTheParser = [&] {
        return parseTicketResponse(body, httpStatus, contentType, caseNumber);
    };
    if (httpStatus < 200 || httpStatus > 299 || body.size() > MaxTicketResponseBytes || !isPlainJson(body))
        return judgedByTheParser();
    const QByteArrayView data = jsonMemberText(body, "Data"_L1);
    QByteArrayView caseText;
    if (data.isEmpty() || !checkObject(data, DataRules, std::size(DataRules), &caseText) ||
        caseText.contains('\\'))
        return judgedByTheParser();
    const QString sentCase = QString::fromUtf8(caseText.sliced(1, caseText.size() - 2));
    if (!caseNumber.isEmpty() && sentCase.compare(caseNumber, Qt::CaseInsensitive) != 0)
        return judgedByTheParser(); // its warning
    // The envelope's verdict (Response, Code, Telemetry: the same reading as
    // the parser's) on the answer with Data's value left out.
    const qsizetype dataAt = data.data() - body.constData();
    QByteArray envelopeOnly;
    envelopeOnly.reserve(body.size() - data.size() + 2);
    envelopeOnly.append(body.constData(), dataAt)
        .append("{}")
        .append(data.data() + data.size(), body.size() - dataAt - data.size());
    const Envelope envelope =
        readEnvelope(envelopeOnly, httpStatus, contentType, PayloadKind::Ticket, "Data"_L1, caseNumber);
    if (!envelope.ok() || envelope.repaired)
        return judgedByTheParser();
    TicketResult result;
    result.telemetry = envelope.telemetry;
    result.ticket.caseNumber = sentCase;
    result.ticket.rawAnswer = body;
    return result;
}

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
