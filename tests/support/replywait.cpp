#include "support/replywait.h"

#include <QSignalSpy>

#include <memory>

namespace CaseLens::Testing {

bool waitForFinished(ApiReply *reply, int timeoutMs)
{
    if (reply->isFinished())
        return true;
    QSignalSpy finished(reply, &ApiReply::finished);
    return finished.wait(timeoutMs) || reply->isFinished();
}

TicketResult fetchAndWait(ApiClient &client, const QString &text, int timeoutMs)
{
    const ParsedCaseNumber parsed = CaseNumber::parse(text);
    if (!parsed.ok())
        return {{}, parsed.error()};
    const std::unique_ptr<TicketReply> reply(client.fetchTicket(*parsed.caseNumber()));
    if (!waitForFinished(reply.get(), timeoutMs)) {
        qWarning("no answer for %s within %d ms", qPrintable(parsed.text()), timeoutMs);
        return {{}, Error(ErrorKind::None, QStringLiteral("TEST: no result"))};
    }
    return reply->result();
}

CaseNumber caseNumber(const QString &text)
{
    const ParsedCaseNumber parsed = CaseNumber::parse(text);
    Q_ASSERT_X(parsed.ok(), "caseNumber", qPrintable(text));
    return *parsed.caseNumber();
}

} // namespace CaseLens::Testing
