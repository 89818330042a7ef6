#include "core/plainticket.h"

#include "core/attachments.h"
#include "core/envelope.h"
#include "core/jsontext.h"
#include "core/ticketfields.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <charconv>
#include <cmath>
#include <span>

using namespace Qt::StringLiterals;

namespace CaseLens {

using namespace TicketFields;

namespace {

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

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
    return !v.isEmpty() && (v.front() == '-' || isAsciiDigit(v.front()));
}

// A whole number written as digits only (no sign, no fraction), at most 18.
std::optional<qint64> digitsOnly(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 18)
        return std::nullopt;
    qint64 n = 0;
    for (const char c : v) {
        if (!isAsciiDigit(c))
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

// The date a string in the API's shape holds; invalid when it holds none.
QDateTime cleanDate(QByteArrayView v)
{
    if (!isStringText(v) || (v.size() != 22 && v.size() != 26))
        return {};
    char16_t text[24];
    for (qsizetype i = 1; i + 1 < v.size(); ++i)
        text[i - 1] = char16_t(static_cast<unsigned char>(v[i]));
    std::optional<QDateTime> date = parseFixedUtcDate(QStringView(text, v.size() - 2));
    return date ? *std::move(date) : QDateTime();
}

std::optional<double> cleanCoordinate(QByteArrayView v, double limit)
{
    double d = 0;
    const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (error != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || std::abs(d) > limit)
        return std::nullopt;
    return d;
}

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6))).append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xE0 | (c >> 12)))
            .append(char(0x80 | ((c >> 6) & 0x3F)))
            .append(char(0x80 | (c & 0x3F)));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10; // plain text has no other escape digits
}

// The value of a string of plain JSON ("quoted", valid UTF-8, escapes of the
// kinds isPlainJson lets through: no escaped surrogates).
QString stringValue(QByteArrayView quoted)
{
    const QByteArrayView inner = quoted.sliced(1, quoted.size() - 2);
    qsizetype escape = inner.indexOf('\\');
    if (escape < 0)
        return QString::fromUtf8(inner);
    QByteArray utf8;
    utf8.reserve(inner.size());
    qsizetype from = 0;
    while (escape >= 0) {
        utf8.append(inner.sliced(from, escape - from));
        const char kind = inner[escape + 1];
        from = escape + 2;
        switch (kind) {
        case 'b':
            utf8.append('\b');
            break;
        case 'f':
            utf8.append('\f');
            break;
        case 'n':
            utf8.append('\n');
            break;
        case 'r':
            utf8.append('\r');
            break;
        case 't':
            utf8.append('\t');
            break;
        case 'u': {
            char32_t c = 0;
            for (qsizetype k = escape + 2; k < escape + 6; ++k)
                c = c * 16 + char32_t(hexValue(inner[k]));
            appendUtf8(utf8, c);
            from = escape + 6;
            break;
        }
        default: // '"', '\\', '/'
            utf8.append(kind);
            break;
        }
        escape = inner.indexOf('\\', from);
    }
    utf8.append(inner.sliced(from));
    return QString::fromUtf8(utf8);
}

// An id or a number as text: a string's value, or a whole number of at most
// 15 digits as written (exact in a double, so the tree reader writes the
// same digits). false: another number; the tree reader renders those.
bool textOrNumber(QByteArrayView v, QString &out)
{
    if (isStringText(v)) {
        out = stringValue(v);
        return true;
    }
    if (v.size() > 15 || !digitsOnly(v))
        return false;
    out = QString::fromLatin1(v);
    return true;
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

// What the text reader accepts for a value that is not a list of objects.
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
        return cleanDate(v).isValid();
    case Rule::DateOrNull:
        return v == "null" || v == "\"\"" || cleanDate(v).isValid();
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
    case Rule::ObjectOrNull:
        return v.startsWith('{') || v == "null";
    case Rule::Latitude:
        return v == "null" || cleanCoordinate(v, 90.0).has_value();
    case Rule::Longitude:
        return v == "null" || cleanCoordinate(v, 180.0).has_value();
    case Rule::Any:
        return true;
    case Rule::Notes:
    case Rule::Statistics:
    case Rule::Account:
        break; // PlainWalker::valueEnd: read where they end
    }
    return false;
}

// An undocumented list or object as the tree reader keeps it (small, usually).
QJsonArray arrayValue(QByteArrayView v)
{
    if (v.isEmpty() || v == "[]")
        return {};
    return QJsonDocument::fromJson(QByteArray::fromRawData(v.data(), v.size())).array();
}

QJsonValue objectOrNullValue(QByteArrayView v)
{
    if (v.isEmpty())
        return {}; // absent: the default, as the tree reader leaves it
    if (v == "null")
        return QJsonValue(QJsonValue::Null);
    return QJsonDocument::fromJson(QByteArray::fromRawData(v.data(), v.size())).object();
}

// One member's value text per rule; empty when the member is absent.
template <size_t N>
using Members = std::array<QByteArrayView, N>;

// One pass over an answer's Data object: checks each documented member
// against its rule (every member at most once, the required ones there, no
// key written with escapes: it might spell a documented one) and, when given
// a ticket, reads the members into it on the same pass. Every end index is -1
// when the text is not so: the tree reader then reads the answer.
class PlainWalker
{
public:
    explicit PlainWalker(Ticket *ticket)
        : m_ticket(ticket)
    {}

    // Index just past the Data object at json[i]; its case number's text in *caseText.
    qsizetype dataEnd(QByteArrayView json, qsizetype i, QByteArrayView *caseText);

private:
    template <size_t N>
    qsizetype objectEnd(QByteArrayView json, qsizetype i, const FieldRule (&rules)[N], Members<N> *members);
    template <size_t N, typename ReadEntry>
    qsizetype listEnd(QByteArrayView json, qsizetype i, const FieldRule (&rules)[N], ReadEntry readEntry);
    qsizetype valueEnd(Rule rule, QByteArrayView json, qsizetype i);

    bool readData(const Members<std::size(DataRules)> &m);
    bool readNote(const Members<std::size(NoteRules)> &m);
    bool readStatistic(const Members<std::size(StatisticRules)> &m);
    bool readRequester(const Members<std::size(AccountRules)> &m);

    Ticket *m_ticket; // null: check only
};

template <size_t N>
qsizetype PlainWalker::objectEnd(QByteArrayView json, qsizetype i, const FieldRule (&rules)[N],
                                 Members<N> *members)
{
    static_assert(N <= MaxRules);
    if (i >= json.size() || json[i] != '{')
        return -1;
    quint32 seen = 0;
    for (i = skipSpace(json, i + 1); i < json.size() && json[i] == '"';) {
        const qsizetype keyEnd = jsonValueEnd(json, i);
        if (keyEnd < 0)
            return -1;
        const QByteArrayView key = json.sliced(i + 1, keyEnd - i - 2);
        if (key.contains('\\'))
            return -1;
        i = skipSpace(json, skipSpace(json, keyEnd) + 1); // past the colon
        size_t r = 0;
        while (r < N && key != QByteArrayView(rules[r].key.data(), rules[r].key.size()))
            ++r;
        qsizetype end = -1;
        if (r == N) {
            end = jsonValueEnd(json, i); // not documented: not read
        } else if (!(seen & (1u << r))) {
            seen |= 1u << r;
            end = valueEnd(rules[r].rule, json, i);
            if (members && end >= 0)
                (*members)[r] = json.sliced(i, end - i);
        }
        if (end < 0)
            return -1;
        i = skipSpace(json, end);
        if (i < json.size() && json[i] == ',')
            i = skipSpace(json, i + 1);
    }
    for (size_t r = 0; r < N; ++r) {
        if (rules[r].required && !(seen & (1u << r)))
            return -1;
    }
    return i < json.size() && json[i] == '}' ? i + 1 : -1;
}

// Index just past the list at json[i] when each entry is an object that
// objectEnd accepts (and, when reading, readEntry reads), else -1.
template <size_t N, typename ReadEntry>
qsizetype PlainWalker::listEnd(QByteArrayView json, qsizetype i, const FieldRule (&rules)[N],
                               ReadEntry readEntry)
{
    if (i >= json.size() || json[i] != '[')
        return -1;
    Members<N> members;
    for (i = skipSpace(json, i + 1); i < json.size() && json[i] != ']';) {
        if (m_ticket)
            members = {};
        i = objectEnd(json, i, rules, m_ticket ? &members : nullptr);
        if (i < 0 || (m_ticket && !readEntry(members)))
            return -1;
        i = skipSpace(json, i);
        if (i < json.size() && json[i] == ',')
            i = skipSpace(json, i + 1);
    }
    return i < json.size() ? i + 1 : -1;
}

qsizetype PlainWalker::valueEnd(Rule rule, QByteArrayView json, qsizetype i)
{
    switch (rule) {
    case Rule::Notes:
        return listEnd(json, i, NoteRules, [this](const auto &m) { return readNote(m); });
    case Rule::Statistics:
        return listEnd(json, i, StatisticRules, [this](const auto &m) { return readStatistic(m); });
    case Rule::Account: {
        Members<std::size(AccountRules)> members;
        const qsizetype end = objectEnd(json, i, AccountRules, m_ticket ? &members : nullptr);
        return end >= 0 && (!m_ticket || readRequester(members)) ? end : -1;
    }
    default: {
        const qsizetype end = jsonValueEnd(json, i);
        return end >= 0 && checkValue(rule, json.sliced(i, end - i)) ? end : -1;
    }
    }
}

qsizetype PlainWalker::dataEnd(QByteArrayView json, qsizetype i, QByteArrayView *caseText)
{
    Members<std::size(DataRules)> members;
    const qsizetype end = objectEnd(json, i, DataRules, &members);
    *caseText = members[slot(DataRules, "CaseNumber"_L1)];
    return end >= 0 && (!m_ticket || readData(members)) ? end : -1;
}

// The readers below take values the rules have checked: each is the
// documented kind, or absent (empty).

bool PlainWalker::readNote(const Members<std::size(NoteRules)> &m)
{
    Note note;
    const QByteArrayView id = m[slot(NoteRules, "Id"_L1)];
    if (!id.isEmpty() && !textOrNumber(id, note.id))
        return false;
    if (const QByteArrayView date = m[slot(NoteRules, "Date"_L1)]; !date.isEmpty())
        note.date = cleanDate(date);
    if (const QByteArrayView text = m[slot(NoteRules, "Note"_L1)]; !text.isEmpty())
        note.html = stringValue(text);
    for (size_t k = NoteAuthorAt; k < std::size(NoteRules) && note.author.isEmpty(); ++k) {
        if (isStringText(m[k]))
            note.author = stringValue(m[k]).trimmed();
    }
    m_ticket->notes.append(std::move(note));
    return true;
}

bool PlainWalker::readStatistic(const Members<std::size(StatisticRules)> &m)
{
    StatisticEntry stat;
    const QByteArrayView id = m[slot(StatisticRules, "Id"_L1)];
    if (!id.isEmpty() && !textOrNumber(id, stat.id))
        return false;
    if (const QByteArrayView date = m[slot(StatisticRules, "Date"_L1)]; !date.isEmpty())
        stat.date = cleanDate(date);
    if (const QByteArrayView token = m[slot(StatisticRules, "UserToken"_L1)]; !token.isEmpty())
        stat.userToken = stringValue(token);
    if (const QByteArrayView action = m[slot(StatisticRules, "Action"_L1)]; !action.isEmpty())
        stat.action = stringValue(action);
    m_ticket->statistics.append(std::move(stat));
    return true;
}

bool PlainWalker::readRequester(const Members<std::size(AccountRules)> &m)
{
    Requester &r = m_ticket->requester;
    const auto text = [&m](size_t at, QString &out) {
        if (!m[at].isEmpty())
            out = stringValue(m[at]);
    };
    const auto number = [&m](size_t at, QString &out) {
        return m[at].isEmpty() || m[at] == "null" || textOrNumber(m[at], out);
    };
    const auto coordinate = [&m](size_t at, double limit, std::optional<double> &out) {
        if (!m[at].isEmpty() && m[at] != "null")
            out = cleanCoordinate(m[at], limit);
    };
    text(slot(AccountRules, "UserToken"_L1), r.userToken);
    text(slot(AccountRules, "FullName"_L1), r.fullName);
    text(slot(AccountRules, "Email"_L1), r.email);
    if (!number(slot(AccountRules, "MobileNumber"_L1), r.mobileNumber) ||
        !number(slot(AccountRules, "UserType"_L1), r.userType))
        return false;
    text(slot(AccountRules, "UserAgent"_L1), r.userAgent);
    text(slot(AccountRules, "IpAddress"_L1), r.ipAddress);
    text(slot(AccountRules, "Language"_L1), r.language);
    coordinate(slot(AccountRules, "GeoLat"_L1), 90.0, r.geoLat);
    coordinate(slot(AccountRules, "GeoLon"_L1), 180.0, r.geoLon);
    text(slot(AccountRules, "SweepstakesName"_L1), r.sweepstakesName);
    return true;
}

bool PlainWalker::readData(const Members<std::size(DataRules)> &m)
{
    Ticket &t = *m_ticket;
    const auto text = [&m](size_t at, QString &out) {
        if (isStringText(m[at]))
            out = stringValue(m[at]);
    };
    text(slot(DataRules, "CaseNumber"_L1), t.caseNumber);
    t.created = cleanDate(m[slot(DataRules, "Date"_L1)]);
    text(slot(DataRules, "Subject"_L1), t.subject);
    text(slot(DataRules, "Description"_L1), t.descriptionHtml);
    t.priority = static_cast<Priority>(m[slot(DataRules, "Priority"_L1)].front() - '0');
    t.status = m[slot(DataRules, "Status"_L1)] == "true" ? TicketStatus::Closed : TicketStatus::Open;
    text(slot(DataRules, "ClosedBy"_L1), t.closedBy);
    if (const QByteArrayView closed = m[slot(DataRules, "CloseDate"_L1)];
        closed.size() > 2 && isStringText(closed))
        t.closeDate = cleanDate(closed);
    if (const std::optional<qint64> completion = digitsOnly(m[slot(DataRules, "Completion"_L1)]))
        t.completion = int(*completion);
    if (const QByteArrayView pin = m[slot(DataRules, "Pin"_L1)]; !pin.isEmpty())
        t.pinned = pin == "true" || pin == "1";
    if (const std::optional<qint64> views = digitsOnly(m[slot(DataRules, "Views"_L1)]))
        t.views = *views;
    text(slot(DataRules, "ResourceAffected"_L1), t.resourceAffected);
    t.resourceAffected = t.resourceAffected.trimmed().toLower();
    if (const QByteArrayView users = m[slot(DataRules, "NotifyUsers"_L1)]; !users.isEmpty()) {
        forEachElement(users, [&t](QByteArrayView user) {
            t.notifyUsers.append(stringValue(user));
            return true;
        });
    }
    t.collaborators = arrayValue(m[slot(DataRules, "Collaborators"_L1)]);
    t.files = arrayValue(m[slot(DataRules, "Files"_L1)]);
    t.attachments = attachmentsFromJson(t.files);
    t.documentation = arrayValue(m[slot(DataRules, "Documentation"_L1)]);
    t.survey = objectOrNullValue(m[slot(DataRules, "Survey"_L1)]);
    t.attachmentInfo = objectOrNullValue(m[slot(DataRules, "AttachmentInfo"_L1)]);
    t.gitHubIssue = objectOrNullValue(m[slot(DataRules, "GitHubIssue"_L1)]);
    return true;
}

} // namespace

std::optional<TicketResult> readPlainTicketResponse(const QByteArray &body, int httpStatus,
                                                    const QByteArray &contentType, const QString &caseNumber,
                                                    PlainRead what)
{
    if (httpStatus < 200 || httpStatus > 299 || body.size() > MaxResponseBytes)
        return std::nullopt;
    const PlainJsonScan scan = scanPlainJson(body);
    if (!scan.plain)
        return std::nullopt;
    TicketResult result;
    // One pass over Data: found, checked and read together.
    PlainWalker walker(what == PlainRead::Ticket ? &result.ticket : nullptr);
    QByteArrayView caseText;
    const QByteArrayView data = jsonMemberText(body, "Data"_L1, [&](QByteArrayView json, qsizetype i) {
        return walker.dataEnd(json, i, &caseText);
    });
    if (data.isEmpty() || caseText.contains('\\'))
        return std::nullopt;
    const QString sentCase = QString::fromUtf8(caseText.sliced(1, caseText.size() - 2));
    if (!caseNumber.isEmpty() && sentCase.compare(caseNumber, Qt::CaseInsensitive) != 0)
        return std::nullopt; // the tree reader's warning
    // The envelope's verdict (Response, Code, Telemetry: the same reading as
    // the tree reader's) on the answer with Data's value left out.
    const qsizetype dataAt = data.data() - body.constData();
    const QByteArrayView before = QByteArrayView(body).first(dataAt);
    const QByteArrayView after = QByteArrayView(body).sliced(dataAt + data.size());
    QByteArray envelopeOnly;
    envelopeOnly.reserve(before.size() + 2 + after.size());
    envelopeOnly.append(before).append("{}").append(after);
    const Envelope envelope =
        readEnvelope(envelopeOnly, httpStatus, contentType, PayloadKind::Ticket, "Data"_L1, caseNumber);
    if (!envelope.ok() || envelope.repaired)
        return std::nullopt;
    result.telemetry = envelope.telemetry;
    result.ticket.caseNumber = sentCase;
    result.ticket.rawAnswer = body;
    // Data is compact when the whole text's loose bytes all lie around it.
    const bool compact =
        scan.looseBytes == 0 || scan.looseBytes == looseJsonBytes(before) + looseJsonBytes(after);
    result.ticket.rawData = {dataAt, data.size(), compact};
    if (what == PlainRead::Ticket)
        result.ticket.raw = RawData(body, dataAt, data.size());
    return result;
}

} // namespace CaseLens
