#!/usr/bin/env bash
# README command 2: install what is needed, build with warnings as errors,
# and run every test. Keychain tests need a D-Bus session with an unlocked
# GNOME Keyring: this script provides one when none is running.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
scripts/with-keyring.sh ctest --preset ci --output-on-failure "$@"
