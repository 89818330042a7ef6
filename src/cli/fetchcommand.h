#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli fetch [--json] [--base-url URL] [--timeout SECONDS] CASE...
// Returns the process exit code (see exitcodes.h).
[[nodiscard]] int runFetch(const QStringList &arguments);

} // namespace CaseLens::Cli
