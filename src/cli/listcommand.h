#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli list [--closed] [--search TEXT] [--priority low|medium|high]
//                   [--platform NAME] [--page N | --all] [--json]
//                   [--base-url URL] [--timeout SECONDS]
// Returns the process exit code (see exitcodes.h; a 400 from the server is 2).
[[nodiscard]] int runList(const QStringList &arguments);

} // namespace CaseLens::Cli
