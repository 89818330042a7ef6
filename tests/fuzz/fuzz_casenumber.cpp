// libFuzzer target: case-number normalisation.
// The checks live in fuzzchecks.cpp (also replayed by tst_fuzzregressions).
#include "fuzz/fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return CaseLens::Fuzz::runCheck(CaseLens::Fuzz::checkCaseNumber, data, size);
}
