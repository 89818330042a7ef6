#pragma once

#include <QList>
#include <QString>

namespace CaseLens {

// The simple HTML the API accepts in a ticket's description (b, strong, i,
// hr, br), written from and read back into styled text. The editor keeps its
// text in a QTextDocument (Qt GUI); the core has no GUI, so the two meet in
// runs of text with a style: the dialog turns its document into runs and
// back, and these pure functions do the HTML.
namespace SimpleHtml {

// A piece of text in one style. '\n' in text is a line break.
struct Run
{
    QString text;
    bool bold = false;
    bool italic = false;

    friend bool operator==(const Run &, const Run &) = default;
};

// "Hello <b>world</b><br>…": only b, i and br; text escaped (& < > ");
// adjacent runs of one style merged; empty runs dropped; NULs dropped.
[[nodiscard]] QString toHtml(const QList<Run> &runs);

// The reverse, for editing a ticket's description (untrusted HTML): the
// HtmlSanitizer's output read as runs. b/strong are bold, i/em italic; br,
// hr and the ends of blocks (p, div, li, headings...) are line breaks;
// every other tag keeps only its text. Adjacent runs of one style merged;
// leading and trailing line breaks trimmed.
[[nodiscard]] QList<Run> fromHtml(const QString &html);

// True when fromHtml() keeps all that html shows: after sanitising, only
// text, b, strong, i, em, br and paragraphs (p, div). Links, lists, tables,
// headings... would become plain text in an edit.
[[nodiscard]] bool isSimple(const QString &html);

} // namespace SimpleHtml
} // namespace CaseLens
