#!/usr/bin/env bash
# README command 1: install what is needed, build, and start CaseLens.
# Without an API key (CASELENS_API_KEY unset) it opens the bundled demo data.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default

app=build/default/src/app/caselens
if [[ -z "${CASELENS_API_KEY:-}" ]]; then
    exec "$app" --demo "$@"
fi
exec "$app" "$@"
