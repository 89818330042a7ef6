#include "core/resolveoperation.h"

#include "core/apiclient.h"

#include <QLocale>

namespace CaseLens {

QString ResolveOutcome::message() const
{
    const QString number = caseNumber.toString();
    switch (kind) {
    case Kind::Closed:
        return tr("%1 is closed.").arg(number);
    case Kind::AlreadyClosed:
        return tr("%1 was already closed.").arg(number);
    case Kind::NotClosed:
        return tr("%1 was not closed. Try again.").arg(number);
    case Kind::NotFound:
        return tr("%1 was not closed: there is no such ticket for this API key.").arg(number);
    case Kind::Failed:
        break;
    }
    if (answerLost)
        return tr("CaseLens could not tell whether %1 was closed. Check the ticket before trying again.")
            .arg(number);
    return tr("%1 was not closed. %2").arg(number, error.message());
}

QString ResolveOutcome::closedByText() const
{
    const QString when =
        closedAt.isValid() ? QLocale().toString(closedAt.toLocalTime(), QLocale::ShortFormat) : QString();
    if (!closedBy.isEmpty() && !when.isEmpty())
        return tr("Closed by %1 on %2.").arg(closedBy, when);
    if (!closedBy.isEmpty())
        return tr("Closed by %1.").arg(closedBy);
    if (!when.isEmpty())
        return tr("Closed on %1.").arg(when);
    return {};
}

ResolveOperation::ResolveOperation(ApiClient *client, const CaseNumber &caseNumber, QObject *parent)
    : WriteOperation(client, parent)
    , m_outcome(caseNumber)
{}

ResolveOperation::~ResolveOperation() = default;

void ResolveOperation::start()
{
    if (!begin())
        return;
    await<ResolveReply>(client()->resolveTicket(m_outcome.caseNumber),
                        [this](const ResolveResult &result) { onResolved(result); });
}

void ResolveOperation::onResolved(const ResolveResult &result)
{
    m_writeError = result.error;
    if (result.ok()) {
        // What the server said; the re-read below may know it better.
        m_outcome.closedBy = result.value.closedBy;
        m_outcome.closedAt = result.value.closeDate;
    } else if (!mayHaveHappened(result.error) && result.error.kind() != ErrorKind::NotFound) {
        // Refused outright: nothing changed, nothing to re-read.
        m_outcome.kind = ResolveOutcome::Kind::Failed;
        m_outcome.error = result.error;
        finish();
        return;
    } else {
        m_outcome.answerLost = result.error.kind() != ErrorKind::NotFound;
    }
    readBack(m_outcome.caseNumber, [this](const TicketResult &reRead) { onReRead(reRead); });
}

void ResolveOperation::onReRead(const TicketResult &result)
{
    using Kind = ResolveOutcome::Kind;
    if (result.ok()) {
        m_outcome.ticket = result.ticket;
        if (isClosed(result.ticket)) {
            if (!result.ticket.closedBy.isEmpty())
                m_outcome.closedBy = result.ticket.closedBy;
            if (result.ticket.closeDate.isValid())
                m_outcome.closedAt = result.ticket.closeDate;
        }
    }
    const bool closed = result.ok() && isClosed(result.ticket);
    if (!m_writeError.isError()) {
        // The server said it closed it. A re-read that failed (or that came
        // from a cache) does not undo that.
        m_outcome.kind = Kind::Closed;
    } else if (m_writeError.kind() == ErrorKind::NotFound) {
        // "Ticket Not Found or Already Closed": the re-read tells which.
        if (closed) {
            m_outcome.kind = Kind::AlreadyClosed;
        } else if (result.error.kind() == ErrorKind::NotFound) {
            m_outcome.kind = Kind::NotFound;
            m_outcome.error = m_writeError;
        } else {
            // Nothing was closed now; the server's 404 says the rest.
            m_outcome.kind = result.ok() ? Kind::NotClosed : Kind::Failed;
            m_outcome.error = m_writeError;
        }
    } else if (closed) {
        m_outcome.kind = Kind::Closed; // the answer was lost; the change was made
    } else if (result.ok()) {
        m_outcome.kind = Kind::NotClosed;
        m_outcome.error = m_writeError;
    } else if (result.error.kind() == ErrorKind::NotFound) {
        m_outcome.kind = Kind::NotFound;
        m_outcome.error = result.error;
    } else {
        m_outcome.kind = Kind::Failed; // unknown: both the answer and the re-read failed
        m_outcome.error = m_writeError;
    }
    finish();
}

} // namespace CaseLens
