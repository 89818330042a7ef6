#include "core/writeoperation.h"

#include "core/apiclient.h"

namespace CaseLens {

WriteOperation::WriteOperation(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(client);
}

WriteOperation::~WriteOperation()
{
    // Nobody waits for the answer any more: withdraw the request. A write
    // already on the wire may still happen; that is the caller's choice.
    delete m_reply.data();
}

bool WriteOperation::mayHaveHappened(const Error &error)
{
    switch (error.kind()) {
    case ErrorKind::None:
        return true;
    case ErrorKind::InvalidInput: // refused before sending
    case ErrorKind::NoApiKey:
    case ErrorKind::Keychain:
    case ErrorKind::Unauthorized: // the server answered that it did not act
    case ErrorKind::Forbidden:
    case ErrorKind::NotFound:
    case ErrorKind::BadRequest:
    case ErrorKind::RateLimited:
        return false;
    default:
        break;
    }
    // 503 is "busy, not processed"; any other server fault may come after
    // the change was made.
    return error.httpStatus() != 503 && error.httpStatus() != 429;
}

bool WriteOperation::begin()
{
    if (m_started)
        return false;
    m_started = true;
    m_running = true;
    return true;
}

void WriteOperation::readBack(const CaseNumber &caseNumber, std::function<void(const TicketResult &)> done)
{
    await<TicketReply>(m_client->fetchTicket(caseNumber, Lane::User, Freshness::AfterWrite), std::move(done));
}

void WriteOperation::finish()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished();
}

bool isClosed(const Ticket &ticket)
{
    if (ticket.status == TicketStatus::Unknown)
        return ticket.closeDate.isValid();
    return ticket.status == TicketStatus::Closed;
}

} // namespace CaseLens
