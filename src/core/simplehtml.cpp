#include "core/simplehtml.h"

#include "core/htmlsanitizer.h"
#include "core/htmltokenizer.h"

namespace CaseLens::SimpleHtml {
namespace {

using namespace Html::Detail;

// Appends text to runs in a style, merging with the last run when alike.
void append(QList<Run> &runs, const QString &text, bool bold, bool italic)
{
    if (text.isEmpty())
        return;
    if (!runs.isEmpty() && runs.constLast().bold == bold && runs.constLast().italic == italic)
        runs.last().text += text;
    else
        runs.append(Run{text, bold, italic});
}

// Paragraph-like blocks are set apart by an empty line, line-like ones
// start a new line (as Html::toPlainText reads them).
bool isParagraph(QStringView name)
{
    return isOneOf(name, {u"p", u"h1", u"h2", u"h3", u"h4", u"h5", u"h6", u"blockquote", u"pre", u"table",
                          u"dl", u"hr"});
}

bool isLine(QStringView name)
{
    return isOneOf(name, {u"div", u"li", u"ul", u"ol", u"dt", u"dd", u"tr"});
}

// Reads sanitised HTML into styled runs. Nesting is counted, so
// "<b><b>x</b>y</b>" keeps y bold. White space collapses as HTML collapses
// it, except in <pre>.
class RunReader final : public TokenConsumer
{
public:
    RunReader() = default;
    Q_DISABLE_COPY_MOVE(RunReader)
    ~RunReader() override = default;

    void text(const QString &text) override
    {
        QString out;
        out.reserve(text.size());
        for (const QChar c : text) {
            if (m_pre > 0 || !isHtmlSpace(c)) {
                out += c;
                continue;
            }
            // One space, in the style of the text before it; none at the
            // start of a line.
            const bool afterSpace = out.isEmpty() ? atLineStart() || endsWith(u' ') : out.endsWith(u' ');
            if (!afterSpace)
                out += u' ';
        }
        add(out);
    }

    void startTag(const Token &tag) override
    {
        const QString &name = tag.text;
        if (isOneOf(name, {u"b", u"strong"}))
            ++m_bold;
        else if (isOneOf(name, {u"i", u"em"}))
            ++m_italic;
        else if (name == u"br")
            lineBreak();
        else
            boundary(name);
        if (name == u"pre")
            ++m_pre;
    }

    void endTag(const QString &name) override
    {
        if (isOneOf(name, {u"b", u"strong"}))
            m_bold = std::max(0, m_bold - 1);
        else if (isOneOf(name, {u"i", u"em"}))
            m_italic = std::max(0, m_italic - 1);
        else if (name == u"pre")
            m_pre = std::max(0, m_pre - 1);
        if (name != u"br")
            boundary(name);
    }

    [[nodiscard]] QList<Run> takeRuns()
    {
        chopSpace();
        // No empty lines before or after the text.
        while (!m_runs.isEmpty()) {
            QString &first = m_runs.first().text;
            while (first.startsWith(u'\n'))
                first.remove(0, 1);
            if (!first.isEmpty())
                break;
            m_runs.removeFirst();
        }
        while (!m_runs.isEmpty()) {
            QString &last = m_runs.last().text;
            while (last.endsWith(u'\n'))
                last.chop(1);
            if (!last.isEmpty())
                break;
            m_runs.removeLast();
        }
        return std::move(m_runs);
    }

private:
    void add(const QString &text)
    {
        if (!text.isEmpty())
            append(m_runs, text, m_bold > 0, m_italic > 0);
    }

    [[nodiscard]] bool endsWith(QChar c) const
    {
        return !m_runs.isEmpty() && m_runs.constLast().text.endsWith(c);
    }

    [[nodiscard]] bool atLineStart() const { return m_runs.isEmpty() || endsWith(u'\n'); }

    // A space collapsed from white space does not end a line.
    void chopSpace()
    {
        if (m_pre == 0 && endsWith(u' ')) {
            m_runs.last().text.chop(1);
            if (m_runs.constLast().text.isEmpty())
                m_runs.removeLast();
        }
    }

    void lineBreak()
    {
        chopSpace();
        add(QStringLiteral("\n"));
    }

    // Across runs: "<b>a<br></b><br>" ends with an empty line too.
    [[nodiscard]] bool endsWithEmptyLine() const
    {
        int breaks = 0;
        for (auto run = m_runs.crbegin(); run != m_runs.crend(); ++run) {
            for (auto c = run->text.crbegin(); c != run->text.crend(); ++c) {
                if (*c != u'\n')
                    return false;
                if (++breaks == 2)
                    return true;
            }
        }
        return true; // nothing written yet
    }

    // However many tags meet there ("</p><p>"), a boundary is one line
    // break, or one empty line.
    void boundary(QStringView name)
    {
        const bool paragraph = isParagraph(name);
        if (!paragraph && !isLine(name))
            return;
        chopSpace();
        if (!atLineStart())
            add(QStringLiteral("\n"));
        if (paragraph && !endsWithEmptyLine())
            add(QStringLiteral("\n"));
    }

    QList<Run> m_runs;
    int m_bold = 0;
    int m_italic = 0;
    int m_pre = 0;
};

// Finds a tag fromHtml() reads as plain text or a line break only.
class RichnessFinder final : public TokenConsumer
{
public:
    RichnessFinder() = default;
    Q_DISABLE_COPY_MOVE(RichnessFinder)
    ~RichnessFinder() override = default;

    void text(const QString &) override {}
    void startTag(const Token &tag) override { check(tag.text); }
    void endTag(const QString &name) override { check(name); }
    [[nodiscard]] bool found() const { return m_found; }

private:
    void check(QStringView name)
    {
        if (!isOneOf(name, {u"b", u"strong", u"i", u"em", u"br", u"p", u"div"}))
            m_found = true;
    }

    bool m_found = false;
};

} // namespace

QString toHtml(const QList<Run> &runs)
{
    // Merged first, so that "<b>a</b><b>b</b>" is written "<b>ab</b>".
    QList<Run> merged;
    for (const Run &run : runs)
        append(merged, run.text, run.bold, run.italic);

    QString html;
    for (const Run &run : std::as_const(merged)) {
        if (run.bold)
            html += QStringLiteral("<b>");
        if (run.italic)
            html += QStringLiteral("<i>");
        const QStringList lines = QString(run.text).remove(QChar::Null).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                html += QStringLiteral("<br>");
            appendEscaped(html, lines.at(i));
        }
        if (run.italic)
            html += QStringLiteral("</i>");
        if (run.bold)
            html += QStringLiteral("</b>");
    }
    return html;
}

bool isSimple(const QString &html)
{
    RichnessFinder finder;
    walk(Html::sanitize(html), finder);
    return !finder.found();
}

QList<Run> fromHtml(const QString &html)
{
    RunReader reader;
    walk(Html::sanitize(html), reader);
    return reader.takeRuns();
}

} // namespace CaseLens::SimpleHtml
