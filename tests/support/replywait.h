#pragma once

#include "core/apiclient.h"

namespace CaseLens::Testing {

// Waits until reply has emitted finished(); false when it did not within
// timeoutMs (the reply is then left as it is).
[[nodiscard]] bool waitForFinished(ApiReply *reply, int timeoutMs = 10000);

// Parses text as the search bar does, fetches the case through client and
// waits for the answer. Text that is no case number gives the parse error
// (nothing is sent); no answer within timeoutMs gives an error saying so.
[[nodiscard]] TicketResult fetchAndWait(ApiClient &client, const QString &text, int timeoutMs = 10000);

// The case number in text, which must be valid (test data).
[[nodiscard]] CaseNumber caseNumber(const QString &text);

} // namespace CaseLens::Testing
