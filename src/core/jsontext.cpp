#include "core/jsontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace CaseLens {
namespace {

// How many characters of an offending value a warning shows.
constexpr qsizetype ShownValueChars = 40;

// The characters JSON writes as a backslash and a letter, and those letters.
constexpr std::u16string_view ShortEscaped = u"\"\\\n\r\t";
constexpr std::u16string_view ShortEscapeLetters = u"\"\\nrt";
static_assert(ShortEscaped.size() == ShortEscapeLetters.size());

void appendQuoted(QString &out, QStringView s, qsizetype limit)
{
    out += u'"';
    for (const QChar c : s) {
        if (out.size() > limit)
            break;
        const char16_t u = c.unicode();
        if (const size_t escape = ShortEscaped.find(u); escape != std::u16string_view::npos) {
            out += u'\\';
            out += QChar(ShortEscapeLetters[escape]);
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0)) { // C0, DEL, C1
            out += "\\u"_L1 + QString::number(u, 16).rightJustified(4, u'0');
        } else {
            out += c;
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
        out += jsonNumberText(v);
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

// isPlainJson's pieces: each takes p at the first byte of its token and
// returns the byte after it, or nullptr when the token is not plain JSON.
using Byte = unsigned char;

// Whitespace between tokens: skipped, and counted as loose (compactJson drops it).
const Byte *plainSpaceEnd(const Byte *p, const Byte *end, qsizetype &loose)
{
    const Byte *const first = p;
    while (p < end && isJsonSpace(char(*p)))
        ++p;
    loose += p - first;
    return p;
}

// The bytes a string may hold as they are, looked up once each: printable
// ASCII but the quote, the backslash and DEL.
constexpr std::array<bool, 256> PlainStringBytes = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x7f; ++c)
        table[size_t(c)] = c != '"' && c != '\\';
    return table;
}();

bool isHexDigit(Byte c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// One UTF-8 sequence as Qt's decoder accepts it (no overlong forms, no
// surrogates, nothing above U+10FFFF); p at its lead byte (>= 0x80).
const Byte *plainUtf8End(const Byte *p, const Byte *end)
{
    const Byte lead = *p;
    qsizetype length = 0;
    char32_t code = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        code = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        code = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        code = lead & 0x07;
    } else {
        return nullptr;
    }
    if (end - p < length)
        return nullptr;
    for (qsizetype k = 1; k < length; ++k) {
        if ((p[k] & 0xc0) != 0x80)
            return nullptr;
        code = (code << 6) | (p[k] & 0x3f);
    }
    const char32_t least = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return nullptr;
    return p + length;
}

// p past the run of PlainStringBytes that starts there: 16 bytes a step
// where SSE2 is there (a large ticket is megabytes of note text).
const Byte *plainRunEnd(const Byte *p, const Byte *end)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i tilde = _mm_set1_epi8(0x7e);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed bytes: 0x80 and above are negative, so "below a space"
        // also takes them; "above a tilde" is DEL alone.
        const __m128i stop =
            _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpgt_epi8(v, tilde)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        if (const int mask = _mm_movemask_epi8(stop))
            return p + std::countr_zero(unsigned(mask));
    }
#endif
    while (p < end && PlainStringBytes[*p])
        ++p;
    return p;
}

const Byte *plainStringEnd(const Byte *p, const Byte *end, qsizetype &loose)
{
    ++p; // the opening quote
    for (;;) {
        p = plainRunEnd(p, end);
        if (p >= end)
            return nullptr;
        const Byte c = *p;
        if (c == '"')
            return p + 1;
        if (c == '\\') {
            if (end - p < 2)
                return nullptr;
            const Byte e = p[1];
            if (e == 'u') {
                if (end - p < 6 || !isHexDigit(p[2]) || !isHexDigit(p[3]) || !isHexDigit(p[4]) ||
                    !isHexDigit(p[5]))
                    return nullptr;
                const Byte high = p[2] | 0x20;  // lower case; digits keep their value
                if (high == 'd' && p[3] >= '8') // a surrogate: what Qt makes of it is Qt's business
                    return nullptr;
                p += 6;
            } else if (std::memchr("\"\\/bfnrt", e, 8)) {
                p += 2;
            } else {
                return nullptr;
            }
        } else if (c == 0x7f) { // DEL: compactJson escapes it
            ++loose;
            ++p;
        } else if (c < 0x20 || !(p = plainUtf8End(p, end))) {
            return nullptr;
        }
    }
}

const Byte *plainNumberEnd(const Byte *p, const Byte *end)
{
    const Byte *const start = p;
    const auto digits = [&p, end] {
        const Byte *const first = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        return p - first;
    };
    if (p < end && *p == '-')
        ++p;
    if (p < end && *p == '0')
        ++p;
    else if (digits() == 0)
        return nullptr;
    if (p < end && *p == '.') {
        ++p;
        if (digits() == 0)
            return nullptr;
    }
    // An exponent may leave a double's range (fromJson then refuses or
    // repairs the answer): left to fromJson, as is anything long.
    if ((p < end && (*p == 'e' || *p == 'E')) || p - start > 24)
        return nullptr;
    return p;
}

const Byte *plainLiteralEnd(const Byte *p, const Byte *end)
{
    for (const std::string_view word :
         {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
        if (qsizetype(end - p) >= qsizetype(word.size()) && std::memcmp(p, word.data(), word.size()) == 0)
            return p + word.size();
    }
    return nullptr;
}

} // namespace

QString jsonNumberText(const QJsonValue &v)
{
    const double d = v.toDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.2e18) {
        // By hand: QString::number() goes through the locale machinery, and a
        // large ticket has tens of thousands of numeric ids.
        const qint64 n = v.toInteger(static_cast<qint64>(d));
        quint64 magnitude = n < 0 ? 0 - quint64(n) : quint64(n);
        char16_t digits[20];
        qsizetype at = std::size(digits);
        do {
            digits[--at] = char16_t(u'0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        if (n < 0)
            digits[--at] = u'-';
        return QString(reinterpret_cast<const QChar *>(digits + at), qsizetype(std::size(digits)) - at);
    }
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QString jsonValuePreview(const QJsonValue &v)
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

QByteArrayView jsonWithoutBom(QByteArrayView body)
{
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.sliced(3);
    return body;
}

QByteArrayView trimmedJsonText(QByteArrayView body)
{
    body = jsonWithoutBom(body);
    while (!body.isEmpty() && isJsonSpace(body.front()))
        body = body.sliced(1);
    while (!body.isEmpty() && isJsonSpace(body.back()))
        body.chop(1);
    return body;
}

bool isPlainJson(QByteArrayView json)
{
    return scanPlainJson(json).plain;
}

PlainJsonScan scanPlainJson(QByteArrayView json)
{
    json = jsonWithoutBom(json);
    qsizetype loose = 0;
    const auto *p = reinterpret_cast<const Byte *>(json.data());
    const Byte *const end = p + json.size();
    constexpr int MaxDepth = 512;          // fromJson's own limit is 1024
    std::array<bool, MaxDepth> inObject{}; // per open container: an object, else an array
    int depth = 0;
    // p at a member's key: past the key and its colon.
    const auto memberKey = [&p, end, &loose] {
        if (p >= end || *p != '"' || !(p = plainStringEnd(p, end, loose)))
            return false;
        p = plainSpaceEnd(p, end, loose);
        if (p >= end || *p != ':')
            return false;
        ++p;
        return true;
    };
    p = plainSpaceEnd(p, end, loose);
    if (p >= end || *p != '{')
        return PlainJsonScan{};
    for (;;) { // p before a value
        p = plainSpaceEnd(p, end, loose);
        if (p >= end)
            return PlainJsonScan{};
        const Byte c = *p;
        if (c == '{' || c == '[') {
            if (depth == MaxDepth)
                return PlainJsonScan{};
            inObject[size_t(depth++)] = c == '{';
            p = plainSpaceEnd(p + 1, end, loose);
            if (p < end && *p == (c == '{' ? '}' : ']')) {
                --depth;
                ++p;
            } else {
                if (c == '{' && !memberKey())
                    return PlainJsonScan{};
                continue;
            }
        } else if (c == '"') {
            p = plainStringEnd(p, end, loose);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            p = plainNumberEnd(p, end);
        } else {
            p = plainLiteralEnd(p, end);
        }
        if (!p)
            return PlainJsonScan{};
        for (;;) { // after a value: the next one, or the end of containers
            p = plainSpaceEnd(p, end, loose);
            if (depth == 0)
                return PlainJsonScan{p == end, loose};
            if (p >= end)
                return PlainJsonScan{};
            const bool object = inObject[size_t(depth - 1)];
            if (*p == ',') {
                p = plainSpaceEnd(p + 1, end, loose);
                if (object && !memberKey())
                    return PlainJsonScan{};
                break;
            }
            if (*p != (object ? '}' : ']'))
                return PlainJsonScan{};
            --depth;
            ++p;
        }
    }
}

qsizetype jsonValueEnd(QByteArrayView json, qsizetype i)
{
    return skipJsonValue(json, i);
}

QByteArrayView jsonMemberText(QByteArrayView json, QLatin1StringView key)
{
    return jsonMemberText(json, key, skipJsonValue);
}

QByteArrayView jsonMemberText(QByteArrayView json, QLatin1StringView key,
                              const std::function<qsizetype(QByteArrayView, qsizetype)> &readValue)
{
    json = jsonWithoutBom(json);
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
        const bool isKey = name == QByteArrayView(key.data(), key.size());
        if (isKey && !found.isNull())
            return {}; // twice: which one a reader keeps is its own choice
        if (!isKey && name.contains('\\'))
            return {}; // "D\u0061ta" would be the member too
        const qsizetype valueEnd = isKey ? readValue(json, valueStart) : skipJsonValue(json, valueStart);
        if (valueEnd < 0)
            return {};
        if (isKey)
            found = json.sliced(valueStart, valueEnd - valueStart);
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

namespace {

// Calls loose(i, inString) for each byte of json that compactJson changes:
// whitespace between tokens (dropped) and control characters in strings
// (escaped). A byte is looked at once: runs of the rest are skipped with a
// table; escapes already in the text are kept as sent.
template <typename Loose>
void forEachLooseByte(QByteArrayView json, Loose loose)
{
    // What ends a run of bytes kept as they are: outside strings, a quote or
    // whitespace; inside, a quote, a backslash or a control character.
    static constexpr auto stops = [](bool inString) {
        std::array<bool, 256> table{};
        for (int c = 0; c < 256; ++c)
            table[size_t(c)] = inString ? (c == '"' || c == '\\' || c < 0x20 || c == 0x7f)
                                        : (c == '"' || isJsonSpace(char(c)));
        return table;
    };
    static constexpr std::array<bool, 256> stopOutside = stops(false);
    static constexpr std::array<bool, 256> stopInside = stops(true);
    const auto *const data = reinterpret_cast<const unsigned char *>(json.data());
    const qsizetype n = json.size();
    bool inString = false;
    for (qsizetype i = 0; i < n; ++i) {
        const std::array<bool, 256> &stop = inString ? stopInside : stopOutside;
        while (i < n && !stop[data[i]])
            ++i;
        if (i >= n)
            break;
        const unsigned char c = data[i];
        if (c == '"')
            inString = !inString;
        else if (inString && c == '\\')
            ++i; // the escaped character, as sent
        else
            loose(i, inString);
    }
}

} // namespace

qsizetype looseJsonBytes(QByteArrayView json)
{
    qsizetype count = 0;
    forEachLooseByte(json, [&count](qsizetype, bool) { ++count; });
    return count;
}

QByteArray compactJson(QByteArrayView json)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(json.size());
    // Copied in runs: only what must change (whitespace between tokens, a
    // raw control character in a string) ends a run. An answer that is
    // already compact is one run, one copy.
    qsizetype run = 0;
    forEachLooseByte(json, [&](qsizetype i, bool inString) {
        out.append(json.data() + run, i - run);
        if (inString) { // a control character: escaped, so the line stays one line
            const auto c = static_cast<unsigned char>(json[i]);
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escape, sizeof escape);
        }
        run = i + 1;
    });
    out.append(json.data() + run, json.size() - run);
    return out;
}

} // namespace CaseLens
