#pragma once

#include "core/error.h"

namespace CaseLens::Cli {

// Documented in --help and the README. With several cases the highest wins.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,    // usage error or invalid case number (nothing sent)
    ExitAuth = 3,     // no key, 401 or 403
    ExitNotFound = 4, // 404, or Response:false with Code 404
    ExitFailure = 5,  // network, timeout, TLS, 5xx, rate limit exhausted, too large, malformed
    ExitKeychain = 6, // keychain unavailable or keychain error
};

[[nodiscard]] ExitCode exitCodeFor(const Error &error);

} // namespace CaseLens::Cli
