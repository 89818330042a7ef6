#!/usr/bin/env bash
# Takes the README's screenshots of the real app on a virtual X display (Xvfb),
# with demo data, in a throw-away home (no keychain, no settings of yours).
#   scripts/screenshots.sh [BUILD_DIR]     (default build/ci; needs xvfb, xdotool, imagemagick)
# Writes docs/screenshots/queue.png (My tickets beside an open ticket) and
# docs/screenshots/queue-open.png (a second ticket opened from the queue) and
# docs/screenshots/dark.png (the same in Settings → Appearance → Dark).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/ci}
APP=$BUILD/src/app/caselens
OUT=docs/screenshots
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
[ -x "$APP" ] || { echo "screenshots: build the app first ($APP)" >&2; exit 1; }

TMP=$(mktemp -d)
DISPLAY_NUMBER=:97
Xvfb "$DISPLAY_NUMBER" -screen 0 1400x860x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$XVFB" "${APP_PID:-}" 2>/dev/null || true; rm -rf "$TMP"' EXIT
export DISPLAY=$DISPLAY_NUMBER HOME=$TMP XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data
export LANG=en_US.UTF-8 LC_ALL=C.UTF-8 TZ=UTC QT_QPA_PLATFORM=xcb
unset CASELENS_API_KEY CASELENS_BASE_URL DBUS_SESSION_BUS_ADDRESS
sleep 1

shoot() { # $1 = file name; the whole screen, then trimmed to the window
    sleep "${2:-2}"
    import -window root "$TMP/shot.png"
    local id geometry
    id=$(xdotool search --onlyvisible --name 'CaseLens' | head -n1)
    geometry=$(xdotool getwindowgeometry --shell "$id" | awk -F= '/^(X|Y|WIDTH|HEIGHT)=/{v[$1]=$2} END{printf "%dx%d+%d+%d", v["WIDTH"], v["HEIGHT"], v["X"], v["Y"]}')
    convert "$TMP/shot.png" -crop "$geometry" +repage "$OUT/$1"
    echo "screenshots: $OUT/$1 ($geometry)"
}

# Geometry: the app remembers none in this fresh home; it opens at 1120x760
# (or 90% of a smaller screen).
"$APP" --demo HYXTNJV &
APP_PID=$!
shoot queue.png 4

# The agent's second ticket: a click on the queue's second row, Enter opens it
# (its row is marked as open). Xvfb has no window manager: the pointer gives focus.
xdotool mousemove 170 270 click 1
sleep 0.5
xdotool key Return
shoot queue-open.png 3
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

# Dark: the saved appearance is applied before the window is made.
mkdir -p "$XDG_CONFIG_HOME/CaseLens"
printf '[ui]\nappearance=dark\n' >> "$XDG_CONFIG_HOME/CaseLens/CaseLens.conf"
"$APP" --demo HYXTNJV &
APP_PID=$!
shoot dark.png 4
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
