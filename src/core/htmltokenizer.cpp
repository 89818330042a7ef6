#include "core/htmltokenizer.h"

#include <QList>
#include <QStringView>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// The tokenizer: roughly the HTML5 tokenizer states that matter for reading,
// no tree-building algorithm. All scanning is forward-only and iterative:
// linear in the input, no recursion on nesting depth.

namespace CaseLens::Html::Detail {

// ---------------------------------------------------------------- helpers ---

bool isOneOf(QStringView name, std::initializer_list<QStringView> names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool isHtmlSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f';
}

bool isAsciiAlpha(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c);
}

// HTML names are ASCII case-insensitive; QString::toLower() would also fold
// non-ASCII look-alikes (U+212A KELVIN SIGN -> 'k') into allowlisted names.
QString asciiLower(QStringView s)
{
    QString out(s.size(), Qt::Uninitialized);
    QChar *o = out.data();
    const char16_t *in = s.utf16();
    for (qsizetype i = 0; i < s.size(); ++i)
        o[i] = QChar(in[i] >= u'A' && in[i] <= u'Z' ? char16_t(in[i] + (u'a' - u'A')) : in[i]);
    return out;
}

// HTML5 input preprocessing: CRLF/CR become LF. NULs are dropped (browsers
// disagree on them and they only serve to smuggle things past filters).
QString preprocess(const QString &input)
{
    QString s = input;
    if (s.contains(QChar(u'\0')))
        s.remove(QChar(u'\0'));
    if (s.contains(u'\r')) {
        s.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        s.replace(u'\r', u'\n');
    }
    return s;
}

// Escapes text and attribute values alike; lone surrogates become U+FFFD so
// the output is always valid UTF-16. Runs that need no escaping are copied
// in one go (this is the hot loop for large tickets).
void appendEscaped(QString &out, QStringView s)
{
    const char16_t *data = s.utf16();
    const qsizetype n = s.size();
    qsizetype run = 0; // start of the pending run copied as is
    for (qsizetype i = 0; i < n; ++i) {
        QStringView replacement;
        switch (data[i]) {
        case u'&':
            replacement = u"&amp;";
            break;
        case u'<':
            replacement = u"&lt;";
            break;
        case u'>':
            replacement = u"&gt;";
            break;
        case u'"':
            replacement = u"&quot;";
            break;
        default:
            if (!QChar::isSurrogate(data[i]))
                continue;
            if (QChar::isHighSurrogate(data[i]) && i + 1 < n && QChar::isLowSurrogate(data[i + 1])) {
                ++i;
                continue;
            }
            replacement = u"\uFFFD";
        }
        out += s.mid(run, i - run);
        out += replacement;
        run = i + 1;
    }
    out += s.mid(run);
}

namespace {

// --------------------------------------------------------------- entities ---

struct NamedEntity
{
    std::string_view name;
    char32_t code;
};

// The entities real-world ticket HTML uses (the full HTML5 list has 2,231).
// Sorted by name (ASCII) for binary search; checked at compile time.
constexpr auto namedEntities = std::to_array<NamedEntity>({
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Acirc", 0xC2},   {"Agrave", 0xC0},   {"Aring", 0xC5},
    {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Ccedil", 0xC7},  {"Dagger", 0x2021}, {"Eacute", 0xC9},
    {"Ecirc", 0xCA},    {"Egrave", 0xC8},   {"Euml", 0xCB},    {"Iacute", 0xCD},   {"Icirc", 0xCE},
    {"Igrave", 0xCC},   {"Iuml", 0xCF},     {"NewLine", 0x0A}, {"Ntilde", 0xD1},   {"Oacute", 0xD3},
    {"Ocirc", 0xD4},    {"Ograve", 0xD2},   {"Oslash", 0xD8},  {"Otilde", 0xD5},   {"Ouml", 0xD6},
    {"Prime", 0x2033},  {"Tab", 0x09},      {"Uacute", 0xDA},  {"Ucirc", 0xDB},    {"Ugrave", 0xD9},
    {"Uuml", 0xDC},     {"Yacute", 0xDD},   {"aacute", 0xE1},  {"acirc", 0xE2},    {"acute", 0xB4},
    {"aelig", 0xE6},    {"agrave", 0xE0},   {"amp", 0x26},     {"apos", 0x27},     {"aring", 0xE5},
    {"atilde", 0xE3},   {"auml", 0xE4},     {"bdquo", 0x201E}, {"brvbar", 0xA6},   {"bull", 0x2022},
    {"ccedil", 0xE7},   {"cedil", 0xB8},    {"cent", 0xA2},    {"colon", 0x3A},    {"copy", 0xA9},
    {"curren", 0xA4},   {"dagger", 0x2020}, {"darr", 0x2193},  {"deg", 0xB0},      {"divide", 0xF7},
    {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},  {"emsp", 0x2003},   {"ensp", 0x2002},
    {"euml", 0xEB},     {"euro", 0x20AC},   {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},
    {"ge", 0x2265},     {"gt", 0x3E},       {"harr", 0x2194},  {"hellip", 0x2026}, {"iacute", 0xED},
    {"icirc", 0xEE},    {"iexcl", 0xA1},    {"igrave", 0xEC},  {"iquest", 0xBF},   {"iuml", 0xEF},
    {"laquo", 0xAB},    {"larr", 0x2190},   {"ldquo", 0x201C}, {"le", 0x2264},     {"lrm", 0x200E},
    {"lsaquo", 0x2039}, {"lsquo", 0x2018},  {"lt", 0x3C},      {"macr", 0xAF},     {"mdash", 0x2014},
    {"micro", 0xB5},    {"middot", 0xB7},   {"nbsp", 0xA0},    {"ndash", 0x2013},  {"ne", 0x2260},
    {"not", 0xAC},      {"ntilde", 0xF1},   {"oacute", 0xF3},  {"ocirc", 0xF4},    {"ograve", 0xF2},
    {"ordf", 0xAA},     {"ordm", 0xBA},     {"oslash", 0xF8},  {"otilde", 0xF5},   {"ouml", 0xF6},
    {"para", 0xB6},     {"permil", 0x2030}, {"plusmn", 0xB1},  {"pound", 0xA3},    {"prime", 0x2032},
    {"quot", 0x22},     {"raquo", 0xBB},    {"rarr", 0x2192},  {"rdquo", 0x201D},  {"reg", 0xAE},
    {"rlm", 0x200F},    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},  {"sect", 0xA7},
    {"shy", 0xAD},      {"sup1", 0xB9},     {"sup2", 0xB2},    {"sup3", 0xB3},     {"szlig", 0xDF},
    {"thinsp", 0x2009}, {"times", 0xD7},    {"trade", 0x2122}, {"uacute", 0xFA},   {"uarr", 0x2191},
    {"ucirc", 0xFB},    {"ugrave", 0xF9},   {"uml", 0xA8},     {"uuml", 0xFC},     {"yacute", 0xFD},
    {"yen", 0xA5},      {"yuml", 0xFF},     {"zwj", 0x200D},   {"zwnj", 0x200C},
});
static_assert(std::ranges::is_sorted(namedEntities, {}, &NamedEntity::name));

// Legacy names browsers also accept without the ';' ("&amp", "&nbsp").
constexpr std::array<std::string_view, 7> legacyEntities = {"amp", "copy", "gt", "lt", "nbsp", "quot", "reg"};

constexpr qsizetype MaxEntityNameLength = 32;

// HTML5 maps &#128;-&#159; through windows-1252 (Word-pasted text uses them).
constexpr std::array<char16_t, 32> windows1252 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void appendCodePoint(QString &out, char32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = QChar::ReplacementCharacter;
    else if (cp >= 0x80 && cp <= 0x9F)
        cp = windows1252[cp - 0x80];
    if (QChar::requiresSurrogates(cp)) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        out += QChar(char16_t(cp));
    }
}

// Decodes the character reference at s[i] == '&' into out and advances i.
// Anything that is not a reference is kept as a literal '&'.
void decodeReference(QStringView s, qsizetype &i, QString &out, bool inAttribute)
{
    const qsizetype n = s.size();
    qsizetype j = i + 1;
    if (j < n && s[j] == u'#') {
        ++j;
        const bool hex = j < n && (s[j] == u'x' || s[j] == u'X');
        if (hex)
            ++j;
        const qsizetype digitsStart = j;
        char32_t value = 0;
        for (; j < n; ++j) {
            const char16_t u = s[j].unicode();
            int digit = -1;
            if (u >= u'0' && u <= u'9')
                digit = u - u'0';
            else if (hex && u >= u'a' && u <= u'f')
                digit = u - u'a' + 10;
            else if (hex && u >= u'A' && u <= u'F')
                digit = u - u'A' + 10;
            if (digit < 0)
                break;
            // Saturate instead of overflowing; anything past U+10FFFF is invalid anyway.
            if (value <= 0x10FFFF)
                value = value * (hex ? 16 : 10) + char32_t(digit);
        }
        if (j == digitsStart) { // "&#" or "&#x" without digits
            out += u'&';
            ++i;
            return;
        }
        if (j < n && s[j] == u';')
            ++j;
        appendCodePoint(out, value);
        i = j;
        return;
    }

    qsizetype end = j;
    while (end < n && end - j < MaxEntityNameLength && isAsciiAlnum(s[end]))
        ++end;
    if (end == j) { // "& ", "&<", "&;": the common literal ampersand
        out += u'&';
        ++i;
        return;
    }
    std::array<char, MaxEntityNameLength> buffer{};
    for (qsizetype k = j; k < end; ++k)
        buffer[std::size_t(k - j)] = char(s[k].unicode());
    const std::string_view name(buffer.data(), std::size_t(end - j));

    if (end < n && s[end] == u';') {
        const auto it = std::ranges::lower_bound(namedEntities, name, {}, &NamedEntity::name);
        if (it != namedEntities.end() && it->name == name) {
            appendCodePoint(out, it->code);
            i = end + 1;
            return;
        }
    }
    // Without ';' only the legacy names count, as the longest prefix ("&ampx" -> "&x"). In
    // attribute values "&copy=1" stays literal so query strings survive.
    std::string_view best;
    for (const std::string_view legacy : legacyEntities) {
        if (name.starts_with(legacy) && legacy.size() > best.size())
            best = legacy;
    }
    if (!best.empty()) {
        const qsizetype after = j + qsizetype(best.size());
        const bool literal = inAttribute && after < n && (isAsciiAlnum(s[after]) || s[after] == u'=');
        if (!literal) {
            const auto it = std::ranges::lower_bound(namedEntities, best, {}, &NamedEntity::name);
            appendCodePoint(out, it->code);
            i = after;
            return;
        }
    }
    out += u'&';
    ++i;
}

void appendDecoded(QString &out, QStringView s, bool inAttribute)
{
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype amp = s.indexOf(u'&', i);
        if (amp < 0) {
            out += s.mid(i);
            return;
        }
        out += s.mid(i, amp - i);
        i = amp;
        decodeReference(s, i, out, inAttribute);
    }
}

// -------------------------------------------------------------- tokenizer ---

// Elements whose content the tokenizer reads as raw text up to the matching
// end tag: "<script>a</b>" must not produce a <b> token. (HTML5 rawtext and
// RCDATA elements, plus noscript since we behave as if scripting were on.)
bool isRawTextElement(QStringView name)
{
    return isOneOf(name, {u"script", u"style", u"iframe", u"noembed", u"noframes", u"noscript", u"textarea",
                          u"title", u"xmp"});
}

class Tokenizer
{
public:
    explicit Tokenizer(QStringView input)
        : m_in(input)
    {}

    // In svg/math (HTML5 "foreign content") script and style are ordinary
    // elements, not raw text: "<svg><style></svg>x" closes the svg.
    void setForeignContent(bool foreign) { m_foreignContent = foreign; }

    // Fills token with the next token; false at the end of the input.
    bool next(Token &token)
    {
        while (m_pos < m_in.size()) {
            if (!m_rawTextEnd.isEmpty()) {
                readRawText(token);
                return true;
            }
            if (startsMarkup(m_pos)) {
                if (readMarkup(token))
                    return true;
                continue; // a comment, doctype, ... or a dropped tag
            }
            readText(token);
            return true;
        }
        return false;
    }

private:
    QChar at(qsizetype p) const { return p < m_in.size() ? m_in[p] : QChar(); }

    // A '<' that is not followed by one of these is literal text ("a < b").
    bool startsMarkup(qsizetype p) const
    {
        if (m_in[p] != u'<')
            return false;
        const QChar c = at(p + 1);
        return isAsciiAlpha(c) || c == u'!' || c == u'?' || (c == u'/' && p + 2 < m_in.size());
    }

    void readText(Token &token)
    {
        token.kind = TokenKind::Text;
        token.text.clear();
        qsizetype end = m_pos + 1; // m_in[m_pos] is text, possibly a literal '<'
        while (end < m_in.size()) {
            end = m_in.indexOf(u'<', end);
            if (end < 0) {
                end = m_in.size();
                break;
            }
            if (startsMarkup(end))
                break;
            ++end;
        }
        appendDecoded(token.text, m_in.mid(m_pos, end - m_pos), false);
        m_pos = end;
    }

    void readRawText(Token &token)
    {
        token.kind = TokenKind::RawText;
        const qsizetype start = m_pos;
        qsizetype end = m_in.size();
        for (qsizetype p = m_pos; (p = m_in.indexOf(QLatin1StringView("</"), p)) >= 0; p += 2) {
            const qsizetype after = p + 2 + m_rawTextEnd.size();
            // ASCII case-insensitive like tag names ("</SCRIPT>", not "</ſcript>").
            if (asciiLower(m_in.mid(p + 2, m_rawTextEnd.size())) == m_rawTextEnd &&
                (after >= m_in.size() || isHtmlSpace(m_in[after]) || m_in[after] == u'/' ||
                 m_in[after] == u'>')) {
                end = p;
                break;
            }
        }
        token.text = m_in.mid(start, end - start).toString();
        m_pos = end;
        m_rawTextEnd.clear();
    }

    void skipPast(QChar c, qsizetype from)
    {
        const qsizetype p = m_in.indexOf(c, from);
        m_pos = p < 0 ? m_in.size() : p + 1;
    }

    // m_in[m_pos] == '<' and startsMarkup(). True if a tag token was produced.
    bool readMarkup(Token &token)
    {
        const qsizetype p = m_pos + 1;
        const QChar c = m_in[p];
        if (c == u'!') {
            if (m_in.mid(p + 1).startsWith(QLatin1StringView("--"))) {
                const qsizetype body = p + 3;
                const QStringView rest = m_in.mid(body);
                if (rest.startsWith(u'>')) { // "<!-->" is a complete (empty) comment
                    m_pos = body + 1;
                } else if (rest.startsWith(QLatin1StringView("->"))) {
                    m_pos = body + 2;
                } else { // an unclosed comment runs to the end, as in browsers
                    const qsizetype close = m_in.indexOf(QLatin1StringView("-->"), body);
                    m_pos = close < 0 ? m_in.size() : close + 3;
                }
                return false;
            }
            skipPast(u'>', p); // doctype, <![CDATA[...]]> (a bogus comment in HTML)
            return false;
        }
        if (c == u'?') { // processing instruction: a bogus comment
            skipPast(u'>', p);
            return false;
        }
        if (c == u'/') {
            if (at(p + 1) == u'>') { // "</>" is ignored
                m_pos = p + 2;
                return false;
            }
            if (!isAsciiAlpha(at(p + 1))) {
                skipPast(u'>', p);
                return false;
            }
            return readTag(p + 1, TokenKind::EndTag, token);
        }
        return readTag(p, TokenKind::StartTag, token);
    }

    void skipSpaces(qsizetype &p) const
    {
        while (p < m_in.size() && isHtmlSpace(m_in[p]))
            ++p;
    }

    // Reads a tag whose name starts at p. A tag cut off by the end of the
    // input is dropped (as browsers do): "<a href=" never becomes an element.
    bool readTag(qsizetype p, TokenKind kind, Token &token)
    {
        const qsizetype n = m_in.size();
        const qsizetype nameStart = p;
        while (p < n && !isHtmlSpace(m_in[p]) && m_in[p] != u'/' && m_in[p] != u'>')
            ++p;
        token.kind = kind;
        token.text = asciiLower(m_in.mid(nameStart, p - nameStart));
        token.attributes.clear();
        token.selfClosing = false;

        for (;;) {
            skipSpaces(p);
            if (p >= n) {
                m_pos = n;
                return false;
            }
            if (m_in[p] == u'>') {
                ++p;
                break;
            }
            if (m_in[p] == u'/') {
                ++p;
                if (at(p) == u'>') {
                    token.selfClosing = true;
                    ++p;
                    break;
                }
                continue;
            }
            // The first character is part of the name even if it is '=' (HTML5).
            const qsizetype attrStart = p++;
            while (p < n && !isHtmlSpace(m_in[p]) && m_in[p] != u'/' && m_in[p] != u'>' && m_in[p] != u'=')
                ++p;
            Attribute attribute{asciiLower(m_in.mid(attrStart, p - attrStart)), {}};
            skipSpaces(p);
            if (at(p) == u'=') {
                ++p;
                skipSpaces(p);
                const QChar quote = at(p);
                if (quote == u'"' || quote == u'\'') {
                    const qsizetype close = m_in.indexOf(quote, p + 1);
                    if (close < 0) {
                        m_pos = n;
                        return false;
                    }
                    appendDecoded(attribute.value, m_in.mid(p + 1, close - p - 1), true);
                    p = close + 1;
                } else {
                    const qsizetype valueStart = p;
                    while (p < n && !isHtmlSpace(m_in[p]) && m_in[p] != u'>')
                        ++p;
                    appendDecoded(attribute.value, m_in.mid(valueStart, p - valueStart), true);
                }
            }
            if (kind == TokenKind::StartTag)
                token.attributes.append(std::move(attribute));
        }
        m_pos = p;
        if (kind == TokenKind::StartTag && !m_foreignContent && isRawTextElement(token.text))
            m_rawTextEnd = token.text;
        return true;
    }

    QStringView m_in;
    qsizetype m_pos = 0;
    QString m_rawTextEnd; // non-empty: the next token is the raw text of this element
    bool m_foreignContent = false;
};

// ---------------------------------------------------------------- walking ---

// Elements shown with none of their content, for both consumers.
bool dropsContent(QStringView name)
{
    return isRawTextElement(name) ||
           isOneOf(name, {u"object", u"template", u"head", u"svg", u"math", u"select"});
}

} // namespace

void walk(const QString &html, TokenConsumer &consumer)
{
    Tokenizer tokenizer(html);
    Token token;
    QString dropping; // the element whose content is being skipped
    qsizetype dropDepth = 0;
    for (;;) {
        tokenizer.setForeignContent(dropDepth > 0 && (dropping == u"svg" || dropping == u"math"));
        if (!tokenizer.next(token))
            break;
        if (dropDepth > 0) {
            if (token.kind == TokenKind::StartTag && token.text == dropping && !token.selfClosing)
                ++dropDepth;
            else if (token.kind == TokenKind::EndTag && token.text == dropping)
                --dropDepth;
            // "</head>" is optional: the body still shows.
            else if (dropping == u"head" && token.kind == TokenKind::StartTag && token.text == u"body")
                dropDepth = 0;
            continue;
        }
        switch (token.kind) {
        case TokenKind::RawText:
            break;
        case TokenKind::Text:
            consumer.text(token.text);
            break;
        case TokenKind::EndTag:
            consumer.endTag(token.text);
            break;
        case TokenKind::StartTag:
            if (dropsContent(token.text) && !token.selfClosing) {
                dropping = token.text;
                dropDepth = 1;
            } else {
                consumer.startTag(token);
            }
            break;
        }
    }
}

QString imageAltText(const Token &img)
{
    const QString alt = img.attribute(u"alt").simplified();
    if (alt.isEmpty())
        return {};
    return QStringLiteral("[image: ") + alt + u']';
}

} // namespace CaseLens::Html::Detail
