#!/usr/bin/env bash
# Builds the whole project under ASan+UBSan with clang-19 in build-asan
# (-DMSKC_SANITIZE=address,undefined, cmake/MskcSanitize.cmake) and runs the unit, golden, e2e,
# differential, property, CLI and PostgreSQL suites under it: every CTest test but the `fuzz`
# label (tools/scripts/fuzz.sh runs those, in build-fuzz). Prints the build and test times.
#
# usage: tools/scripts/sanitize.sh [extra ctest arguments, e.g. -R golden]
# env:   MSKC_ASAN_BUILD (default build-asan), MSKC_ASAN_JOBS (build and ctest -j, default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${MSKC_ASAN_BUILD:-build-asan}
jobs=${MSKC_ASAN_JOBS:-2}

# detect_leaks=0: the JIT (LLVM ORC) and the process-wide compiled rules are released at exit
#   by the OS on purpose, and LLVM is uninstrumented, so LeakSanitizer reports would be noise;
#   heap-use-after-free, overflows and UB are what we hunt here.
# abort_on_error/halt_on_error: the first report fails the test, with a stack.
# MSKC_JIT_CACHE=off: every JIT compile really runs under the sanitizers.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export MSKC_JIT_CACHE=off

start=$(date +%s)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DMSKC_SANITIZE=address,undefined >/dev/null
cmake --build "$build" -j"$jobs"
built=$(date +%s)
echo "sanitize: build $((built - start)) s"

status=0
(cd "$build" && ctest -j"$jobs" --output-on-failure --timeout 1200 -LE fuzz "$@") || status=$?
echo "sanitize: tests $(( $(date +%s) - built )) s (exit $status)"
exit $status
