#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli fetch [--format text|json|markdown] [--json] [--base-url URL] [--timeout SECONDS] CASE...
// (--json is --format json)
// Returns the process exit code (see exitcodes.h).
[[nodiscard]] int runFetch(const QStringList &arguments);

} // namespace CaseLens::Cli
