#pragma once

#include <QtGlobal>

namespace CaseLens::Testing {

// Resident set size of this process in kB (Linux /proc), -1 when unknown.
[[nodiscard]] qint64 residentKb();

// True in an AddressSanitizer build: its quarantine keeps freed memory
// resident, so RSS bounds say nothing there (LeakSanitizer checks instead).
[[nodiscard]] bool underAddressSanitizer();

} // namespace CaseLens::Testing
