#pragma once

#include "core/ticketlist.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace CaseLens::Cli {

// A ticket list as an aligned table for a terminal: case, priority, created
// (local date), product area, then the subject whole. The columns are as
// wide as the widest documented value, so pages printed one after another
// line up. A row that was not as documented is still printed, its missing
// fields as "-", and says so after its subject: "[bad row: Tickets[3].Date:
// expected a date, got 12]".
[[nodiscard]] QString formatTicketListHeader();
[[nodiscard]] QString formatTicketListRows(const QList<TicketSummary> &rows);

// Each row as the server sent it, one compact JSON object a line (what
// `jq -c '.Data.Tickets[]'` prints).
[[nodiscard]] QByteArray formatTicketListJson(const QList<TicketSummary> &rows);

} // namespace CaseLens::Cli
