#pragma once

namespace CaseLens::Cli {

// Asks the kernel for transparent huge pages on the heap the command is about
// to fill. Reading a large ticket touches ~50 MB of fresh heap: in 4 KiB pages
// that is ~12,800 page faults, which cost more than the parse itself (see
// docs/performance.md, issue 19). In 2 MiB pages it is a few dozen. What
// glibc does with GLIBC_TUNABLES=glibc.malloc.hugetlb=1, without asking the
// user to set it. Call first thing in main(). Does nothing off glibc or under
// AddressSanitizer; where transparent huge pages are switched off only the
// heap settings remain (big buffers from the heap, no trimming mid-command).
void useHugePagesForTheHeap();

} // namespace CaseLens::Cli
