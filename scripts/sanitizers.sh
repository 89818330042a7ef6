#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (the
# asan preset: Debug, build/asan) and runs the whole test suite under them.
# Any sanitizer report fails the test that caused it; LeakSanitizer checks
# every test process at exit (Qt/system noise is suppressed in
# tests/sanitizers/lsan.supp, never CaseLens code). Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

# openssl: tst_tls makes its certificates with it (ca-certificates pulls it in too).
CASELENS_DEPS_EXTRA="openssl ${CASELENS_DEPS_EXTRA:-}" scripts/install-deps.sh
cmake --preset asan
cmake --build --preset asan

# Keychain tests need a D-Bus session with an unlocked keyring.
if [[ -x scripts/with-keyring.sh ]]; then
    scripts/with-keyring.sh ctest --preset asan "$@"
else
    ctest --preset asan "$@"
fi
