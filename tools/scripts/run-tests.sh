#!/usr/bin/env bash
# Every test: build, then run the whole CTest suite (unit, golden, end-to-end, both backends).
set -euo pipefail
cd "$(dirname "$0")/../.."
tools/scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 600
