#pragma once

#include "core/ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringView>

namespace CaseLens {

// Bodies larger than this are refused without parsing (the client aborts the
// transfer earlier; this guards callers that parse bytes from elsewhere).
inline constexpr qint64 MaxTicketResponseBytes = 32 * 1024 * 1024;

// Turns a fetchSingleTicket answer into a ticket or an error. Pure: no I/O,
// no globals, safe to call from any thread.
//  - httpStatus: the HTTP status (200, 404, ...). The envelope's Message is
//    used for the error text when the server sent one.
//  - contentType: the Content-Type header, used to explain non-JSON bodies
//    (an HTML error page from a proxy, for instance).
//  - caseNumber: the case that was asked for, for messages like
//    "No ticket HYXTNJV for this API key".
// On success ticket.rawAnswer shares body (empty when numbers outside a
// double's range had to be read as text: the text is not what was read).
// Never throws, never crashes on any input.
[[nodiscard]] TicketResult parseTicketResponse(const QByteArray &body, int httpStatus,
                                               const QByteArray &contentType = {},
                                               const QString &caseNumber = {});

// The text of the value of the top-level object's member named key, as it
// appears in json (a view into it). Empty when json is not an object, has no
// such member, has it more than once, or has a key written with escapes
// (which might spell key). Linear, no allocation. json must be valid JSON
// (e.g. already accepted by QJsonDocument::fromJson).
[[nodiscard]] QByteArrayView jsonMemberText(QByteArrayView json, QLatin1StringView key);

// Valid JSON text without its insignificant whitespace: the same value, on
// one line. Control characters inside strings (raw tabs, newlines, ESC)
// are written as \u00XX escapes, so the result is one line and safe for a
// terminal. One linear pass; escapes already in the text are kept as sent.
[[nodiscard]] QByteArray compactJson(QByteArrayView json);

// Reads the fields of a ticket (the envelope's Data object). Fields that are
// missing, null or of the wrong type keep their defaults and add a warning.
[[nodiscard]] Ticket parseTicketData(const QJsonObject &data);

// Reads a contract date ("2025-01-26T10:00:00.000Z"; also without
// milliseconds, with an offset such as +02:00, or without a zone, taken as
// UTC) as a UTC QDateTime. Invalid when unreadable.
[[nodiscard]] QDateTime parseTicketDate(QStringView text);

} // namespace CaseLens
