#include "core/updateoperation.h"

#include "core/apiclient.h"

namespace CaseLens {

QString UpdateOutcome::message() const
{
    const QString number = caseNumber.toString();
    switch (kind) {
    case Kind::Updated:
        return tr("%1 was changed.").arg(number);
    case Kind::NotUpdated:
        return tr("%1 was not changed. Try again.").arg(number);
    case Kind::Failed:
        break;
    }
    if (answerLost)
        return tr("CaseLens could not tell whether %1 was changed. Check the ticket before trying again.")
            .arg(number);
    return tr("%1 was not changed. %2").arg(number, error.message());
}

UpdateOperation::UpdateOperation(ApiClient *client, const CaseNumber &caseNumber,
                                 std::optional<QString> title, std::optional<QString> descriptionHtml,
                                 QObject *parent)
    : WriteOperation(client, parent)
    , m_title(std::move(title))
    , m_descriptionHtml(std::move(descriptionHtml))
    , m_outcome(caseNumber)
{
    Q_ASSERT(m_title || m_descriptionHtml);
}

UpdateOperation::~UpdateOperation() = default;

void UpdateOperation::start()
{
    if (!begin())
        return;
    await<UpdateReply>(client()->updateTicket(m_outcome.caseNumber, m_title, m_descriptionHtml),
                       [this](const UpdateResult &result) { onUpdated(result.error); });
}

void UpdateOperation::onUpdated(const Error &error)
{
    m_writeError = error;
    if (!mayHaveHappened(error)) {
        m_outcome.kind = UpdateOutcome::Kind::Failed;
        m_outcome.error = error;
        finish();
        return;
    }
    m_outcome.answerLost = error.isError();
    readBack(m_outcome.caseNumber, [this](const TicketResult &reRead) { onReRead(reRead); });
}

void UpdateOperation::onReRead(const TicketResult &result)
{
    using Kind = UpdateOutcome::Kind;
    if (result.ok())
        m_outcome.ticket = result.ticket;
    if (!m_writeError.isError()) {
        m_outcome.kind = Kind::Updated; // the server said so; the re-read only shows it
    } else if (!result.ok()) {
        m_outcome.kind = Kind::Failed; // unknown
        m_outcome.error = m_writeError;
    } else {
        // The answer was lost: the ticket reads as sent, or it was not changed.
        const bool titleAsSent = !m_title || result.ticket.subject == m_title->trimmed();
        const bool descriptionAsSent =
            !m_descriptionHtml || result.ticket.descriptionHtml.trimmed() == m_descriptionHtml->trimmed();
        m_outcome.kind = titleAsSent && descriptionAsSent ? Kind::Updated : Kind::NotUpdated;
        if (m_outcome.kind == Kind::NotUpdated)
            m_outcome.error = m_writeError;
    }
    finish();
}

} // namespace CaseLens
