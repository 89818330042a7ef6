#pragma once

#include "core/ticket.h"

#include <QString>

namespace CaseLens::Cli {

// A readable plain-text summary of a ticket for a terminal: header fields,
// counts, one line per file (name, size, type), then each note with its
// local date and its HTML reduced to text.
[[nodiscard]] QString formatTicketText(const Ticket &ticket);

// The ticket's Data object as one compact JSON line: its text as received,
// whitespace removed (key order and number spelling as sent, like
// `jq -c .Data`); re-serialised from ticket.raw when that text is not kept (or has Data twice).
// A view of ticket.rawAnswer when that text is already compact (no copy of
// megabytes), else of storage, which then holds the line.
[[nodiscard]] QByteArrayView formatTicketJson(const Ticket &ticket, QByteArray &storage);

// Server text may carry terminal escape sequences: keep printable
// characters, newlines and tabs only.
[[nodiscard]] QString stripControlCharacters(const QString &text);

} // namespace CaseLens::Cli
