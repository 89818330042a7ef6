#include "ticketparser.h"
// Placeholder until the parser lands.
namespace CaseLens {
TicketResult parseTicketResponse(const QByteArray &, int, const QByteArray &, const QString &) { return {}; }
Ticket parseTicketData(const QJsonObject &data) { Ticket t; t.raw = data; return t; }
} // namespace CaseLens
