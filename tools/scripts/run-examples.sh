#!/usr/bin/env bash
# The main job: build, check the shipped guidelines, and evaluate every example case.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools/scripts/build.sh
echo "== mskc check guidelines/"
build/bin/mskc check guidelines && echo "guidelines: no errors"
echo "== mskc batch < examples/cases.ndjson"
build/bin/mskc batch < examples/cases.ndjson
echo "== the life of a case in the case store (tools/scripts/case-tour.sh)"
tools/scripts/case-tour.sh
