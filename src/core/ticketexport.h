#pragma once

#include "core/ticket.h"

#include <QList>
#include <QString>

#include <utility>

namespace CaseLens::Export {

// The facts every export format shows in its header, as plain text. Values
// come from the server and are untrusted: each format escapes them its way.
struct Fact
{
    QString label; // translated: "Status", "Priority", ...
    QString value;
};

// Status, priority, product area (when given), created, closed (when closed).
[[nodiscard]] QList<Fact> headerFacts(const Ticket &ticket);

// "HYXTNJV — Winners list export fails" on one line ("(no subject)" when empty).
[[nodiscard]] QString titleText(const Ticket &ticket);

// "Ana Ruiz <ana@example.com>", or whichever part is known; "unknown".
[[nodiscard]] QString requesterText(const Requester &requester);

// A date in local time with its zone, "2025-06-12 14:03 UTC"; "unknown date".
[[nodiscard]] QString dateText(const QDateTime &utc);

// How often each statistics action occurs, sorted by action.
[[nodiscard]] QList<std::pair<QString, int>> actionCounts(const Ticket &ticket);

// The ticket as a self-contained HTML document: a small inline style sheet,
// no scripts, no remote resources; the description and the notes only as
// Html::sanitize() lets them through, everything else escaped.
[[nodiscard]] QString html(const Ticket &ticket);

// "HYXTNJV - Winners list export fails.pdf": case number and subject, made
// safe (CaseLens::safeFileName), with suffix ("pdf", "md", "html") appended.
[[nodiscard]] QString exportFileName(const Ticket &ticket, const QString &suffix);

} // namespace CaseLens::Export
