#!/usr/bin/env bash
# The life of a case in the case store, command by command (README, "The case store"):
# submit → pended → nurse escalates → physician denies after a peer-to-peer offer →
# reconsideration on day 9 → approved → date of service changed → history.
#   tools/scripts/case-tour.sh              SQLite: a store file in a temporary folder
#   tools/scripts/case-tour.sh --postgres   PostgreSQL: a throwaway local server, stopped after
set -euo pipefail
cd "$(dirname "$0")/../.."
MSKC=${MSKC:-build/bin/mskc}
[ -x "$MSKC" ] || tools/scripts/build.sh
work=$(mktemp -d)
chmod 755 "$work"  # the PostgreSQL server runs as its own user when we are root
pg_dir=""
cleanup() {
  [ -n "$pg_dir" ] && bash tools/scripts/pg-throwaway.sh stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${1:-}" = "--postgres" ]; then
  pg_dir="$work/pg"
  bash tools/scripts/pg-throwaway.sh start "$pg_dir" >/dev/null
  db=$(bash tools/scripts/pg-throwaway.sh createdb "$pg_dir" mskc_tour)
  echo "# store: PostgreSQL (throwaway server)"
else
  db="$work/cases.db"
  echo "# store: SQLite file"
fi

step() {  # step EXPECTED_EXIT ARGS...: runs `mskc case ARGS --db …`, shows the command and its output
  local expected=$1
  shift
  echo
  printf '$ mskc case'
  printf ' %q' "$@"
  echo
  set +e
  "$MSKC" case "$@" --db "$db"
  local rc=$?
  set -e
  if [ "$rc" -ne "$expected" ]; then
    echo "case-tour: expected exit $expected, got $rc" >&2
    exit 1
  fi
  [ "$rc" -eq 0 ] || echo "(exit $rc)"
}

step 0 submit --at 2026-03-02T09:00:00Z examples/case-store/tour.case.json
step 0 review 000000001 --as nurse --decision escalate --reason "imaging report pending" --at 2026-03-03T10:00:00Z
step 1 review SU000000001 --as physician --decision deny --at 2026-03-04T11:00:00Z
step 0 p2p SU000000001 --offered --at 2026-03-04T15:00:00Z
step 0 review SU000000001 --as physician --decision deny --reason "no imaging" --at 2026-03-05T11:00:00Z
step 1 reconsider SU000000001 --at 2026-03-16T09:00:00Z
step 0 reconsider SU000000001 --at 2026-03-14T09:00:00Z
step 0 review SU000000001 --as physician --decision approve --at 2026-03-16T10:00:00Z
step 1 change-dos SU000000001 2026-04-03 --at 2026-03-17T08:00:00Z
step 0 change-dos SU000000001 2026-03-27 --at 2026-03-17T08:00:00Z
step 0 history SU000000001
echo
echo "case-tour: done"
