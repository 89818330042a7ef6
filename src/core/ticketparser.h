#pragma once

#include "core/envelope.h"
#include "core/jsontext.h" // jsonMemberText, compactJson: callers print rawAnswer with them
#include "core/ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringView>

namespace CaseLens {

// The envelope's size cap (see core/envelope.h), under its older name.
inline constexpr qint64 MaxTicketResponseBytes = MaxResponseBytes;

// Turns a fetchSingleTicket answer into a ticket or an error: readEnvelope
// (core/envelope.h), then the ticket's fields. Pure: no I/O, no globals, safe
// to call from any thread.
//  - httpStatus: the HTTP status (200, 404, ...). The envelope's Message is
//    used for the error text when the server sent one.
//  - contentType: the Content-Type header, used to explain non-JSON bodies
//    (an HTML error page from a proxy, for instance).
//  - caseNumber: the case that was asked for, for messages like
//    "No ticket HYXTNJV for this API key".
// On success ticket.rawAnswer shares body (empty when numbers outside a
// double's range had to be read as text: the text is not what was read).
// An answer whose text is plain and reads without a warning (nearly every
// one) is read straight from the text in one pass (core/plainticket.h);
// any other through a QJsonDocument tree (parseTicketResponseWithTree), with
// the same result. Never throws, never crashes on any input.
[[nodiscard]] TicketResult parseTicketResponse(const QByteArray &body, int httpStatus,
                                               const QByteArray &contentType = {},
                                               const QString &caseNumber = {});

// parseTicketResponse's reading through QJsonDocument, for every answer (the
// tolerant reader: warnings, repairs). Exposed for tests and benchmarks,
// which compare the two readers.
[[nodiscard]] TicketResult parseTicketResponseWithTree(const QByteArray &body, int httpStatus,
                                                       const QByteArray &contentType = {},
                                                       const QString &caseNumber = {});

// For printing the answer as it came (caselens-cli fetch --json): the same
// verdict as parseTicketResponse (the same error, the same warnings), but
// when the answer's text shows that the typed parse would read it without a
// single warning, the ticket is not built: it then holds only caseNumber,
// rawAnswer and rawData (no QJsonDocument, no notes, no raw). Anything less
// plain (an error, escapes in a key, an exponent, a date in another shape,
// ...) is read by the tree reader. Pure, like it.
[[nodiscard]] TicketResult checkTicketResponse(const QByteArray &body, int httpStatus,
                                               const QByteArray &contentType = {},
                                               const QString &caseNumber = {});

// Reads the fields of a ticket (the envelope's Data object). Fields that are
// missing, null or of the wrong type keep their defaults and add a warning.
[[nodiscard]] Ticket parseTicketData(const QJsonObject &data);

// Reads a contract date ("2025-01-26T10:00:00.000Z"; also without
// milliseconds, with an offset such as +02:00, or without a zone, taken as
// UTC) as a UTC QDateTime. Invalid when unreadable.
[[nodiscard]] QDateTime parseTicketDate(QStringView text);

} // namespace CaseLens
