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
# A working keychain is promised here: keychain tests fail instead of skipping.
export CASELENS_REQUIRE_KEYRING=1
# QtKeychain prefers KWallet when it detects KDE: make it use this Secret Service.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID
"$@"
