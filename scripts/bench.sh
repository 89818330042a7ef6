#!/usr/bin/env bash
# Builds the benchmarks (preset "bench", build/bench) and runs them all,
# printing one table: measure | figure (median of N runs) | budget | pass/fail.
# Not part of .ci/run: benchmarks never run as timed tests.
#   scripts/bench.sh [--runs N] [--no-build] [--callgrind] [--only LIST]
# --only: a comma-separated subset of parse,gui,queue,startup,cli,list,memory (default all;
# memory needs the server that cli starts, so it starts it itself when needed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build/bench
RUNS=7
BUILD_FIRST=1
CALLGRIND=0
ONLY=parse,gui,queue,startup,cli,list,memory
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift ;;
        --no-build) BUILD_FIRST=0 ;;
        --callgrind) CALLGRIND=1 ;;
        --only) ONLY=$2; shift ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "usage: $0 [--runs N] [--no-build] [--callgrind] [--only parse,gui,queue,startup,cli,list,memory]" >&2; exit 2 ;;
    esac
    shift
done

if [ "$BUILD_FIRST" = 1 ]; then
    cmake --preset bench >/dev/null
    cmake --build --preset bench
fi
for tool in hyperfine jq curl; do
    if ! command -v $tool >/dev/null; then
        echo "installing $tool (apt)" >&2
        apt-get install -y $tool >/dev/null 2>&1 || sudo apt-get install -y $tool >/dev/null
    fi
done

export QT_QPA_PLATFORM=offscreen
TMP=$(mktemp -d)
SERVER_PID=
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$TMP"; }
trap cleanup EXIT

ROWS=()
row() { # measure figure budget verdict
    ROWS+=("$1|$2|$3|$4")
}
verdict() { # figure op limit
    awk -v f="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? (f <= l) : (f >= l); print ok ? "pass" : "FAIL" }'
}
med() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
wanted() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Start-up and memory: the same LD_PRELOAD hook in every program measured;
# settings and caches in empty temporary directories.
HOOK=$BUILD/benchmarks/libbench_startuphook.so
export XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data XDG_CACHE_HOME=$TMP/cache
URL=
start_server() { # the loopback API server (a process), once
    [ -n "$URL" ] && return 0
    "$BUILD/benchmarks/bench_server" > "$TMP/port" &
    SERVER_PID=$!
    for _ in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
    URL=http://127.0.0.1:$(cat "$TMP/port")
}

# --- 1. Parse -----------------------------------------------------------------
if wanted parse; then
echo "== parse (QBENCHMARK, $RUNS runs)" >&2
for i in $(seq "$RUNS"); do
    "$BUILD/benchmarks/bench_parse" -minimumvalue 20 2>/dev/null | awk '/^RESULT/ { key = $3; gsub(/"/, "", key); getline; print key, $1 }'
done > "$TMP/parse.txt"
for size in typical large; do
    json=$(grep "BenchParse::fromJson():$size" "$TMP/parse.txt" | awk '{ print $2 }' | med)
    full=$(grep "BenchParse::parseTicketResponse():$size" "$TMP/parse.txt" | awk '{ print $2 }' | med)
    r=$(ratio "$full" "$json")
    row "parse $size: ticket / fromJson (wall; ${full} / ${json} ms)" "${r}x" "<= 1.2x" "$(verdict "$r" "<=" 1.2)"
done
if [ "$CALLGRIND" = 1 ] && command -v valgrind >/dev/null; then
    echo "== parse (callgrind instruction counts)" >&2
    "$BUILD/benchmarks/bench_parse" -callgrind 2>/dev/null | awk '/^RESULT/ { key = $3; gsub(/"/, "", key); sub(/^BenchParse::/, "", key); getline; gsub(/,/, "", $1); print key, $1 }' > "$TMP/parse_ir.txt" || true
    for size in typical large; do
        json=$(grep "^fromJson():$size" "$TMP/parse_ir.txt" | awk '{ print $2 }')
        full=$(grep "^parseTicketResponse():$size" "$TMP/parse_ir.txt" | awk '{ print $2 }')
        if [ -n "$json" ] && [ -n "$full" ]; then
            r=$(ratio "$full" "$json")
            row "parse $size: ticket / fromJson (instructions)" "${r}x" "<= 1.2x" "$(verdict "$r" "<=" 1.2)"
        fi
    done
fi
fi

# --- 2, 3. GUI ----------------------------------------------------------------
if wanted gui; then
echo "== gui (offscreen, loopback server thread, $RUNS runs)" >&2
"$BUILD/benchmarks/bench_gui" --runs "$RUNS" > "$TMP/gui.txt"
m() { awk -v k="$1" '$1 == "METRIC" && $2 == k { print $3 }' "$TMP/gui.txt"; }
v=$(m typical_enter_to_header_ms); row "Enter -> header painted, typical (ms, minus server $(m typical_server_ms))" "$v" "<= 15" "$(verdict "$v" "<=" 15)"
# Issue 19's goals (were 300 and 50 before it).
v=$(m large_enter_to_counts_ms); row "Enter -> header + tab counts, large (ms, minus server $(m large_server_ms))" "$v" "<= 80" "$(verdict "$v" "<=" 80)"
v=$(m large_max_stall_ms); row "GUI longest stall, large ticket load (ms; worst run $(m large_max_stall_worst_ms))" "$v" "<= 25" "$(verdict "$v" "<=" 25)"
v=$(m stats_scroll_step_ms); row "scroll 20,000 statistics: per page step (ms; max $(m stats_scroll_max_ms))" "$v" "<= 16" "$(verdict "$(m stats_scroll_max_ms)" "<=" 50)"
v=$(m notes_scroll_step_ms); row "scroll 5,000 notes: per page step (ms; max $(m notes_scroll_max_ms))" "$v" "<= 16" "$(verdict "$(m notes_scroll_max_ms)" "<=" 50)"
fi

# --- 3b. Queue panel (issue 13) -----------------------------------------------
if wanted queue; then
echo "== queue (offscreen, loopback server thread, $RUNS runs; load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"$BUILD/benchmarks/bench_queue" --runs "$RUNS" > "$TMP/queue.txt"
q() { awk -v k="$1" '$1 == "METRIC" && $2 == k { print $3 }' "$TMP/queue.txt"; }
v=$(q queue_first_page_ms); row "queue: first page painted after its answer (ms)" "$v" "<= 30" "$(verdict "$v" "<=" 30)"
v=$(q queue_page_step_ms); row "queue: 2,000 rows by scrolling, per page step (ms; max $(q queue_page_step_max_ms))" "$v" "<= 16" "$(verdict "$v" "<=" 16)"
v=$(q queue_memory_mb_per_1000); row "queue: memory per 1,000 rows (MB, resident growth)" "$v" "<= 2" "$(verdict "$v" "<=" 2)"
fi

# --- 4. Start-up --------------------------------------------------------------
if wanted startup; then
echo "== start-up (first paint, $RUNS runs each, alternating)" >&2
first_paint() { # program...
    CASELENS_BENCH_T0_NS=$(date +%s%N) CASELENS_BENCH_QUIT_MS=0 LD_PRELOAD=$HOOK "$@" 2>&1 >/dev/null |
        awk '/^FIRST_PAINT_MS/ { print $2 }'
}
for i in $(seq "$RUNS"); do
    first_paint "$BUILD/benchmarks/bench_minimal_window" >> "$TMP/start_min.txt"
    first_paint "$BUILD/benchmarks/bench_minimal_text_window" >> "$TMP/start_text.txt"
    first_paint "$BUILD/src/app/caselens" >> "$TMP/start_app.txt"
done
smin=$(med < "$TMP/start_min.txt"); stext=$(med < "$TMP/start_text.txt"); sapp=$(med < "$TMP/start_app.txt")
r=$(ratio "$sapp" "$smin")
row "start-up to first paint: caselens / minimal (${sapp} / ${smin} ms)" "${r}x" "<= 1.5x" "$(verdict "$r" "<=" 1.5)"
# Not a budget: how much of the gap is text alone (a minimal window with one
# QLineEdit, which loads fontconfig and Qt's font database), and caselens
# against that window.
row "start-up, for reference: minimal + one line of text / minimal (${stext} / ${smin} ms)" "$(ratio "$stext" "$smin")x" "-" "-"
row "start-up, for reference: caselens / minimal + one line of text" "$(ratio "$sapp" "$stext")x" "-" "-"
fi

cli_versus_curl() { # name measure cli-command curl-command: side by side (hyperfine), the medians' ratio
    hyperfine -N --warmup 2 --runs $((RUNS * 3)) --export-json "$TMP/hf_$1.json" -n cli "$3" -n curljq "$4" \
        >/dev/null 2>&1
    local cli cj r
    cli=$(jq '.results[] | select(.command == "cli") | .median * 1000' "$TMP/hf_$1.json")
    cj=$(jq '.results[] | select(.command == "curljq") | .median * 1000' "$TMP/hf_$1.json")
    r=$(ratio "$cli" "$cj")
    row "$2 ($(printf %.1f "$cli") / $(printf %.1f "$cj") ms)" "${r}x" "<= 1.0x" "$(verdict "$r" "<=" 1.0)"
}

# --- 5. CLI against the transfer alone and curl | jq (issue 19) ---------------
# One hyperfine run per ticket, side by side: the transfer alone (curl -o
# /dev/null, same server, same request), caselens-cli fetch --json, curl | jq -c
# .Data, caselens-cli fetch (text). Every CLI figure is printed beside the
# transfer. Budgets: the typical ticket as before (--json <= 1.0x curl | jq);
# the large one (issue 19): --json <= 3x the transfer, text <= 0.5x curl | jq.
if wanted cli; then
echo "== cli vs the transfer and curl | jq (hyperfine)" >&2
start_server
export CASELENS_API_KEY=bench-api-key-0123456789
CLI=$BUILD/src/cli/caselens-cli
hf_median() { jq ".results[] | select(.command == \"$2\") | .median * 1000" "$TMP/hf_$1.json"; }
for c in HYXTNJV LARGE01; do
    CURL="curl -s -X POST -H Content-Type:application/json -H \"Authorization: Bearer $CASELENS_API_KEY\" -d {\\\"caseNumber\\\":\\\"$c\\\"} $URL/tickets/fetchSingleTicket"
    # Same bytes both ways: --json is the Data member as received (jq -c .Data
    # re-spells nothing in the bench tickets, which are compact as sent).
    "$CLI" fetch --json --base-url "$URL" "$c" > "$TMP/cli.json"
    bash -c "$CURL | jq -c .Data" > "$TMP/curl.json"
    cmp -s "$TMP/cli.json" "$TMP/curl.json" || echo "warning: CLI and curl|jq outputs differ for $c" >&2
    hyperfine -N --warmup 2 --runs $((RUNS * 3)) --export-json "$TMP/hf_$c.json" \
        -n transfer "bash -c '$CURL -o /dev/null'" \
        -n json "$CLI fetch --json --base-url $URL $c" \
        -n curljq "bash -c '$CURL | jq -c .Data'" \
        -n text "$CLI fetch --base-url $URL $c" >/dev/null 2>&1
    tr=$(hf_median "$c" transfer); js=$(hf_median "$c" json); cj=$(hf_median "$c" curljq); tx=$(hf_median "$c" text)
    floor="transfer alone $(printf %.1f "$tr") ms"
    r=$(ratio "$js" "$cj")
    row "caselens-cli fetch --json / curl+jq, $c ($(printf %.1f "$js") / $(printf %.1f "$cj") ms; $floor)" \
        "${r}x" "<= 1.0x" "$(verdict "$r" "<=" 1.0)"
    if [ "$c" = LARGE01 ]; then
        r=$(ratio "$js" "$tr")
        row "caselens-cli fetch --json / transfer alone, $c ($(printf %.1f "$js") / $(printf %.1f "$tr") ms)" \
            "${r}x" "<= 3.0x" "$(verdict "$r" "<=" 3.0)"
        r=$(ratio "$tx" "$cj")
        row "caselens-cli fetch (text) / curl+jq, $c ($(printf %.1f "$tx") / $(printf %.1f "$cj") ms; $floor)" \
            "${r}x" "<= 0.5x" "$(verdict "$r" "<=" 0.5)"
    else
        r=$(ratio "$tx" "$cj")
        row "caselens-cli fetch (text) / curl+jq, $c ($(printf %.1f "$tx") / $(printf %.1f "$cj") ms; $floor)" \
            "${r}x" "<= 1.0x" "$(verdict "$r" "<=" 1.0)"
    fi
done
fi

# --- 6. CLI list --all against a curl | jq loop over the same pages -------------
if wanted list; then
echo "== cli list --all --json vs a curl | jq loop (hyperfine)" >&2
start_server
export CASELENS_API_KEY=bench-api-key-0123456789
CLI=$BUILD/src/cli/caselens-cli
LIST_PAGES=10 # bench_server serves 10 pages of 20 open tickets
cat > "$TMP/curljq_list.sh" <<EOF
for p in \$(seq $LIST_PAGES); do
    curl -s -X POST -H Content-Type:application/json -H "Authorization: Bearer $CASELENS_API_KEY" \\
        -d "{\\"page\\":\$p}" $URL/tickets/fetchOpenTickets | jq -c '.Data.Tickets[]'
done
EOF
# Same rows both ways, byte for byte, in order.
"$CLI" list --all --json --base-url "$URL" > "$TMP/list_cli.txt"
bash "$TMP/curljq_list.sh" > "$TMP/list_curl.txt"
cmp -s "$TMP/list_cli.txt" "$TMP/list_curl.txt" || echo "warning: CLI and curl|jq list outputs differ" >&2
rows=$(wc -l < "$TMP/list_cli.txt")
cli_versus_curl list "caselens-cli list --all --json / curl+jq loop, $LIST_PAGES pages, $rows rows" \
    "$CLI list --all --json --base-url $URL" "bash $TMP/curljq_list.sh"
fi

# --- 7. Memory ----------------------------------------------------------------
if wanted memory; then
start_server
echo "== memory (VmHWM, $RUNS runs each)" >&2
hwm() { # quit-after-ms args...
    local q=$1; shift
    CASELENS_BENCH_T0_NS=$(date +%s%N) CASELENS_BENCH_QUIT_MS=$q LD_PRELOAD=$HOOK CASELENS_BASE_URL=$URL \
        "$BUILD/src/app/caselens" "$@" 2>&1 >/dev/null | awk '/^VMHWM_KB/ { print $2 }'
}
for i in $(seq "$RUNS"); do
    hwm 4000 >> "$TMP/mem_none.txt"
    hwm 4000 LARGE01 >> "$TMP/mem_large.txt"
done
mn=$(med < "$TMP/mem_none.txt"); ml=$(med < "$TMP/mem_large.txt")
d=$(awk -v a="$ml" -v b="$mn" 'BEGIN { printf "%.1f", (a - b) / 1024 }')
row "peak RSS, large ticket open minus none (MB; $((ml / 1024)) - $((mn / 1024)))" "$d" "<= 60" "$(verdict "$d" "<=" 60)"
fi

# --- the table ----------------------------------------------------------------
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-78s | %-10s | %-8s | %-4s |\n' measure figure budget pass
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 80))" "------------" "----------" "------"
FAILED=0
for r in "${ROWS[@]}"; do
    IFS='|' read -r a b c d <<< "$r"
    printf '| %-78s | %-10s | %-8s | %-4s |\n' "$a" "$b" "$c" "$d"
    if [ "$d" = FAIL ]; then FAILED=1; fi # "-": a reference row, no budget
done
exit $FAILED
