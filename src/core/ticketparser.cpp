#include "core/ticketparser.h"

#include "core/attachments.h"
#include "core/envelope.h"
#include "core/fieldreader.h"
#include "core/jsontext.h"
#include "core/plainticket.h"
#include "core/ticketfields.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>

using namespace Qt::StringLiterals;

namespace CaseLens {

using namespace TicketFields;

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

// Declared in core/ticketfields.h: the text reader reads dates with it too.
std::optional<QDateTime> TicketFields::parseFixedUtcDate(QStringView s)
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

namespace {

// The note's author, when the note carries one. The contract has no author
// field, but some accounts' notes do under one of several names (NoteKeys);
// values holds them in that order, and the first that holds text wins.
// Anything else reads as no author: the note itself is fine.
QString noteAuthor(std::span<const QJsonValue> values)
{
    for (const QJsonValue &value : values) {
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

template <size_t N>
constexpr std::array<QLatin1StringView, N> keysOf(const FieldRule (&rules)[N])
{
    std::array<QLatin1StringView, N> keys{};
    for (size_t i = 0; i < N; ++i)
        keys[i] = rules[i].key;
    return keys;
}

constexpr auto DataKeys = keysOf(DataRules);
constexpr auto AccountKeys = keysOf(AccountRules);
constexpr auto StatisticKeys = keysOf(StatisticRules);
// A note's fields, then the keys some accounts' notes carry an author under:
// see noteAuthor().
constexpr auto NoteKeys = keysOf(NoteRules);

// The values of the members of o named in keys, in that order (Undefined
// when absent). Once every member of o is found, the other keys are absent
// and not searched for (a note's author keys, usually). One value() a key:
// measured with Qt 6.4, walking the members costs more (key() builds a
// QString, about 390 instructions; comparing keys as QCborValues about 200
// each) than a search (about 440).
template <size_t N>
std::array<QJsonValue, N> membersNamed(const QJsonObject &o, const std::array<QLatin1StringView, N> &keys)
{
    std::array<QJsonValue, N> values;
    const qsizetype members = o.size();
    qsizetype found = 0;
    for (size_t i = 0; i < N; ++i) {
        if (found == members) {
            values[i] = QJsonValue(QJsonValue::Undefined);
            continue;
        }
        values[i] = o.value(keys[i]);
        found += values[i].isUndefined() ? 0 : 1;
    }
    return values;
}

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
        const auto m = membersNamed(o, NoteKeys);
        readTextOrNumber(m[slot(NoteRules, "Id"_L1)], field("Id"_L1), Presence::Optional, note.id);
        readDate(m[slot(NoteRules, "Date"_L1)], field("Date"_L1), Presence::Optional, note.date);
        readText(m[slot(NoteRules, "Note"_L1)], field("Note"_L1), Presence::Optional, note.html);
        note.author = noteAuthor(std::span(m).subspan(NoteAuthorAt));
    });
}

void Parser::readStatistics(const QJsonValue &v, Ticket &t)
{
    readObjectList(
        v, "Statistics"_L1, t.statistics,
        [this](const QJsonObject &o, const auto &field, StatisticEntry &stat) {
            const auto m = membersNamed(o, StatisticKeys);
            readTextOrNumber(m[slot(StatisticRules, "Id"_L1)], field("Id"_L1), Presence::Optional, stat.id);
            readDate(m[slot(StatisticRules, "Date"_L1)], field("Date"_L1), Presence::Optional, stat.date);
            readText(m[slot(StatisticRules, "UserToken"_L1)], field("UserToken"_L1), Presence::Optional,
                     stat.userToken);
            readText(m[slot(StatisticRules, "Action"_L1)], field("Action"_L1), Presence::Optional,
                     stat.action);
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
    const auto m = membersNamed(v.toObject(), AccountKeys);
    // Once a ticket: the key's slot found at run time.
    const auto member = [&m](QLatin1StringView key) -> const QJsonValue & {
        return m[size_t(std::find(AccountKeys.begin(), AccountKeys.end(), key) - AccountKeys.begin())];
    };
    const auto field = [name](QLatin1StringView key) { return FieldPath{name, -1, key}; };
    const auto text = [&](QLatin1StringView key, QString &out) {
        readText(member(key), field(key), Presence::Optional, out);
    };
    text("UserToken"_L1, r.userToken);
    text("FullName"_L1, r.fullName);
    text("Email"_L1, r.email);
    readTextOrNumber(member("MobileNumber"_L1), field("MobileNumber"_L1), Presence::Nullable, r.mobileNumber);
    readTextOrNumber(member("UserType"_L1), field("UserType"_L1), Presence::Optional, r.userType);
    text("UserAgent"_L1, r.userAgent);
    text("IpAddress"_L1, r.ipAddress);
    text("Language"_L1, r.language);
    readCoordinate(member("GeoLat"_L1), field("GeoLat"_L1), 90.0, r.geoLat);
    readCoordinate(member("GeoLon"_L1), field("GeoLon"_L1), 180.0, r.geoLon);
    text("SweepstakesName"_L1, r.sweepstakesName);
}

void Parser::readTicket(const QJsonObject &data, Ticket &t)
{
    const auto m = membersNamed(data, DataKeys);
    readCaseNumber(m[slot(DataRules, "CaseNumber"_L1)], topField("CaseNumber"_L1), t.caseNumber);
    readDate(m[slot(DataRules, "Date"_L1)], topField("Date"_L1), Presence::Required, t.created);
    readText(m[slot(DataRules, "Subject"_L1)], topField("Subject"_L1), Presence::Required, t.subject);
    readText(m[slot(DataRules, "Description"_L1)], topField("Description"_L1), Presence::Optional,
             t.descriptionHtml);
    readPriority(m[slot(DataRules, "Priority"_L1)], topField("Priority"_L1), t.priority);
    readStatus(m[slot(DataRules, "Status"_L1)], topField("Status"_L1), t.status);
    readText(m[slot(DataRules, "ClosedBy"_L1)], topField("ClosedBy"_L1), Presence::Nullable, t.closedBy);
    readDate(m[slot(DataRules, "CloseDate"_L1)], topField("CloseDate"_L1), Presence::Nullable, t.closeDate);
    readCompletion(m[slot(DataRules, "Completion"_L1)], t);
    readPin(m[slot(DataRules, "Pin"_L1)], t);
    readViews(m[slot(DataRules, "Views"_L1)], t);

    readResource(m[slot(DataRules, "ResourceAffected"_L1)], topField("ResourceAffected"_L1),
                 t.resourceAffected);

    readNotifyUsers(m[slot(DataRules, "NotifyUsers"_L1)], t);
    readArray(m[slot(DataRules, "Collaborators"_L1)], topField("Collaborators"_L1), t.collaborators);
    readNotes(m[slot(DataRules, "Notes"_L1)], t);
    readStatistics(m[slot(DataRules, "Statistics"_L1)], t);
    readArray(m[slot(DataRules, "Files"_L1)], topField("Files"_L1), t.files);
    t.attachments = attachmentsFromJson(t.files);
    readArray(m[slot(DataRules, "Documentation"_L1)], topField("Documentation"_L1), t.documentation);
    readAsIs(m[slot(DataRules, "Survey"_L1)], topField("Survey"_L1), t.survey);
    readAsIs(m[slot(DataRules, "AttachmentInfo"_L1)], topField("AttachmentInfo"_L1), t.attachmentInfo);
    readAsIs(m[slot(DataRules, "GitHubIssue"_L1)], topField("GitHubIssue"_L1), t.gitHubIssue);
    readRequester(m[slot(DataRules, "AccountInfo"_L1)], t.requester);
    t.raw = RawData(data);
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

TicketResult checkTicketResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                 const QString &caseNumber)
{
    if (std::optional<TicketResult> plain =
            readPlainTicketResponse(body, httpStatus, contentType, caseNumber, PlainRead::Check))
        return *std::move(plain);
    return parseTicketResponseWithTree(body, httpStatus, contentType, caseNumber);
}

TicketResult parseTicketResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                 const QString &caseNumber)
{
    if (std::optional<TicketResult> plain =
            readPlainTicketResponse(body, httpStatus, contentType, caseNumber, PlainRead::Ticket))
        return *std::move(plain);
    return parseTicketResponseWithTree(body, httpStatus, contentType, caseNumber);
}

TicketResult parseTicketResponseWithTree(const QByteArray &body, int httpStatus,
                                         const QByteArray &contentType, const QString &caseNumber)
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
