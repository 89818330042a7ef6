#pragma once

#include "core/casenumber.h"
#include "core/error.h"
#include "core/ticket.h"
#include "core/writeoperation.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace CaseLens {

class ApiClient;

// What one update did, as the ticket reads afterwards.
struct UpdateOutcome
{
    Q_DECLARE_TR_FUNCTIONS(CaseLens::UpdateOutcome)

public:
    enum class Kind {
        Updated,    // changed, by this request
        NotUpdated, // the answer was lost, and the ticket does not read as sent
        Failed,     // refused (error), or not known: the answer and the re-read both failed
    };

    explicit UpdateOutcome(CaseNumber number)
        : caseNumber(std::move(number))
    {}

    Kind kind = Kind::Failed;
    CaseNumber caseNumber;
    // The ticket as re-read after the write, when the re-read worked.
    std::optional<Ticket> ticket;
    Error error; // why, for NotUpdated / Failed
    // The update's answer never arrived (we re-read to learn).
    bool answerLost = false;

    // "HYXTNJV was changed." / "HYXTNJV was not changed. Try again." / ...
    [[nodiscard]] QString message() const;
};

// Replaces the title and/or the description of one open ticket (POST
// /tickets/update), exactly once: sent once and never again by CaseLens.
// The ticket is read again afterwards (the server logs the change in its
// statistics); when the answer was lost, that re-read tells whether the
// ticket now reads as sent.
class UpdateOperation final : public WriteOperation
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateOperation)

public:
    // At least one of title and descriptionHtml (the simple HTML the API allows).
    UpdateOperation(ApiClient *client, const CaseNumber &caseNumber, std::optional<QString> title,
                    std::optional<QString> descriptionHtml, QObject *parent = nullptr);
    ~UpdateOperation() override;

    void start() override;
    [[nodiscard]] const UpdateOutcome &outcome() const { return m_outcome; }

private:
    void onUpdated(const Error &error);
    void onReRead(const TicketResult &result);

    std::optional<QString> m_title;
    std::optional<QString> m_descriptionHtml;
    UpdateOutcome m_outcome;
    Error m_writeError;
};

} // namespace CaseLens
