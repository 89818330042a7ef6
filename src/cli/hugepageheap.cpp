#include "cli/hugepageheap.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace CaseLens::Cli {

void useHugePagesForTheHeap()
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    constexpr int MiB = 1 << 20;
    constexpr std::uintptr_t HugePage = 2 * MiB;
    // Every buffer up to glibc's largest threshold (32 MiB) comes from the heap
    // rather than a fresh mmap (the answer itself is capped at 10 MB), the heap
    // grows in one step of 128 MiB of address space (pages cost only when
    // touched), and freeing never hands it back mid-command.
    if (mallopt(M_MMAP_THRESHOLD, 32 * MiB) == 0 || mallopt(M_TOP_PAD, 128 * MiB) == 0 ||
        mallopt(M_TRIM_THRESHOLD, 256 * MiB) == 0)
        return;
    auto *const before = static_cast<char *>(sbrk(0));
    // Past the current top: the heap grows by the pad. The write keeps the
    // compiler from dropping an allocation nobody reads.
    auto *grow = static_cast<volatile char *>(std::malloc(HugePage));
    if (grow)
        grow[0] = 0;
    std::free(const_cast<char *>(grow));
    auto *const after = static_cast<char *>(sbrk(0));
    if (before == reinterpret_cast<char *>(-1) || after <= before)
        return; // the heap could not grow in place: glibc fell back to mmap
    const std::uintptr_t start = (reinterpret_cast<std::uintptr_t>(before) + HugePage - 1) & ~(HugePage - 1);
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(after) & ~(HugePage - 1);
    if (end > start)
        madvise(reinterpret_cast<void *>(start), end - start, MADV_HUGEPAGE); // advice: failure is harmless
#endif
}

} // namespace CaseLens::Cli
