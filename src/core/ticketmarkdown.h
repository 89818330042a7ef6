#pragma once

#include "core/ticket.h"

#include <QString>

namespace CaseLens::Markdown {

// Server text is untrusted: escapes what Markdown would read as markup
// (emphasis, code, links, images, raw HTML and entities, tables, and block
// markers at the start of a line: headings, lists, quotes, rules), drops
// control characters and leading indentation (an indented line would become
// code). Line breaks are kept as hard breaks; blank lines as paragraphs.
[[nodiscard]] QString escape(const QString &text);

// The whole ticket for an export: header (case, subject, status, priority,
// product area, created and closed), requester, description as text, every
// note with its date, and the count of each statistics action.
[[nodiscard]] QString fullExport(const Ticket &ticket);

// A short summary to paste into an issue tracker: header, requester,
// description as text and the last three notes.
[[nodiscard]] QString summary(const Ticket &ticket);

// How many notes summary() shows, newest last.
inline constexpr int SummaryNotes = 3;

} // namespace CaseLens::Markdown
