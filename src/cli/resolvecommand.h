#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli resolve CASE... [--yes] [--base-url URL] [--timeout SECONDS]
// Closes tickets, each exactly once (ResolveOperation). Returns the process
// exit code (see exitcodes.h): 4 when one was already closed or not found.
[[nodiscard]] int runResolve(const QStringList &arguments);

} // namespace CaseLens::Cli
