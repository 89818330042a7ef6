#pragma once

#include "core/error.h"
#include "core/telemetry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace CaseLens {

// Bodies larger than this are refused without parsing (the client aborts the
// transfer earlier; this guards callers that parse bytes from elsewhere).
inline constexpr qint64 MaxResponseBytes = 32 * 1024 * 1024;

// What an answer should carry, for the messages that name it ("The server
// sent a web page instead of ticket data."). Whole sentences per kind, so a
// translator never has to build one from a noun.
enum class PayloadKind {
    Ticket,      // fetchSingleTicket's Data
    TicketList,  // fetchOpenTickets / fetchClosedTickets
    Account,     // /account/profile, /account/plan, /account/health-check
    WriteResult, // /tickets/resolve, /tickets/create, /tickets/update
};

// The envelope every endpoint answers with: {"Response": true, "Data": ...}
// or {"Response": false, "Message": ..., "Code": ...}.
struct Envelope
{
    // The payload member (an object); Undefined on error or when none was asked for.
    QJsonValue payload{QJsonValue::Undefined};
    // The whole envelope, when the body was a JSON object (also on errors).
    QJsonObject object;
    // The server's Message: one line, control characters removed, capped.
    QString message;
    // Numbers outside a double's range were read as text (see readEnvelope):
    // the body is no longer exactly what was parsed.
    bool repaired = false;
    // Present when Telemetry had at least one readable part (also on errors).
    std::optional<Telemetry> telemetry;
    Error error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// Reads the envelope of any endpoint's answer. Pure: no I/O, no globals,
// safe from any thread, never throws, never crashes on any input.
//  - httpStatus: any 2xx is success (create answers 201); anything else is
//    the error that status means, with the server's Message when it sent one.
//  - contentType: explains non-JSON bodies (an HTML page from a proxy).
//  - kind: names the expected payload in messages.
//  - payloadKey: "Data" almost everywhere, "Ticket" for update. Empty when
//    the answer carries no payload (health-check, delete): then only the
//    envelope is checked. A payload that is missing or not an object is an
//    error (MalformedResponse), unless Code says which error it is.
//  - caseNumber: the case asked for, for "No ticket HYXTNJV for this API key".
// Response false (or 0, "false") is an error: the one its Code means, or a
// server error with the server's Message. A body with numbers outside a
// double's range (1e999) is read with those numbers as text (repaired).
[[nodiscard]] Envelope readEnvelope(const QByteArray &body, int httpStatus, const QByteArray &contentType,
                                    PayloadKind kind,
                                    QLatin1StringView payloadKey = QLatin1StringView("Data"),
                                    const QString &caseNumber = {});

} // namespace CaseLens
