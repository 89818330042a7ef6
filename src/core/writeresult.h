#pragma once

#include "core/envelope.h"
#include "core/error.h"
#include "core/ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace CaseLens {

// What the server says a write did. Each is the answer to one request; the
// caller shows it, or (after an ambiguous failure) re-reads the ticket.

// POST /tickets/resolve: Data {CaseNumber, Subject, Status, CloseDate, ClosedBy}.
struct ResolvedTicket
{
    QString caseNumber;
    QString subject;
    TicketStatus status = TicketStatus::Unknown; // Closed when the server did what was asked
    QDateTime closeDate;                         // UTC
    QString closedBy;
    QList<ParseWarning> warnings;
};

// An admin a new ticket was assigned to.
struct Assignee
{
    QString fullName;
    QString email;
};

// POST /tickets/create (201): Data {CaseNumber, Subject, Priority,
// ResourceAffected, AssignedTo {FullName, Email} or null, CreationDate,
// Status "Open"}.
struct CreatedTicket
{
    QString caseNumber;
    QString subject;
    Priority priority = Priority::Unknown;
    QString resourceAffected;           // lower case
    std::optional<Assignee> assignedTo; // empty when null (nobody)
    QDateTime created;                  // CreationDate, UTC
    TicketStatus status = TicketStatus::Unknown;
    QList<ParseWarning> warnings;
};

// POST /tickets/update: Ticket {CaseNumber, Subject, Description, Priority, Status}.
struct UpdatedTicket
{
    QString caseNumber;
    QString subject;
    QString descriptionHtml; // untrusted HTML
    Priority priority = Priority::Unknown;
    TicketStatus status = TicketStatus::Unknown;
    QList<ParseWarning> warnings;
};

template <typename T>
struct WriteResult
{
    T value;
    std::optional<Telemetry> telemetry;
    Error error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

using ResolveResult = WriteResult<ResolvedTicket>;
using CreateResult = WriteResult<CreatedTicket>;
using UpdateResult = WriteResult<UpdatedTicket>;

// Each reads its endpoint's answer: readEnvelope (any 2xx is success; update's
// payload is "Ticket"), then the fields, tolerantly (a field that is missing
// or of the wrong type keeps its default and adds a warning: the write still
// happened). Pure, never throws, never crashes.
[[nodiscard]] ResolveResult parseResolveResponse(const QByteArray &body, int httpStatus,
                                                 const QByteArray &contentType = {},
                                                 const QString &caseNumber = {});
[[nodiscard]] CreateResult parseCreateResponse(const QByteArray &body, int httpStatus,
                                               const QByteArray &contentType = {});
[[nodiscard]] UpdateResult parseUpdateResponse(const QByteArray &body, int httpStatus,
                                               const QByteArray &contentType = {},
                                               const QString &caseNumber = {});

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::ResolveResult)
Q_DECLARE_METATYPE(CaseLens::CreateResult)
Q_DECLARE_METATYPE(CaseLens::UpdateResult)
