#pragma once

#include "core/casenumber.h"
#include "core/error.h"
#include "core/ticket.h"
#include "core/writeoperation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace CaseLens {

class ApiClient;

// What one resolve did, as the server's state shows it afterwards.
struct ResolveOutcome
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::ResolveOutcome)

public:
    enum class Kind {
        Closed,        // closed now, by this request
        AlreadyClosed, // the server said 404, and the ticket is closed
        NotClosed,     // still open (the answer was lost, or the server refused)
        NotFound,      // no such ticket for this key
        Failed,        // refused (error), or not known: the answer and the re-read both failed
    };

    explicit ResolveOutcome(CaseNumber number)
        : caseNumber(std::move(number))
    {}

    Kind kind = Kind::Failed;
    CaseNumber caseNumber;
    QString closedBy;   // who closed it, when known
    QDateTime closedAt; // UTC; invalid when not known
    // The ticket as re-read after the write, when the re-read worked.
    std::optional<Ticket> ticket;
    // Why, for NotClosed / NotFound / Failed.
    Error error;
    // The resolve's answer never arrived (we re-read to learn).
    bool answerLost = false;

    // For the agent: "HYXTNJV is closed." / "HYXTNJV was already closed." /
    // "HYXTNJV was not closed. Try again." / ...
    [[nodiscard]] QString message() const;
    // "Closed by Dana Whitfield on 27/01/2025 10:00." in the default
    // QLocale and local time; empty when neither is known.
    [[nodiscard]] QString closedByText() const;
};

// Closes one ticket (POST /tickets/resolve), exactly once: the request is
// sent once and never again by CaseLens, whatever happens to it. Afterwards
// (on success, on a 404, or when the outcome is unknown) the ticket is read
// again, so the outcome says what the server's state is, and carries the
// ticket with the server's closing note.
class ResolveOperation final : public WriteOperation
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveOperation)

public:
    ResolveOperation(ApiClient *client, const CaseNumber &caseNumber, QObject *parent = nullptr);
    ~ResolveOperation() override;

    void start() override;
    [[nodiscard]] const ResolveOutcome &outcome() const { return m_outcome; }

private:
    void onResolved(const ResolveResult &result);
    void onReRead(const TicketResult &result);

    ResolveOutcome m_outcome;
    Error m_writeError; // the resolve's own failure, if any
};

} // namespace CaseLens
