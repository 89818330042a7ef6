#pragma once

#include "core/ticket.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace CaseLens {

enum class PlainRead {
    Check,  // the verdict, the case number and where Data lies: nothing built
    Ticket, // and every field of the ticket, read from the text
};

// A fetchSingleTicket answer read straight from its text, in one pass over
// Data, when that text proves that the tree reader (parseTicketResponse's
// reading through QJsonDocument) would read it without a single warning:
// plain JSON (isPlainJson), every documented member of the documented kind,
// dates in the API's shape, the case asked for. The result is then exactly
// the tree reader's, raw kept as text (core/rawdata.h). nullopt: anything
// less plain (an error, escapes in a key, an exponent, another date shape,
// a number id of more than 15 digits, ...): ask the tree reader. Internal to
// core: see parseTicketResponse and checkTicketResponse (core/ticketparser.h).
[[nodiscard]] std::optional<TicketResult> readPlainTicketResponse(const QByteArray &body, int httpStatus,
                                                                  const QByteArray &contentType,
                                                                  const QString &caseNumber, PlainRead what);

} // namespace CaseLens
