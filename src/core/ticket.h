#pragma once

#include "core/error.h"
#include "core/rawdata.h"
#include "core/telemetry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace CaseLens {

enum class Priority { Unknown = 0, Low = 1, Medium = 2, High = 3 };
enum class TicketStatus { Unknown, Open, Closed };

// The person who opened the ticket (the contract's AccountInfo object).
struct Requester
{
    QString userToken;
    QString fullName;
    QString email;
    QString mobileNumber; // digits as sent
    QString userType;     // "Administrator", or a number rendered as text
    QString userAgent;
    QString ipAddress;
    QString language; // as sent: "en", "EN", "es"
    std::optional<double> geoLat;
    std::optional<double> geoLon;
    QString sweepstakesName;
};

struct Note
{
    QString id;     // numbers are kept as their decimal text
    QDateTime date; // UTC; invalid when missing or unreadable
    QString html;   // untrusted: plain text or HTML
    // Who wrote it, when the note carries an author-like field (not in the
    // contract: see noteAuthor() in the parser); empty when it does not.
    QString author;
};

struct StatisticEntry
{
    QString id;
    QDateTime date; // UTC
    QString userToken;
    QString action; // "create", "update", "resolve", ...
};

// One entry of Files. The entry shape is not documented: the parser reads
// these from common keys (core/attachments.h); what it could not read stays
// empty. Untrusted text: views decide what is a link.
struct Attachment
{
    QString name;               // file name, or the entry as text when it is no object
    std::optional<qint64> size; // bytes; empty when missing or unreadable
    QString type;               // MIME type or kind as sent ("application/pdf", "csv")
    QString link;               // URL as sent (any scheme)
};

// Something the parser could not read as documented. The ticket is still
// returned; the field keeps its default value and the UI marks it.
struct ParseWarning
{
    QString field;   // contract name, e.g. "Priority" or "Notes[3].Date"
    QString message; // e.g. Priority: expected a number, got "high"
};

struct Ticket
{
    QString caseNumber;
    QDateTime created;       // the contract's Date, UTC
    QString subject;         // plain text, never HTML
    QString descriptionHtml; // untrusted HTML
    Priority priority = Priority::Unknown;
    TicketStatus status = TicketStatus::Unknown;
    QString closedBy;
    QDateTime closeDate; // UTC; invalid when not closed
    int completion = 0;  // 0..100, clamped
    bool pinned = false;
    qint64 views = 0;
    QString resourceAffected; // lower case: "general", "api", ...
    QStringList notifyUsers;
    QList<Note> notes;
    QList<StatisticEntry> statistics;
    Requester requester;
    QList<Attachment> attachments; // Files, one per entry, in order

    // Undocumented shapes, kept exactly as they arrived.
    QJsonArray collaborators;
    QJsonArray files; // as sent; attachments is the typed reading of it
    QJsonArray documentation;
    QJsonValue survey;
    QJsonValue attachmentInfo;
    QJsonValue gitHubIssue;

    RawData raw; // the whole Data object as received
    // The whole answer exactly as received (shared with the body the parser
    // was given: no copy), so that the Data object can be printed as the
    // server sent it instead of re-serialising megabytes (caselens-cli fetch
    // --json: jsonMemberText(rawAnswer, "Data") + compactJson). Empty when the
    // ticket was not read from an answer (parseTicketData), or when the answer
    // had to be repaired before it could be read (see parseTicketResponse).
    QByteArray rawAnswer;
    // Where the Data object's text lies in rawAnswer, when the parser read the
    // ticket from that text or checkTicketResponse found it (printing it as sent then needs no second
    // search), and whether it is already compact (then it is printed as it is, not copied). size 0: not
    // known.
    struct TextSlice
    {
        qsizetype offset = 0;
        qsizetype size = 0;
        bool compact = false;
    } rawData;
    QList<ParseWarning> warnings;

    [[nodiscard]] bool hasWarningFor(const QString &field) const;
};

// What a fetch or a parse produces: a ticket, or an error. Never both.
struct TicketResult
{
    Ticket ticket;
    Error error;
    // The answer's usage figures, when it carried them (last: {value, error} still builds one).
    std::optional<Telemetry> telemetry = std::nullopt;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

[[nodiscard]] QString priorityName(Priority priority); // translated "Low", "Medium", ...
[[nodiscard]] QString statusName(TicketStatus status); // translated "Open", "Closed", ...

} // namespace CaseLens

Q_DECLARE_METATYPE(CaseLens::Ticket)
Q_DECLARE_METATYPE(CaseLens::TicketResult)
