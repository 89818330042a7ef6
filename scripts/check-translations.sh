#!/bin/sh
# Fails when a translation is incomplete: any translations/*.ts entry that is
# unfinished (new or changed source text, not yet translated) or vanished /
# obsolete (its source text is gone; `update_translations` removes those).
#
#   scripts/check-translations.sh [--lupdate PATH] [TS_FILE...]
#
# With --lupdate it first runs lupdate over a copy of the .ts files against
# the current sources (src/core, src/app, src/ticketview, ui: what
# qt_add_translations scans), so a tr() string added without updating the
# translations fails too. The
# .ts files themselves are never modified. CTest runs it that way
# (translations_complete in tests/app/CMakeLists.txt); docs/translations.md
# says how to fix what it reports.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=""
if [ "${1:-}" = "--lupdate" ]; then
    [ $# -ge 2 ] || { echo "check-translations: --lupdate needs a path" >&2; exit 2; }
    lupdate=$2
    shift 2
fi
if [ $# -eq 0 ]; then
    set -- "$root"/translations/*.ts
fi
for ts in "$@"; do
    [ -f "$ts" ] || { echo "check-translations: no such file: $ts" >&2; exit 2; }
done

work=""
# shellcheck disable=SC2317 # called by the trap
cleanup() { [ -z "$work" ] || rm -rf "$work"; }
trap cleanup EXIT INT TERM

if [ -n "$lupdate" ]; then
    work=$(mktemp -d)
    copies=""
    for ts in "$@"; do
        copy="$work/$(basename "$ts")"
        cp "$ts" "$copy"
        copies="$copies $copy"
        # Same options as src/app/CMakeLists.txt: caselens_en.ts holds only the
        # plural (numerus) entries (-pluralonly); the other languages hold all.
        plural_only=""
        case "$(basename "$ts")" in
        caselens_en.ts) plural_only="-pluralonly" ;;
        esac
        # shellcheck disable=SC2086 # plural_only is one option or nothing
        if ! "$lupdate" -silent $plural_only -no-obsolete -locations none -I "$root/src" \
            "$root/src/core" "$root/src/app" "$root/src/ticketview" "$root/ui" -ts "$copy" \
            >"$work/lupdate.log" 2>&1; then
            cat "$work/lupdate.log" >&2
            echo "check-translations: lupdate failed" >&2
            exit 2
        fi
    done
    # shellcheck disable=SC2086 # copies is a list of paths without spaces
    set -- $copies
fi

status=0
for ts in "$@"; do
    name=$(basename "$ts")
    messages=$(grep -c '<message' "$ts" || true)
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    stale=$(grep -c -E 'type="(vanished|obsolete)"' "$ts" || true)
    if [ "$messages" -eq 0 ]; then
        echo "$name: no messages (run the update_translations target)"
        status=1
        continue
    fi
    if [ "$unfinished" -ne 0 ] || [ "$stale" -ne 0 ]; then
        echo "$name: $messages messages, $unfinished unfinished, $stale vanished/obsolete"
        # Which ones: the source text before each offending translation.
        awk '/<source>/ { source = $0 }
             /type="(unfinished|vanished|obsolete)"/ { sub(/^ */, "", source); print "    " source }' "$ts" |
            head -n 20
        status=1
    else
        echo "$name: $messages messages, all translated"
    fi
done
if [ "$status" -ne 0 ]; then
    echo "check-translations: incomplete; see docs/translations.md (update_translations, then translate)" >&2
fi
exit "$status"
