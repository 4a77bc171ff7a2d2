#!/usr/bin/env bash
# Differential testing at scale: decides generated cases (every family, every plan, seeded) with
# the JIT and with the reference interpreter and requires identical whole determinations.
#   tools/scripts/differential.sh [CASES] [SEED]     (default 1,000,000 cases; CI runs 100,000)
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-1000000}
seed=${2:-20201608}
[ -x build/bin/mskc_differential ] || tools/scripts/build.sh
exec build/bin/mskc_differential --cases "$cases" --seed "$seed" --threads "$(nproc)" --rules guidelines
