#include "core/htmlsanitizer.h"

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

// One small HTML tokenizer (core/htmltokenizer.h: roughly the HTML5
// tokenizer states that matter for reading, no tree-building algorithm) feeds
// the two consumers here: the sanitiser, which rebuilds an allowlisted,
// well-formed document, and the plain-text writer. Safety never depends on parsing exactly like a browser:
// everything that comes out is re-serialised from decoded tokens (text escaped, attributes quoted), so
// whatever we checked is exactly what the viewer sees. All scanning is forward-only and iterative: linear in
// the input, no recursion on nesting depth.

namespace CaseLens::Html {

namespace {

using namespace Detail;
using Detail::isOneOf; // overloaded below for Element

// -------------------------------------------------------------- sanitiser ---

// The allowlist. Elements are small integers so the open-element stack and
// its per-element counts are cheap to search on every tag.
// clang-format off
enum Element : quint8 {
    A, B, Blockquote, Br, Code, Dd, Del, Div, Dl, Dt, Em, H1, H2, H3, H4, H5, H6, Hr, I, Ins,
    Li, Ol, P, Pre, S, Small, Span, Strike, Strong, Sub, Sup, Table, Tbody, Td, Th, Thead, Tr, U, Ul,
    ElementCount
};
constexpr std::array<QStringView, ElementCount> elementNames = {
    u"a", u"b", u"blockquote", u"br", u"code", u"dd", u"del", u"div", u"dl", u"dt", u"em",
    u"h1", u"h2", u"h3", u"h4", u"h5", u"h6", u"hr", u"i", u"ins",
    u"li", u"ol", u"p", u"pre", u"s", u"small", u"span", u"strike", u"strong", u"sub", u"sup",
    u"table", u"tbody", u"td", u"th", u"thead", u"tr", u"u", u"ul",
};
// clang-format on

std::optional<Element> allowedElement(QStringView name)
{
    const auto it = std::find(elementNames.begin(), elementNames.end(), name);
    if (it == elementNames.end())
        return std::nullopt;
    return Element(it - elementNames.begin());
}

bool isOneOf(Element e, std::initializer_list<Element> elements)
{
    return std::find(elements.begin(), elements.end(), e) != elements.end();
}

// Digits only, and small: a hostile colspan=99999999 must not make the
// viewer lay out a huge table.
bool isNumberInRange(const QString &value, int min, int max)
{
    if (value.isEmpty() || value.size() > 9 || !std::all_of(value.begin(), value.end(), isAsciiDigit))
        return false;
    const int number = value.toInt();
    return number >= min && number <= max;
}

QString cleanLinkUrl(QStringView raw)
{
    // Browsers drop tabs and newlines anywhere in a URL ("java\tscript:") and
    // strip leading/trailing control characters and spaces.
    QString url;
    url.reserve(raw.size());
    for (const QChar c : raw) {
        if (c != u'\t' && c != u'\n' && c != u'\r')
            url += c;
    }
    qsizetype b = 0;
    qsizetype e = url.size();
    while (b < e && url[b].unicode() <= 0x20)
        ++b;
    while (e > b && url[e - 1].unicode() <= 0x20)
        --e;
    url = url.mid(b, e - b);
    for (const QChar c : std::as_const(url)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return {};
    }

    // The scheme must be explicit: relative and "//host" links are refused.
    const qsizetype colon = url.indexOf(u':');
    if (colon <= 0 || !isAsciiAlpha(url[0]))
        return {};
    for (qsizetype i = 1; i < colon; ++i) {
        const QChar c = url[i];
        if (!isAsciiAlnum(c) && c != u'+' && c != u'-' && c != u'.')
            return {};
    }
    const QString scheme = asciiLower(QStringView(url).left(colon));
    const QStringView rest = QStringView(url).mid(colon + 1);
    if (scheme == u"http" || scheme == u"https") {
        if (rest.size() < 3 || !rest.startsWith(QLatin1StringView("//")) || rest[2] == u'/')
            return {};
    } else if (scheme == u"mailto") {
        if (rest.isEmpty())
            return {};
    } else {
        return {};
    }
    return url;
}

class Sanitizer final : public Detail::TokenConsumer
{
public:
    // Deeper elements are dropped (their text is kept): Qt's rich-text
    // engine and the layout must not see 100,000 nested blocks.
    static constexpr qsizetype MaxDepth = 100;

    void text(const QString &text) override { appendEscaped(m_out, text); }

    void startTag(const Token &t) override
    {
        if (t.text == u"img") {
            appendEscaped(m_out, imageAltText(t));
            return;
        }
        const std::optional<Element> allowed = allowedElement(t.text);
        if (!allowed)
            return;
        const Element e = *allowed;

        // The implied end tags that matter for readable output ("<li>a<li>b"
        // are siblings, "<p>a<div>" closes the paragraph).
        if (e == Li)
            closeOpen({Li}, {Ul, Ol});
        else if (e == Dt || e == Dd)
            closeOpen({Dt, Dd}, {Dl});
        else if (e == Tr)
            closeOpen({Tr}, {Table, Thead, Tbody});
        else if (e == Td || e == Th)
            closeOpen({Td, Th}, {Tr, Table});
        else if (e == A)
            closeOpen({A}, {});
        if (isOneOf(e, {P, Div, Li, Dt, Dd, Ul, Ol, Dl, Table, Blockquote, Pre, Hr, H1, H2, H3, H4, H5, H6}))
            closeOpen({P}, {});

        if (e == Br || e == Hr) { // void elements
            m_out += u'<' + t.text + u'>';
            return;
        }
        if (m_open.size() >= MaxDepth)
            return;

        QString attributes;
        if (e == A) {
            const QString href = cleanLinkUrl(t.attribute(u"href"));
            if (href.isEmpty())
                return; // not a link we allow: keep only its text
            appendAttribute(attributes, u"href", href);
            const QString title = t.attribute(u"title");
            if (!title.isEmpty())
                appendAttribute(attributes, u"title", title);
        } else if (e == Td || e == Th) {
            for (const QStringView span : {QStringView(u"colspan"), QStringView(u"rowspan")}) {
                const QString value = t.attribute(span).trimmed();
                if (isNumberInRange(value, 1, 1000))
                    appendAttribute(attributes, span, value);
            }
        } else if (e == Ol) {
            const QString start = t.attribute(u"start").trimmed();
            if (isNumberInRange(start, 0, 999'999'999))
                appendAttribute(attributes, u"start", start);
        }
        m_out += u'<' + t.text + attributes + u'>';
        m_open.push_back(e);
        ++m_openCount[e];
    }

    void endTag(const QString &name) override
    {
        // Closing down to the matching element repairs "<b><i>x</b>"; a
        // closer without an open element is dropped.
        const std::optional<Element> e = allowedElement(name);
        if (e && m_openCount[*e] > 0)
            closeDownTo(lastOpen(*e));
    }

    QString finish()
    {
        closeDownTo(0);
        return std::move(m_out);
    }

private:
    static void appendAttribute(QString &out, QStringView name, const QString &value)
    {
        out += u' ' + name.toString() + QLatin1StringView("=\"");
        appendEscaped(out, value);
        out += u'"';
    }

    qsizetype lastOpen(Element e) const
    {
        qsizetype i = qsizetype(m_open.size()) - 1;
        while (i >= 0 && m_open[std::size_t(i)] != e)
            --i;
        return i;
    }

    void closeDownTo(qsizetype index)
    {
        while (qsizetype(m_open.size()) > index) {
            const Element e = m_open.back();
            m_open.pop_back();
            --m_openCount[e];
            m_out += QLatin1StringView("</");
            m_out += elementNames[e];
            m_out += u'>';
        }
    }

    // Closes the innermost open element named in targets, unless one of
    // boundaries (or a table cell/table, which scope their content) is
    // nearer.
    void closeOpen(std::initializer_list<Element> targets, std::initializer_list<Element> boundaries)
    {
        if (std::none_of(targets.begin(), targets.end(), [this](Element e) { return m_openCount[e] > 0; }))
            return; // the common case, without a walk down the stack
        for (qsizetype i = qsizetype(m_open.size()) - 1; i >= 0; --i) {
            const Element open = m_open[std::size_t(i)];
            if (isOneOf(open, targets)) {
                closeDownTo(i);
                return;
            }
            if (isOneOf(open, boundaries) || isOneOf(open, {Td, Th, Table}))
                return;
        }
    }

    QString m_out;
    std::vector<Element> m_open;
    std::array<int, ElementCount> m_openCount{};
};

// ------------------------------------------------------------- plain text ---

class PlainTextWriter final : public Detail::TokenConsumer
{
public:
    void text(const QString &text) override
    {
        const char16_t *data = QStringView(text).utf16();
        const qsizetype n = text.size();
        qsizetype i = 0;
        while (i < n) {
            if (m_pre == 0 && isHtmlSpace(data[i])) { // HTML collapses white space outside <pre>
                m_pendingSpace = true;
                ++i;
                continue;
            }
            qsizetype end = i; // a run copied as is
            while (end < n && data[end] != QChar::Nbsp && (m_pre > 0 || !isHtmlSpace(data[end])))
                ++end;
            if (m_pendingSpace && !m_out.isEmpty() && !m_out.back().isSpace())
                m_out += u' ';
            m_pendingSpace = false;
            m_out += QStringView(text).mid(i, end - i);
            if (end < n && data[end] == QChar::Nbsp) {
                m_out += u' ';
                ++end;
            }
            i = end;
        }
    }

    void startTag(const Token &t) override
    {
        const QString &name = t.text;
        if (name == u"img") {
            text(imageAltText(t));
        } else if (name == u"br") {
            newline();
        } else if (name == u"li") {
            lineStart();
            m_out += QString(2 * std::max<qsizetype>(m_lists - 1, 0), u' ') + QLatin1StringView("- ");
        } else if (name == u"td" || name == u"th") {
            if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
                m_out += u'\t';
            m_pendingSpace = false;
        } else {
            blockBoundary(name);
        }
        if (name == u"pre")
            ++m_pre;
        else if (name == u"ul" || name == u"ol")
            ++m_lists;
    }

    void endTag(const QString &name) override
    {
        if (name == u"pre" && m_pre > 0)
            --m_pre;
        else if ((name == u"ul" || name == u"ol") && m_lists > 0)
            --m_lists;
        if (name == u"li")
            lineStart();
        else
            blockBoundary(name);
    }

    // Trailing spaces go, runs of blank lines become one, the whole is trimmed.
    QString finish() const
    {
        QString out;
        out.reserve(m_out.size());
        bool blank = false;
        for (QStringView line : QStringView(m_out).tokenize(u'\n')) {
            while (!line.isEmpty() && line.back().isSpace())
                line.chop(1);
            if (line.isEmpty()) {
                blank = true;
                continue;
            }
            if (!out.isEmpty())
                out += blank ? QLatin1StringView("\n\n") : QLatin1StringView("\n");
            out += line;
            blank = false;
        }
        return out.trimmed();
    }

private:
    void newline()
    {
        m_out += u'\n';
        m_pendingSpace = false;
    }

    void lineStart()
    {
        if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
            newline();
        m_pendingSpace = false;
    }

    void blockBoundary(QStringView name)
    {
        // Paragraph-like blocks are separated by a blank line; nested lists
        // and line-like blocks by a line break.
        const bool list = name == u"ul" || name == u"ol";
        if ((list && m_lists == 0) || isOneOf(name, {u"p", u"h1", u"h2", u"h3", u"h4", u"h5", u"h6",
                                                     u"blockquote", u"pre", u"table", u"dl", u"hr"})) {
            lineStart();
            newline();
        } else if (list || isOneOf(name, {u"div", u"tr", u"dt", u"dd", u"li", u"thead", u"tbody"})) {
            lineStart();
        }
    }

    QString m_out;
    bool m_pendingSpace = false;
    int m_pre = 0;
    qsizetype m_lists = 0;
};

} // namespace

QString sanitize(const QString &html)
{
    const QString input = preprocess(html);
    if (!input.contains(u'<')) { // plain text: keep its line breaks visible
        QString out;
        out.reserve(input.size() + input.size() / 8);
        bool first = true;
        for (const QStringView line : QStringView(input).tokenize(u'\n')) {
            if (!first)
                out += QLatin1StringView("<br>");
            first = false;
            appendEscaped(out, line);
        }
        return out;
    }
    Sanitizer sanitizer;
    walk(input, sanitizer);
    return sanitizer.finish();
}

QString toPlainText(const QString &html)
{
    const QString input = preprocess(html);
    if (!input.contains(u'<'))
        return input.trimmed();
    PlainTextWriter writer;
    walk(input, writer);
    return writer.finish();
}

bool isAllowedLinkUrl(const QString &url)
{
    return !cleanLinkUrl(url).isEmpty();
}

} // namespace CaseLens::Html
