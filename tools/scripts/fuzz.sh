#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60), one at a time in one process, over its
# checked-in corpus (tests/fuzz/corpus/<target>, read only) plus a work corpus outside git
# (build-fuzz/corpus/<target>, where new inputs go), after replaying the saved reproducers of
# tests/fuzz/regressions/<target>. Configures and builds build-fuzz with clang-19 when needed.
# Prints per target: time, executions, coverage (cov/ft of libFuzzer's last stats) and crashes;
# exits 1 when any target crashed or a reproducer still fails. Crash files land in
# build-fuzz/crashes/<target>/; copy a real one into tests/fuzz/regressions/<target>/.
#
# usage: tools/scripts/fuzz.sh [SECONDS] [TARGET...]
# env:   MSKC_FUZZ_BUILD (build folder, default build-fuzz), MSKC_FUZZ_JOBS (build -j, default 2)
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
build=${MSKC_FUZZ_BUILD:-build-fuzz}
all_targets=(frontend_fuzz case_decide_fuzz batch_stream_fuzz test_file_fuzz case_store_fuzz random_ir_fuzz)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DMSKC_FUZZ=ON -DMSKC_BUILD_TESTS=OFF >/dev/null || exit 2
fi
cmake --build "$build" -j"${MSKC_FUZZ_JOBS:-2}" --target "${targets[@]}" || exit 2

# The JIT's object cache would let one input's compile serve the next: keep runs independent.
export MSKC_JIT_CACHE=off
# Leaks of the process-wide compiled library are not bugs; everything else aborts.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

dict_for() {
  case $1 in
    frontend_fuzz) echo tests/fuzz/dict/msk.dict ;;
    test_file_fuzz) echo tests/fuzz/dict/test_file.dict ;;
    random_ir_fuzz) echo "" ;;
    *) echo tests/fuzz/dict/case.dict ;;
  esac
}

failed=0
printf '%-18s %6s %10s %7s %8s %8s %s\n' target seconds execs cov ft crashes regressions
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  work="$build/corpus/$t"
  crashes="$build/crashes/$t"
  log="$build/logs/$t.log"
  mkdir -p "$work" "$crashes" "$(dirname "$log")"

  # Saved reproducers first: each must now run clean.
  regress="ok"
  reproducers=$(find "tests/fuzz/regressions/$t" -type f ! -name '.keep' 2>/dev/null)
  if [ -n "$reproducers" ]; then
    # shellcheck disable=SC2086
    if ! "$bin" -runs=1 $reproducers >"$build/logs/$t.regressions.log" 2>&1; then
      regress="FAIL($(echo "$reproducers" | wc -l) files; $build/logs/$t.regressions.log)"
      failed=1
    fi
  fi

  dict=$(dict_for "$t")
  start=$(date +%s)
  # No -jobs: with it libFuzzer forks workers and moves the output to fuzz-N.log files.
  touch "$build/logs/$t.start"
  "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
    ${dict:+-dict="$dict"} "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*')
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*')
  found=$(find "$crashes" -type f -newer "$build/logs/$t.start" | wc -l)
  [ $rc -ne 0 ] && failed=1
  printf '%-18s %6s %10s %7s %8s %8s %s\n' "$t" "$elapsed" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
    "$found$([ $rc -ne 0 ] && echo " (exit $rc, $log)")" "$regress"
done
exit $failed
