#include "core/ticketparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

// How many characters of an offending value a warning shows.
constexpr qsizetype ShownValueChars = 40;
// How much of the server's Message an error keeps (it is shown to the user).
constexpr qsizetype MaxServerMessageChars = 500;
// How much of an unreadable body the technical detail quotes.
constexpr qsizetype BodyPreviewBytes = 120;

// Where a warning points: "Priority", "AccountInfo.GeoLat", "Notes[3]",
// "Notes[3].Date". Built into a string only when a warning is emitted, so the
// fast path (thousands of notes) allocates nothing for field names.
struct FieldPath
{
    QLatin1StringView parent;
    qsizetype index = -1;
    QLatin1StringView name;

    [[nodiscard]] QString toString() const
    {
        if (parent.isEmpty())
            return QString(name);
        QString s = parent;
        if (index >= 0)
            s += u'[' + QString::number(index) + u']';
        if (!name.isEmpty())
            s += u'.' + name;
        return s;
    }
};

constexpr FieldPath topField(QLatin1StringView name)
{
    return {{}, -1, name};
}

// Missing: a key that is absent. Null: the key is there with null.
enum class Presence {
    Optional, // missing is normal, null warns
    Required, // missing and null warn (the core fields)
    Nullable, // missing and null are both normal
};

enum class Expected { Text, Number, Bool, Date, Object, List, TextOrNumber };

// A number as JSON shows it: integers without a fraction, others shortest.
QString numberText(const QJsonValue &v)
{
    const double d = v.toDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.2e18)
        return QString::number(v.toInteger(static_cast<qint64>(d)));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

void appendQuoted(QString &out, QStringView s, qsizetype limit)
{
    out += u'"';
    for (const QChar c : s) {
        if (out.size() > limit)
            break;
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\""_L1;
            break;
        case u'\\':
            out += "\\\\"_L1;
            break;
        case u'\n':
            out += "\\n"_L1;
            break;
        case u'\r':
            out += "\\r"_L1;
            break;
        case u'\t':
            out += "\\t"_L1;
            break;
        default:
            if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0)) { // C0, DEL, C1
                out += "\\u"_L1 + QString::number(u, 16).rightJustified(4, u'0');
            } else {
                out += c;
            }
        }
    }
    out += u'"';
}

// JSON-ish rendering that stops as soon as the text is longer than limit, so
// a huge or deeply nested value costs no more than a small one.
void appendJsonish(QString &out, const QJsonValue &v, qsizetype limit)
{
    if (out.size() > limit)
        return;
    switch (v.type()) {
    case QJsonValue::Null:
        out += "null"_L1;
        return;
    case QJsonValue::Bool:
        out += v.toBool() ? "true"_L1 : "false"_L1;
        return;
    case QJsonValue::Double:
        out += numberText(v);
        return;
    case QJsonValue::String:
        appendQuoted(out, v.toString(), limit);
        return;
    case QJsonValue::Array: {
        out += u'[';
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size() && out.size() <= limit; ++i) {
            if (i > 0)
                out += u',';
            appendJsonish(out, array.at(i), limit);
        }
        out += u']';
        return;
    }
    case QJsonValue::Object: {
        out += u'{';
        const QJsonObject object = v.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd() && out.size() <= limit; ++it) {
            if (!first)
                out += u',';
            first = false;
            appendQuoted(out, it.key(), limit);
            out += u':';
            appendJsonish(out, it.value(), limit);
        }
        out += u'}';
        return;
    }
    case QJsonValue::Undefined:
        out += "undefined"_L1;
        return;
    }
}

// The offending value for a warning: JSON-ish, at most ShownValueChars.
QString shownValue(const QJsonValue &v)
{
    QString out;
    appendJsonish(out, v, ShownValueChars);
    if (out.size() > ShownValueChars) {
        out.truncate(ShownValueChars - 1);
        if (out.back().isHighSurrogate())
            out.chop(1);
        out += u'\u2026';
    }
    return out;
}

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

// All the parsing, with the translation context "CaseLens::TicketParser".
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::TicketParser)

public:
    explicit Parser(QList<ParseWarning> &warnings)
        : m_warnings(warnings)
    {}

    void readTicket(const QJsonObject &data, Ticket &t);

    static TicketResult parseResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                      const QString &caseNumber);

private:
    void warn(const FieldPath &f, QString message) { m_warnings.append({f.toString(), std::move(message)}); }
    void warnMissing(const FieldPath &f);
    void warnWrong(const FieldPath &f, Expected expected, const QJsonValue &v);
    void warnRange(const FieldPath &f, const QJsonValue &v);

    // Handles missing and null; true when there is a value to read.
    bool present(const QJsonValue &v, const FieldPath &f, Presence p, Expected expected);

    void readText(const QJsonValue &v, const FieldPath &f, Presence p, QString &out);
    void readTextOrNumber(const QJsonValue &v, const FieldPath &f, Presence p, QString &out);
    void readDate(const QJsonValue &v, const FieldPath &f, Presence p, QDateTime &out);
    std::optional<double> readNumber(const QJsonValue &v, const FieldPath &f, Presence p);
    void readArray(const QJsonValue &v, const FieldPath &f, QJsonArray &out);
    void readAsIs(const QJsonValue &v, const FieldPath &f, QJsonValue &out);

    void readCaseNumber(const QJsonValue &v, Ticket &t);
    void readPriority(const QJsonValue &v, Ticket &t);
    void readStatus(const QJsonValue &v, Ticket &t);
    void readCompletion(const QJsonValue &v, Ticket &t);
    void readViews(const QJsonValue &v, Ticket &t);
    void readPin(const QJsonValue &v, Ticket &t);
    void readNotifyUsers(const QJsonValue &v, Ticket &t);
    void readNotes(const QJsonValue &v, Ticket &t);
    void readStatistics(const QJsonValue &v, Ticket &t);
    void readRequester(const QJsonValue &v, Requester &r);
    void readCoordinate(const QJsonValue &v, const FieldPath &f, double limit, std::optional<double> &out);

    QList<ParseWarning> &m_warnings;
};

void Parser::warnMissing(const FieldPath &f)
{
    const QString field = f.toString();
    m_warnings.append({field, tr("%1: missing").arg(field)});
}

void Parser::warnWrong(const FieldPath &f, Expected expected, const QJsonValue &v)
{
    const QString field = f.toString();
    const QString got = shownValue(v);
    QString message;
    switch (expected) {
    case Expected::Text:
        message = tr("%1: expected text, got %2").arg(field, got);
        break;
    case Expected::Number:
        message = tr("%1: expected a number, got %2").arg(field, got);
        break;
    case Expected::Bool:
        message = tr("%1: expected true or false, got %2").arg(field, got);
        break;
    case Expected::Date:
        message = tr("%1: expected a date, got %2").arg(field, got);
        break;
    case Expected::Object:
        message = tr("%1: expected an object, got %2").arg(field, got);
        break;
    case Expected::List:
        message = tr("%1: expected a list, got %2").arg(field, got);
        break;
    case Expected::TextOrNumber:
        message = tr("%1: expected text or a number, got %2").arg(field, got);
        break;
    }
    m_warnings.append({field, message});
}

void Parser::warnRange(const FieldPath &f, const QJsonValue &v)
{
    const QString field = f.toString();
    m_warnings.append({field, tr("%1: value out of range, got %2").arg(field, shownValue(v))});
}

bool Parser::present(const QJsonValue &v, const FieldPath &f, Presence p, Expected expected)
{
    if (v.isUndefined()) {
        if (p == Presence::Required)
            warnMissing(f);
        return false;
    }
    if (v.isNull()) {
        if (p != Presence::Nullable)
            warnWrong(f, expected, v);
        return false;
    }
    return true;
}

void Parser::readText(const QJsonValue &v, const FieldPath &f, Presence p, QString &out)
{
    if (v.isString()) {
        out = v.toString();
        return;
    }
    if (present(v, f, p, Expected::Text))
        warnWrong(f, Expected::Text, v);
}

void Parser::readTextOrNumber(const QJsonValue &v, const FieldPath &f, Presence p, QString &out)
{
    if (v.isString()) {
        out = v.toString();
        return;
    }
    if (v.isDouble()) {
        out = numberText(v);
        return;
    }
    if (present(v, f, p, Expected::TextOrNumber))
        warnWrong(f, Expected::TextOrNumber, v);
}

void Parser::readDate(const QJsonValue &v, const FieldPath &f, Presence p, QDateTime &out)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (s.isEmpty() && p == Presence::Nullable)
            return; // "" where null belongs: not closed
        QDateTime dt = parseTicketDate(s);
        if (dt.isValid())
            out = std::move(dt);
        else
            warnWrong(f, Expected::Date, v);
        return;
    }
    if (present(v, f, p, Expected::Date))
        warnWrong(f, Expected::Date, v);
}

// A JSON number, or a string holding one (used, with a warning).
std::optional<double> Parser::readNumber(const QJsonValue &v, const FieldPath &f, Presence p)
{
    if (v.isDouble())
        return v.toDouble();
    if (!present(v, f, p, Expected::Number))
        return std::nullopt;
    warnWrong(f, Expected::Number, v);
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

void Parser::readArray(const QJsonValue &v, const FieldPath &f, QJsonArray &out)
{
    if (v.isArray()) {
        out = v.toArray();
        return;
    }
    if (!present(v, f, Presence::Optional, Expected::List))
        return;
    warnWrong(f, Expected::List, v);
    if (v.isObject())
        out = QJsonArray{v};
}

void Parser::readAsIs(const QJsonValue &v, const FieldPath &f, QJsonValue &out)
{
    if (v.isUndefined())
        return;
    out = v;
    if (!v.isObject() && !v.isNull())
        warnWrong(f, Expected::Object, v);
}

void Parser::readCaseNumber(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("CaseNumber"_L1);
    if (v.isString()) {
        t.caseNumber = v.toString();
        return;
    }
    if (!present(v, f, Presence::Required, Expected::Text))
        return;
    warnWrong(f, Expected::Text, v);
    if (v.isDouble()) // all-digit case numbers ("2650478") sent as a number
        t.caseNumber = numberText(v);
}

void Parser::readPriority(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("Priority"_L1);
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == 1.0 || d == 2.0 || d == 3.0)
            t.priority = static_cast<Priority>(static_cast<int>(d));
        else
            warnRange(f, v);
        return;
    }
    if (!present(v, f, Presence::Required, Expected::Number))
        return;
    warnWrong(f, Expected::Number, v);
    if (!v.isString())
        return;
    const QString s = v.toString().trimmed();
    if (s == u"1" || s.compare("low"_L1, Qt::CaseInsensitive) == 0)
        t.priority = Priority::Low;
    else if (s == u"2" || s.compare("medium"_L1, Qt::CaseInsensitive) == 0)
        t.priority = Priority::Medium;
    else if (s == u"3" || s.compare("high"_L1, Qt::CaseInsensitive) == 0)
        t.priority = Priority::High;
}

void Parser::readStatus(const QJsonValue &v, Ticket &t)
{
    constexpr FieldPath f = topField("Status"_L1);
    if (v.isBool()) {
        t.status = v.toBool() ? TicketStatus::Closed : TicketStatus::Open;
        return;
    }
    if (!present(v, f, Presence::Required, Expected::Bool))
        return;
    if (v.isString()) { // some endpoints send "Open"/"Closed"
        const QString s = v.toString().trimmed();
        if (s.compare("open"_L1, Qt::CaseInsensitive) == 0) {
            t.status = TicketStatus::Open;
            return;
        }
        if (s.compare("closed"_L1, Qt::CaseInsensitive) == 0) {
            t.status = TicketStatus::Closed;
            return;
        }
    }
    warnWrong(f, Expected::Bool, v);
}

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

void Parser::readNotes(const QJsonValue &v, Ticket &t)
{
    constexpr QLatin1StringView name = "Notes"_L1;
    if (!v.isArray()) {
        if (present(v, topField(name), Presence::Optional, Expected::List))
            warnWrong(topField(name), Expected::List, v);
        return;
    }
    const QJsonArray array = v.toArray();
    t.notes.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject()) {
            warnWrong({name, i, {}}, Expected::Object, entry);
            continue;
        }
        const QJsonObject o = entry.toObject();
        Note note;
        readTextOrNumber(o.value("Id"_L1), {name, i, "Id"_L1}, Presence::Optional, note.id);
        readDate(o.value("Date"_L1), {name, i, "Date"_L1}, Presence::Optional, note.date);
        readText(o.value("Note"_L1), {name, i, "Note"_L1}, Presence::Optional, note.html);
        t.notes.append(std::move(note));
    }
}

void Parser::readStatistics(const QJsonValue &v, Ticket &t)
{
    constexpr QLatin1StringView name = "Statistics"_L1;
    if (!v.isArray()) {
        if (present(v, topField(name), Presence::Optional, Expected::List))
            warnWrong(topField(name), Expected::List, v);
        return;
    }
    const QJsonArray array = v.toArray();
    t.statistics.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject()) {
            warnWrong({name, i, {}}, Expected::Object, entry);
            continue;
        }
        const QJsonObject o = entry.toObject();
        StatisticEntry stat;
        readTextOrNumber(o.value("Id"_L1), {name, i, "Id"_L1}, Presence::Optional, stat.id);
        readDate(o.value("Date"_L1), {name, i, "Date"_L1}, Presence::Optional, stat.date);
        readText(o.value("UserToken"_L1), {name, i, "UserToken"_L1}, Presence::Optional, stat.userToken);
        readText(o.value("Action"_L1), {name, i, "Action"_L1}, Presence::Optional, stat.action);
        t.statistics.append(std::move(stat));
    }
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
    readCaseNumber(data.value("CaseNumber"_L1), t);
    readDate(data.value("Date"_L1), topField("Date"_L1), Presence::Required, t.created);
    readText(data.value("Subject"_L1), topField("Subject"_L1), Presence::Required, t.subject);
    readText(data.value("Description"_L1), topField("Description"_L1), Presence::Optional, t.descriptionHtml);
    readPriority(data.value("Priority"_L1), t);
    readStatus(data.value("Status"_L1), t);
    readText(data.value("ClosedBy"_L1), topField("ClosedBy"_L1), Presence::Nullable, t.closedBy);
    readDate(data.value("CloseDate"_L1), topField("CloseDate"_L1), Presence::Nullable, t.closeDate);
    readCompletion(data.value("Completion"_L1), t);
    readPin(data.value("Pin"_L1), t);
    readViews(data.value("Views"_L1), t);

    QString resource;
    readText(data.value("ResourceAffected"_L1), topField("ResourceAffected"_L1), Presence::Optional,
             resource);
    t.resourceAffected = resource.trimmed().toLower();

    readNotifyUsers(data.value("NotifyUsers"_L1), t);
    readArray(data.value("Collaborators"_L1), topField("Collaborators"_L1), t.collaborators);
    readNotes(data.value("Notes"_L1), t);
    readStatistics(data.value("Statistics"_L1), t);
    readArray(data.value("Files"_L1), topField("Files"_L1), t.files);
    readArray(data.value("Documentation"_L1), topField("Documentation"_L1), t.documentation);
    readAsIs(data.value("Survey"_L1), topField("Survey"_L1), t.survey);
    readAsIs(data.value("AttachmentInfo"_L1), topField("AttachmentInfo"_L1), t.attachmentInfo);
    readAsIs(data.value("GitHubIssue"_L1), topField("GitHubIssue"_L1), t.gitHubIssue);
    readRequester(data.value("AccountInfo"_L1), t.requester);
    t.raw = data;
}

// ---------------------------------------------------------------------------
// The envelope

QByteArrayView withoutBom(QByteArrayView body)
{
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    return body;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QByteArrayView trimmedBody(QByteArrayView body)
{
    body = withoutBom(body);
    while (!body.isEmpty() && isJsonSpace(body.front()))
        body = body.sliced(1);
    while (!body.isEmpty() && isJsonSpace(body.back()))
        body.chop(1);
    return body;
}

bool looksLikeHtml(QByteArrayView trimmed, const QByteArray &contentType)
{
    return contentType.toLower().contains("html") || trimmed.startsWith('<');
}

// C0 and C1 controls and DEL: terminal escapes (ESC, CSI U+009B) and line
// breaks have no place in one-line texts shown to a person.
bool isControlCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
}

// The start of a body, readable in a details view (no control characters).
QString bodyPreview(QByteArrayView trimmed)
{
    QString s = QString::fromUtf8(trimmed.first(std::min(trimmed.size(), BodyPreviewBytes)));
    for (QChar &c : s) {
        if (isControlCharacter(c))
            c = u' ';
    }
    s = s.simplified();
    if (trimmed.size() > BodyPreviewBytes)
        s += u'\u2026';
    return s;
}

QString envelopeMessage(const QJsonObject &envelope)
{
    const QJsonValue v = envelope.value("Message"_L1);
    if (!v.isString())
        return {};
    // Shown in a label and printed by the CLI: control characters (a
    // terminal escape sequence from a hostile server) become spaces.
    QString s = v.toString();
    for (QChar &c : s) {
        if (isControlCharacter(c))
            c = u' ';
    }
    s = s.simplified();
    if (s.size() > MaxServerMessageChars) {
        s.truncate(MaxServerMessageChars);
        if (s.back().isHighSurrogate())
            s.chop(1);
        s += u'\u2026';
    }
    return s;
}

// The envelope's Code as an HTTP status, 0 when absent or not a status.
int envelopeCode(const QJsonObject &envelope)
{
    const QJsonValue v = envelope.value("Code"_L1);
    double code = 0;
    if (v.isDouble()) {
        code = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        code = v.toString().trimmed().toInt(&ok);
        if (!ok)
            return 0;
    }
    if (code >= 100 && code <= 599 && std::trunc(code) == code)
        return static_cast<int>(code);
    return 0;
}

bool isFalse(const QJsonValue &v)
{
    if (v.isBool())
        return !v.toBool();
    if (v.isDouble())
        return v.toDouble() == 0.0;
    if (v.isString())
        return v.toString().trimmed().compare("false"_L1, Qt::CaseInsensitive) == 0;
    return false;
}

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Qt's reader refuses numbers outside the range of a double (1e309, 1e-400,
// 400 digits) as "illegal number", which would hide a whole ticket for one
// absurd count. Such a number is read as the text it is instead: its field
// then gets the usual "expected a number" warning. Bounded: a few numbers,
// then the answer is refused as before.
QJsonDocument parseJson(const QByteArray &body, QJsonParseError &error, bool &wasRepaired)
{
    constexpr int MaxRepairedNumbers = 8;
    wasRepaired = false;
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::IllegalNumber)
        return doc;
    QByteArray repaired = body;
    QJsonParseError repairedError = error;
    for (int i = 0; i < MaxRepairedNumbers && repairedError.error == QJsonParseError::IllegalNumber; ++i) {
        const qsizetype end = repairedError.offset; // just past the number
        if (end <= 0 || end > repaired.size())
            break;
        qsizetype start = end;
        while (start > 0 && isNumberChar(repaired[start - 1]))
            --start;
        if (start == end)
            break;
        repaired.insert(end, '"');
        repaired.insert(start, '"');
        QJsonDocument repairedDoc = QJsonDocument::fromJson(repaired, &repairedError);
        if (repairedError.error == QJsonParseError::NoError) {
            error = repairedError;
            wasRepaired = true;
            return repairedDoc;
        }
    }
    return doc; // refused, with the error of the answer as it came
}

Error withDetail(const Error &e, const QString &detail)
{
    return {e.kind(), e.message(), detail, e.httpStatus(), e.serverMessage()};
}

TicketResult Parser::parseResponse(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                   const QString &caseNumber)
{
    TicketResult result;
    if (body.size() > MaxTicketResponseBytes) {
        const auto mb = [](qint64 bytes) {
            return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
        };
        result.error =
            Error(ErrorKind::TooLarge,
                  tr("The server's answer is too large to show (%1 MB; CaseLens reads at most %2 MB).")
                      .arg(mb(body.size()), mb(MaxTicketResponseBytes)),
                  tr("%1 bytes received, limit %2 bytes.").arg(body.size()).arg(MaxTicketResponseBytes),
                  httpStatus);
        return result;
    }

    const QByteArrayView trimmed = trimmedBody(body);
    const bool html = looksLikeHtml(trimmed, contentType);
    QJsonParseError parseError{};
    // fromJson skips a UTF-8 BOM itself and refuses nesting deeper than 1024
    // (iteratively bounded: 100,000 '[' is an error, not a stack overflow).
    bool repaired = false;
    const QJsonDocument doc = parseJson(body, parseError, repaired);
    const bool parsed = parseError.error == QJsonParseError::NoError;
    const QJsonObject envelope = parsed && doc.isObject() ? doc.object() : QJsonObject();
    const QString serverMessage = envelopeMessage(envelope);

    const auto unreadableDetail = [&]() {
        QStringList lines;
        if (!parsed)
            lines << tr("JSON error at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        else if (doc.isArray())
            lines << tr("Expected a JSON object at the top level, got an array.");
        if (!contentType.isEmpty())
            lines << tr("Content-Type: %1").arg(QString::fromLatin1(contentType));
        if (trimmed.isEmpty())
            lines << tr("The answer was empty.");
        else
            lines << tr("The answer begins with: %1").arg(bodyPreview(trimmed));
        return lines.join(u'\n');
    };

    if (httpStatus != 200) {
        const Error e = Error::fromHttpStatus(httpStatus, serverMessage, caseNumber);
        if (parsed && doc.isObject())
            result.error = e;
        else if (html)
            result.error = withDetail(e, tr("The server sent a web page instead of ticket data.") + u'\n' +
                                             unreadableDetail());
        else
            result.error = withDetail(e, unreadableDetail());
        return result;
    }

    if (!parsed || !doc.isObject()) {
        QString message;
        if (html)
            message = tr("The server sent a web page instead of ticket data.");
        else if (trimmed.isEmpty())
            message = tr("The server's answer could not be read (it was empty).");
        else if (!parsed && (parseError.error == QJsonParseError::UnterminatedObject ||
                             parseError.error == QJsonParseError::UnterminatedArray ||
                             parseError.error == QJsonParseError::UnterminatedString ||
                             parseError.offset >= body.size()))
            message = tr("The server's answer could not be read (it was cut off).");
        else
            message = tr("The server's answer could not be read (it is not ticket data).");
        result.error = Error(ErrorKind::MalformedResponse, message, unreadableDetail(), httpStatus);
        return result;
    }

    const int code = envelopeCode(envelope);
    if (isFalse(envelope.value("Response"_L1))) {
        if (code != 0 && code != 200) {
            result.error = withDetail(Error::fromHttpStatus(code, serverMessage, caseNumber),
                                      tr("HTTP 200 with Response false and Code %1.").arg(code));
        } else {
            const QString message = serverMessage.isEmpty()
                                        ? tr("The server reported a problem but did not say what.")
                                        : tr("The server reported a problem: %1").arg(serverMessage);
            result.error =
                Error(ErrorKind::ServerError, message, tr("HTTP 200 with Response false and no usable Code."),
                      httpStatus, serverMessage);
        }
        return result;
    }

    const QJsonValue data = envelope.value("Data"_L1);
    if (!data.isObject()) {
        if (code != 0 && code != 200) { // an error envelope without Response
            result.error = withDetail(Error::fromHttpStatus(code, serverMessage, caseNumber),
                                      tr("HTTP 200 without Data, with Code %1.").arg(code));
            return result;
        }
        QString detail;
        if (data.isUndefined())
            detail = tr("The answer has no Data.");
        else
            detail = tr("Data is %1, not an object.").arg(shownValue(data));
        result.error =
            Error(ErrorKind::MalformedResponse, tr("The server's answer did not contain a ticket."), detail,
                  httpStatus, serverMessage);
        return result;
    }

    Parser parser(result.ticket.warnings);
    parser.readTicket(data.toObject(), result.ticket);
    // The text as sent, for printing it as it came (shared, not copied; a
    // repaired answer is no longer the text that was read).
    if (!repaired)
        result.ticket.rawAnswer = body;
    if (!caseNumber.isEmpty() && !result.ticket.caseNumber.isEmpty() &&
        result.ticket.caseNumber.compare(caseNumber, Qt::CaseInsensitive) != 0) {
        result.ticket.warnings.append(
            {QStringLiteral("CaseNumber"),
             tr("CaseNumber: asked for %1, the server sent %2")
                 .arg(caseNumber, shownValue(QJsonValue(result.ticket.caseNumber)))});
    }
    return result;
}

// ---------------------------------------------------------------------------
// JSON text as sent: finding a member, compacting

// Index just past the string starting at json[i] (a '"'), or -1.
qsizetype skipJsonString(QByteArrayView json, qsizetype i)
{
    const char *const data = json.data();
    const qsizetype n = json.size();
    qsizetype from = i + 1;
    while (from < n) {
        const void *found = std::memchr(data + from, '"', size_t(n - from));
        if (!found)
            return -1;
        const qsizetype quote = static_cast<const char *>(found) - data;
        qsizetype backslashes = 0;
        while (quote - backslashes - 1 >= from && data[quote - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return quote + 1;
        from = quote + 1; // an escaped quote
    }
    return -1;
}

// Index just past the value starting at json[i], or -1.
qsizetype skipJsonValue(QByteArrayView json, qsizetype i)
{
    const char *const data = json.data();
    const qsizetype n = json.size();
    if (i >= n)
        return -1;
    const char first = data[i];
    if (first == '"')
        return skipJsonString(json, i);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (i < n) {
            const char c = data[i];
            if (c == '"') {
                i = skipJsonString(json, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }
    while (i < n && data[i] != ',' && data[i] != '}' && data[i] != ']' && !isJsonSpace(data[i]))
        ++i; // a number, true, false, null
    return i;
}

qsizetype skipJsonSpace(QByteArrayView json, qsizetype i)
{
    while (i < json.size() && isJsonSpace(json[i]))
        ++i;
    return i;
}

} // namespace

QByteArrayView jsonMemberText(QByteArrayView json, QLatin1StringView key)
{
    json = withoutBom(json);
    qsizetype i = skipJsonSpace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return {};
    i = skipJsonSpace(json, i + 1);
    if (i < json.size() && json[i] == '}')
        return {};
    QByteArrayView found;
    while (i < json.size() && json[i] == '"') {
        const qsizetype keyEnd = skipJsonString(json, i);
        if (keyEnd < 0)
            return {};
        const QByteArrayView name = json.sliced(i + 1, keyEnd - i - 2);
        i = skipJsonSpace(json, keyEnd);
        if (i >= json.size() || json[i] != ':')
            return {};
        const qsizetype valueStart = skipJsonSpace(json, i + 1);
        const qsizetype valueEnd = skipJsonValue(json, valueStart);
        if (valueEnd < 0)
            return {};
        if (name == QByteArrayView(key.data(), key.size())) {
            if (!found.isNull())
                return {}; // twice: which one a reader keeps is its own choice
            found = json.sliced(valueStart, valueEnd - valueStart);
        } else if (name.contains('\\')) {
            return {}; // "D\u0061ta" would be the member too
        }
        i = skipJsonSpace(json, valueEnd);
        if (i < json.size() && json[i] == ',') {
            i = skipJsonSpace(json, i + 1);
            continue;
        }
        if (i < json.size() && json[i] == '}')
            return found;
        return {};
    }
    return {};
}

QByteArray compactJson(QByteArrayView json)
{
    static constexpr char hex[] = "0123456789abcdef";
    const char *const data = json.data();
    const qsizetype n = json.size();
    QByteArray out;
    out.reserve(n);
    qsizetype i = 0;
    while (i < n) {
        const char c = data[i];
        if (isJsonSpace(c)) {
            ++i;
        } else if (c == '"') {
            out.append('"');
            ++i;
            while (i < n) {
                const qsizetype start = i;
                while (i < n && static_cast<unsigned char>(data[i]) >= 0x20 && data[i] != 0x7f &&
                       data[i] != '"' && data[i] != '\\')
                    ++i;
                out.append(data + start, i - start);
                if (i >= n)
                    break;
                const char s = data[i];
                if (s == '"') {
                    out.append('"');
                    ++i;
                    break;
                }
                if (s == '\\') {
                    out.append(data + i, std::min<qsizetype>(2, n - i)); // the escape as sent
                    i += 2;
                } else { // a control character: escaped, so the line stays one line
                    const auto u = static_cast<unsigned char>(s);
                    const char escape[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
                    out.append(escape, sizeof escape);
                    ++i;
                }
            }
        } else {
            const qsizetype start = i;
            while (i < n && data[i] != '"' && !isJsonSpace(data[i]))
                ++i;
            out.append(data + start, i - start);
        }
    }
    return out;
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
