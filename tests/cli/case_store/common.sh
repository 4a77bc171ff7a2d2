# Shared helpers of the `mskc case` process tests (sourced, not run). Plain bash, grep and sed:
# no jq or python, which a fresh CI machine may lack. mskc prints its JSON indented by two spaces,
# one key per line, so a top-level key is a line starting with exactly two spaces.
#
# The sourcing script sets MSKC (the binary) and BACKEND (sqlite | postgres) before sourcing.
# Environment: MSKC_TEST_POSTGRES_DIR (the `postgres` fixture's folder), MSKC_SOURCE_DIR.

set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=${MSKC_SOURCE_DIR:-$(cd "$HERE/../../.." && pwd)}
unset MSKC_CASE_DB  # a developer's default store must not leak into a test

WORK=$(mktemp -d)
KEEP_PIDS=()
cleanup() {
  local pid
  for pid in "${KEEP_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

FAILURES=0
CHECKS=0
fail() {
  echo "FAIL: $*" >&2
  FAILURES=$((FAILURES + 1))
}
ok() { CHECKS=$((CHECKS + 1)); }
finish() {
  if [ "$FAILURES" -gt 0 ]; then
    echo "$FAILURES of $CHECKS checks failed" >&2
    exit 1
  fi
  echo "all $CHECKS checks passed"
  exit 0
}

# Sets DB to the store for this run: an SQLite file in WORK, or a fresh database NAME on the
# `postgres` fixture's server.
new_store() {  # NAME
  if [ "$BACKEND" = postgres ]; then
    local dir=${MSKC_TEST_POSTGRES_DIR:-}
    [ -n "$dir" ] || { echo "MSKC_TEST_POSTGRES_DIR (the postgres fixture) is not set" >&2; exit 1; }
    DB=$(bash "$SOURCE_DIR/tools/scripts/pg-throwaway.sh" createdb "$dir" "$1") && [ -n "$DB" ] ||
      { echo "cannot create the PostgreSQL database $1" >&2; exit 1; }
  else
    DB=$WORK/$1.db
  fi
}

# Runs `mskc case ARGS...` in WORK; sets OUT, ERR and RC.
mc() {
  (cd "$WORK" && NO_COLOR=1 "$MSKC" case "$@" >"$WORK/.out" 2>"$WORK/.err")
  RC=$?
  OUT=$(<"$WORK/.out")
  ERR=$(<"$WORK/.err")
}

# Loads the files of a background command (OUT_FILE ERR_FILE RC_FILE) into OUT, ERR and RC.
load() {
  OUT=$(<"$1")
  ERR=$(<"$2")
  RC=$(<"$3")
}

# A top-level field of JSON text into FIELD (string quotes removed; null stays null); pure bash,
# since the concurrency tests read thousands of fields.
# usage: get_field KEY [TEXT]   (TEXT defaults to $OUT)
get_field() {
  local text=${2-$OUT} line re="^  \"$1\": (.*)\$"
  FIELD=
  while IFS= read -r line; do
    if [[ $line =~ $re ]]; then
      FIELD=${BASH_REMATCH[1]}
      FIELD=${FIELD%,}
      FIELD=${FIELD#\"}
      FIELD=${FIELD%\"}
      return 0
    fi
  done <<<"$text"
  return 1
}
field() {
  get_field "$@"
  printf '%s\n' "$FIELD"
}

# How many times NEEDLE occurs in TEXT (pure bash).
count() {  # NEEDLE TEXT
  local rest=${2//"$1"/}
  echo $(((${#2} - ${#rest}) / ${#1}))
}

# Checks: each counts one check and reports the step's name on failure with what was printed.
dump() { printf '  exit %s\n  stdout: %s\n  stderr: %s\n' "$RC" "${OUT:0:1500}" "${ERR:0:800}" >&2; }
expect_rc() {  # STEP CODE
  ok
  if [ "$RC" != "$2" ]; then fail "$1: expected exit $2, got $RC"; dump; fi
}
expect_field() {  # STEP KEY VALUE [TEXT]
  ok
  get_field "$2" "${4-$OUT}"
  [ "$FIELD" = "$3" ] || { fail "$1: $2 is '$FIELD', expected '$3'"; dump; }
}
expect_contains() {  # STEP NEEDLE [TEXT]
  ok
  [[ ${3-$OUT} == *"$2"* ]] || { fail "$1: output lacks '$2'"; dump; }
}
expect_lacks() {  # STEP NEEDLE TEXT
  ok
  [[ $3 != *"$2"* ]] || { fail "$1: output shows '$2'"; dump; }
}
# A refusal by a rule: exit 1, a JSON error with the reason code on stdout.
expect_refused() {  # STEP REASON_CODE
  expect_rc "$1" 1
  expect_field "$1" reason_code "$2"
  ok
  get_field error && [ -n "$FIELD" ] || { fail "$1: no \"error\" in the refusal"; dump; }
}
# Bad input or usage: exit 2, a message on stderr and no order id.
expect_usage() {  # STEP
  expect_rc "$1" 2
  ok
  [ -n "$ERR" ] || { fail "$1: nothing on stderr"; dump; }
  expect_lacks "$1" '"order_id": "SU' "$OUT"
}
# Bad input found by the store layer: exit 2, {"error": ...} on stdout, a message on stderr.
expect_bad_input() {  # STEP
  expect_usage "$1"
  ok
  get_field error && [ -n "$FIELD" ] || { fail "$1: no \"error\" JSON on stdout"; dump; }
}

# A pended case (pended.json: examples/cases/pended_missing_information.json, epidural 64483 on
# Monday 2021-03-01, plan ANTHEM-ME) with its case id and member id filled in.
# usage: make_case CASE_ID MEMBER_ID > FILE
make_case() {
  sed -e "s/@CASE_ID@/$1/" -e "s/@MEMBER_ID@/$2/" "$HERE/pended.json"
}

# Every "order_id" value in TEXT, one a line.
order_ids() { grep -o '"order_id": "SU[0-9]*"' <<<"$1" | grep -o 'SU[0-9]*'; }
