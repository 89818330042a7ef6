#pragma once

#include "error.h"

#include <QString>

namespace CaseLens {

// Case numbers arrive pasted from e-mails and chats: " #hyxtnjv ".
// Normalising trims, drops one leading '#', and upper-cases. A valid case
// number is 1-32 ASCII letters or digits.
struct NormalizedCaseNumber
{
    QString caseNumber; // empty when invalid
    Error error;        // InvalidInput with a message saying what is wrong

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

[[nodiscard]] NormalizedCaseNumber normalizeCaseNumber(const QString &input);

inline constexpr int MaxCaseNumberLength = 32;

} // namespace CaseLens
