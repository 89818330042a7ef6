#include "core/jsontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>

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

} // namespace

QString jsonNumberText(const QJsonValue &v)
{
    const double d = v.toDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.2e18)
        return QString::number(v.toInteger(static_cast<qint64>(d)));
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

QByteArrayView jsonMemberText(QByteArrayView json, QLatin1StringView key)
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

} // namespace CaseLens
