#pragma once

#include "fuzz/fuzzchecks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace CaseLens::Fuzz {

// The body of every LLVMFuzzerTestOneInput: a failed check is a crash, so
// libFuzzer stops, saves the input and reports it like any sanitizer finding.
inline int runCheck(QString (*check)(QByteArrayView), const std::uint8_t *data, std::size_t size)
{
    const QString problem = check(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "==caselens== fuzz check failed: %s\n", problem.toUtf8().constData());
        std::abort();
    }
    return 0;
}

} // namespace CaseLens::Fuzz
