#pragma once

#include "core/envelope.h"
#include "core/error.h"
#include "core/ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace CaseLens {

// One row of fetchOpenTickets / fetchClosedTickets: only these fields come
// with a list; anything else needs the single-ticket call.
struct TicketSummary
{
    QString caseNumber;
    QString subject;   // plain text, cut to 100 characters by the server
    QDateTime created; // the contract's Date, UTC; invalid when unreadable
    Priority priority = Priority::Unknown;
    QString resourceAffected; // lower case: "general", "api", ...
    // Why the row is not as documented ("Tickets[3].Date: expected a date,
    // got ..."); empty for a good row. The row is still listed, and marked.
    QStringList problems;
    // The row as the server sent it, as one compact JSON line (what
    // `jq -c '.Data.Tickets[]'` prints: key order and number spelling as
    // sent, whitespace removed, control characters in strings escaped).
    // Re-serialised when the answer's text cannot be matched to its rows.
    QByteArray json;

    // A row without a well-formed case number is listed (marked) but cannot
    // be opened.
    [[nodiscard]] bool canOpen() const;
};

// One page of a ticket list (always 20 a page, newest first).
struct TicketList
{
    qint64 totalTickets = 0;
    int page = 0;  // from 1; 0 when the answer did not say
    int limit = 0; // tickets a page (20)
    int totalPages = 0;
    QList<TicketSummary> tickets;
    // Rows or paging fields that could not be read as documented. Every row
    // is kept, bad fields at their defaults; its own warnings are also in
    // TicketSummary::problems ("Tickets[3]: expected an object ...").
    QList<ParseWarning> warnings;
};

struct TicketListResult
{
    TicketList list;
    Error error;
    // The answer's usage figures, when it carried them (last: {value, error} still builds one).
    std::optional<Telemetry> telemetry = std::nullopt;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// Turns a ticket-list answer into a page of summaries or an error: the
// envelope as readEnvelope reads it (same errors, same size cap), then Data's
// paging fields and rows, tolerantly. Pure, never throws, never crashes.
[[nodiscard]] TicketListResult parseTicketListResponse(const QByteArray &body, int httpStatus,
                                                       const QByteArray &contentType = {});

// Where pages sit in their list, for a status line: "Page 1 of 2 · 23 open
// tickets", "Pages 1–3 of 3 · 45 closed tickets" (firstPage < lastPage), or
// "No open tickets". Translated (context CaseLens::TicketList), %n plurals.
[[nodiscard]] QString ticketListSummary(TicketStatus status, int firstPage, int lastPage, int totalPages,
                                        qint64 totalTickets);

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::TicketList)
Q_DECLARE_METATYPE(CaseLens::TicketListResult)
