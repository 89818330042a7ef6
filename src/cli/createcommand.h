#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli create --title T --priority low|medium|high
//     [--description-file F|-] [--assign-to X] [--base-url URL] [--timeout SECONDS]
// Creates one ticket, exactly once (CreateOperation), and prints its case
// number. Returns the process exit code (see exitcodes.h).
[[nodiscard]] int runCreate(const QStringList &arguments);

} // namespace CaseLens::Cli
