#pragma once

#include "core/apiclient.h"
#include "core/error.h"
#include "core/writeoperation.h"
#include "core/writeresult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace CaseLens {

// A description as the API takes it (simple HTML: b, strong, i, hr, br) from
// plain text: everything escaped except those tags typed as such ("<b>",
// "</i>", "<br>", "<br/>"), line breaks as <br>, trailing blank lines dropped.
[[nodiscard]] QString descriptionHtmlFromText(const QString &text);

// What one create did.
struct CreateOutcome
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::CreateOutcome)

public:
    enum class Kind {
        Created, // the server made it: caseNumber says which
        Unknown, // the answer was lost and the new ticket was not found in the open list
        Failed,  // refused (error): nothing was made
    };

    Kind kind = Kind::Failed;
    // The new ticket's case number, for Created (parse before opening it:
    // it is what the server sent).
    QString caseNumber;
    // The server's answer, when it arrived.
    std::optional<CreatedTicket> created;
    Error error; // why, for Unknown / Failed
    // The create's answer never arrived (we looked for the ticket to learn).
    bool answerLost = false;

    // "The ticket was created: HYXTNJV" / "CaseLens could not tell whether
    // the ticket was created. Check My tickets before trying again." / ...
    [[nodiscard]] QString message() const;
};

// Creates one ticket (POST /tickets/create), exactly once: the request is
// sent once and never again by CaseLens. When its answer is lost, the
// operation does not resend: it looks for a ticket with exactly this title,
// made since the operation started, in page 1 of the open list (the newest
// tickets), and says whether it found one.
class CreateOperation final : public WriteOperation
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateOperation)

public:
    CreateOperation(ApiClient *client, ApiClient::NewTicket ticket, QObject *parent = nullptr);
    ~CreateOperation() override;

    // How far the clocks of this computer and the server may differ when
    // the open list is searched after a lost answer.
    static constexpr int ClockSlackSeconds = 300;

    [[nodiscard]] const ApiClient::NewTicket &ticket() const { return m_ticket; }

    void start() override;
    [[nodiscard]] const CreateOutcome &outcome() const { return m_outcome; }

private:
    void onCreated(const CreateResult &result);
    void onListed(const TicketListResult &result);

    ApiClient::NewTicket m_ticket;
    QDateTime m_startedAt;
    CreateOutcome m_outcome;
};

} // namespace CaseLens
