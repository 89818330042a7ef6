#pragma once

#include <QStringList>

namespace CaseLens::Cli {

// caselens-cli account [--json] [--base-url URL] [--timeout SECONDS]
// Whose API key this is (POST /account/profile) and the plan's usage (POST
// /account/plan, the answers' Telemetry). Returns the process exit code (see
// exitcodes.h); a plan that cannot be read still prints the profile, exit 0.
[[nodiscard]] int runAccount(const QStringList &arguments);

} // namespace CaseLens::Cli
