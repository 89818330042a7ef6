#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring
# (a real Secret Service), so QtKeychain works for real in tests.
set -euo pipefail

if [[ -z "${CASELENS_IN_KEYRING_SESSION:-}" ]]; then
    export CASELENS_IN_KEYRING_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi

# A throwaway keyring under a temporary HOME-like directory: never the user's.
keyring_home=$(mktemp -d)
trap 'kill "${GNOME_KEYRING_PID:-}" 2>/dev/null || true; rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
eval "$(echo -n caselens-test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
"$@"
