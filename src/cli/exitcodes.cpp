#include "cli/exitcodes.h"

namespace CaseLens::Cli {

ExitCode exitCodeFor(const Error &error)
{
    switch (error.kind()) {
    case ErrorKind::None:
        return ExitOk;
    case ErrorKind::InvalidInput:
        return ExitUsage;
    case ErrorKind::NoApiKey:
    case ErrorKind::Unauthorized:
    case ErrorKind::Forbidden:
        return ExitAuth;
    case ErrorKind::NotFound:
        return ExitNotFound;
    case ErrorKind::Keychain:
        return ExitKeychain;
    case ErrorKind::BadRequest:
    case ErrorKind::RateLimited:
    case ErrorKind::ServerError:
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Tls:
    case ErrorKind::TooLarge:
    case ErrorKind::MalformedResponse:
    case ErrorKind::Cancelled:
        return ExitFailure;
    }
    return ExitFailure;
}

} // namespace CaseLens::Cli
