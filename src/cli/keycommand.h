#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli key set|status|forget [--base-url URL]
// The key is read from standard input (without echo on a terminal), never
// from the command line, and never printed. Returns the exit code:
// 0 done; 2 usage or empty key; 3 no key stored (status); 6 keychain
// unavailable or failing.
[[nodiscard]] int runKey(const QStringList &arguments);

} // namespace CaseLens::Cli
