#pragma once

#include <QtGlobal>

#include <limits>

namespace CaseLens {

// tr()'s plural count is an int, but byte sizes are not. Beyond int, keep the
// last six digits (all any language's plural rule looks at) above a million,
// so the form stays right; the number shown is formatted separately (%1).
[[nodiscard]] constexpr int pluralCount(qint64 n)
{
    if (n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max())
        return int(n);
    return int(n % 1'000'000) + (n < 0 ? -1'000'000 : 1'000'000);
}

} // namespace CaseLens
