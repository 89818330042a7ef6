#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan) and
# fuzzes each for FUZZ_SECONDS (default 60) on a copy of its seed corpus in
# build/fuzz/run/. Fails on any crash, hang, leak, sanitizer report or failed
# check, and prints runs, exec/s and coverage (cov/ft) per target.
#
# A failing input is saved in build/fuzz/run/artifacts/<target>/: fix the
# bug, then add the input to tests/fuzz/regressions/<target>/ so that
# tst_fuzzregressions (every build) and `ctest --preset fuzz` replay it.
#
#   FUZZ_SECONDS=600 scripts/fuzz.sh              # longer
#   FUZZ_TARGETS="htmlsanitizer" scripts/fuzz.sh  # one target
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
read -r -a targets <<<"${FUZZ_TARGETS:-ticketparser htmlsanitizer casenumber}"
# Inputs up to this size: the sample ticket is 3 KB; longer inputs only slow
# the fuzzer down (size limits have their own tests).
declare -A max_len=([ticketparser]=65536 [htmlsanitizer]=16384 [casenumber]=256)

CASELENS_DEPS_EXTRA="clang libclang-rt-14-dev ${CASELENS_DEPS_EXTRA:-}" scripts/install-deps.sh
cmake --preset fuzz
cmake --build --preset fuzz

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run=build/fuzz/run
rm -rf "$run"
failed=()
summary=()
for target in "${targets[@]}"; do
    corpus=$run/corpus/$target
    artifacts=$run/artifacts/$target
    log=$run/$target.log
    mkdir -p "$corpus" "$artifacts"
    cp tests/fuzz/corpus/"$target"/* "$corpus"/
    inputs=("$corpus")
    if compgen -G "tests/fuzz/regressions/$target/*" >/dev/null; then
        inputs+=("tests/fuzz/regressions/$target") # read only: new inputs go to the copy
    fi

    echo "== fuzz_$target for ${seconds} s"
    if ! build/fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -max_len="${max_len[$target]}" \
        -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "${inputs[@]}" >"$log" 2>&1; then
        failed+=("$target")
        echo "fuzz_$target FAILED; the end of $log:"
        tail -n 60 "$log"
        ls -l "$artifacts"
    fi

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$last")
    summary+=("$(printf '%-14s %10s runs %8s exec/s   cov %-5s ft %-6s corpus %s' \
        "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")")
done

echo
echo "== fuzzing summary (${seconds} s per target; logs in $run/)"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
    echo "FAILED: ${failed[*]} (inputs in $run/artifacts/)"
    exit 1
fi
