#include "core/ticketmarkdown.h"

#include "core/casenumber.h"
#include "core/htmlsanitizer.h"
#include "core/ticketexport.h"

#include <QCoreApplication>
#include <QStringList>

namespace CaseLens::Markdown {
namespace {

// lupdate files strings under the context named here; a free tr() helper
// would hide them from it.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::Markdown)
};

bool isControl(char16_t u)
{
    return (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0);
}

// One line, already without control characters and leading blanks.
QString escapeLine(QStringView line)
{
    QString out;
    out.reserve(line.size() + line.size() / 8 + 4);
    // Block markers only count at the start of a line: "# ", "- ", "+ ",
    // "1. ", "1) ", "=== ", "> " (the last is escaped everywhere below).
    qsizetype digits = 0;
    while (digits < line.size() && line.at(digits).isDigit() && line.at(digits).unicode() < 0x80)
        ++digits;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        switch (c.unicode()) {
        // Inline markup anywhere: emphasis, code, links and images, raw HTML
        // and autolinks, entities, tables, strikethrough, the escape itself.
        case u'\\':
        case u'`':
        case u'*':
        case u'_':
        case u'[':
        case u']':
        case u'<':
        case u'>':
        case u'&':
        case u'|':
        case u'~':
            out += u'\\';
            break;
        case u'#':
        case u'-':
        case u'+':
        case u'=':
            if (i == 0)
                out += u'\\';
            break;
        case u'.':
        case u')':
            if (i == digits && digits > 0)
                out += u'\\';
            break;
        default:
            break;
        }
        out += c;
    }
    return out;
}

QString oneLine(const QString &text)
{
    return escape(text.simplified());
}

QString field(const QString &name, const QString &value)
{
    return QStringLiteral("- **%1:** %2").arg(name, value);
}

// The facts as list items, and the ticket's link (made here, so not escaped).
QStringList headerFields(const Ticket &ticket)
{
    QStringList lines;
    const QList<Export::Fact> facts = Export::headerFacts(ticket);
    for (const Export::Fact &fact : facts)
        lines << field(fact.label, oneLine(fact.value));
    if (const ParsedCaseNumber parsed = CaseNumber::parse(ticket.caseNumber); parsed.ok())
        lines << field(Tr::tr("Link"), u'<' + parsed.caseNumber()->toLink() + u'>');
    return lines;
}

QString bodyText(const QString &html)
{
    const QString text = escape(Html::toPlainText(html));
    return text.isEmpty() ? QStringLiteral("*") + Tr::tr("(empty)") + QStringLiteral("*") : text;
}

void appendNote(QStringList &blocks, const Note &note, const QString &headingMarks)
{
    blocks << headingMarks + u' ' + oneLine(Export::dateText(note.date));
    blocks << bodyText(note.html);
}

} // namespace

QString escape(const QString &text)
{
    QString lines = text;
    lines.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    QString clean;
    clean.reserve(lines.size());
    for (const QChar c : std::as_const(lines)) {
        if (!isControl(c.unicode()))
            clean += c == u'\t' ? QChar(u' ') : c;
    }
    // Paragraphs: runs of blank lines become one; lines in a paragraph end in
    // a hard break ("\" before the newline).
    QStringList paragraphs;
    QStringList current;
    const auto flush = [&paragraphs, &current] {
        if (!current.isEmpty())
            paragraphs << current.join(QStringLiteral("\\\n"));
        current.clear();
    };
    for (const QStringView line : QStringView(clean).split(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            flush();
        else
            current << escapeLine(trimmed);
    }
    flush();
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString fullExport(const Ticket &ticket)
{
    QStringList blocks;
    blocks << QStringLiteral("# ") + oneLine(Export::titleText(ticket));
    blocks << headerFields(ticket).join(u'\n');

    blocks << QStringLiteral("## ") + Tr::tr("Requester");
    QStringList requester{field(Tr::tr("Name"), oneLine(Export::requesterText(ticket.requester)))};
    if (!ticket.requester.sweepstakesName.simplified().isEmpty())
        requester << field(Tr::tr("Sweepstakes"), oneLine(ticket.requester.sweepstakesName));
    blocks << requester.join(u'\n');

    blocks << QStringLiteral("## ") + Tr::tr("Description");
    blocks << bodyText(ticket.descriptionHtml);

    blocks << QStringLiteral("## ") + Tr::tr("Notes (%1)").arg(ticket.notes.size());
    if (ticket.notes.isEmpty())
        blocks << Tr::tr("No notes.");
    for (const Note &note : ticket.notes)
        appendNote(blocks, note, QStringLiteral("###"));

    blocks << QStringLiteral("## ") + Tr::tr("Statistics");
    QStringList statistics;
    const QList<std::pair<QString, int>> counts = Export::actionCounts(ticket);
    for (const auto &[action, count] : counts)
        statistics << QStringLiteral("- %1: %2").arg(oneLine(action)).arg(count);
    blocks << (statistics.isEmpty() ? Tr::tr("No statistics.") : statistics.join(u'\n'));
    return blocks.join(QStringLiteral("\n\n")) + u'\n';
}

QString summary(const Ticket &ticket)
{
    QStringList blocks;
    blocks << QStringLiteral("### ") + oneLine(Export::titleText(ticket));
    QStringList fields = headerFields(ticket);
    fields << field(Tr::tr("Requester"), oneLine(Export::requesterText(ticket.requester)));
    blocks << fields.join(u'\n');
    blocks << QStringLiteral("#### ") + Tr::tr("Description");
    blocks << bodyText(ticket.descriptionHtml);
    if (!ticket.notes.isEmpty()) {
        const qsizetype first = std::max<qsizetype>(0, ticket.notes.size() - SummaryNotes);
        blocks << QStringLiteral("#### ") +
                      (first == 0 ? Tr::tr("Notes")
                                  : Tr::tr("Last %1 of %2 notes").arg(SummaryNotes).arg(ticket.notes.size()));
        for (qsizetype i = first; i < ticket.notes.size(); ++i)
            appendNote(blocks, ticket.notes.at(i), QStringLiteral("#####"));
    }
    return blocks.join(QStringLiteral("\n\n")) + u'\n';
}

} // namespace CaseLens::Markdown
