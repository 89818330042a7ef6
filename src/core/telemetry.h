#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace CaseLens {

// The optional Telemetry object of newer answers: this key's calls this month
// against the plan's monthly limit. Its shape is not documented beyond the
// names, so each part is read tolerantly and stays empty when unreadable.
struct Telemetry
{
    std::optional<qint64> apiCalls;    // APICalls
    std::optional<qint64> maxApiCalls; // MaxAPICalls
    QString dataConsumed;              // DataConsumed as sent (a number as its text)
};

} // namespace CaseLens
