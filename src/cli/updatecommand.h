#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli update CASE [--title T] [--description-file F|-]
//     [--base-url URL] [--timeout SECONDS]
// Replaces an open ticket's title and/or description, exactly once
// (UpdateOperation). Returns the process exit code (see exitcodes.h).
[[nodiscard]] int runUpdate(const QStringList &arguments);

} // namespace CaseLens::Cli
