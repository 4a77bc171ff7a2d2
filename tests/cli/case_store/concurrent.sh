#!/usr/bin/env bash
# Many `mskc case` processes on one store at once (S6 order ids, one transaction per command):
# 8 first opens race to create a new store; then 8 processes x 10 submits of distinct members
# must all succeed with the order ids SU000000001..SU000000080 exactly once; then 8 processes
# review 24 distinct cases at once; then 8 processes race for the same case, where exactly one
# review may win.
# usage: concurrent.sh MSKC sqlite|postgres
MSKC=$1
BACKEND=$2
source "$(dirname "$0")/common.sh"

readonly PROCS=8 PER_PROC=10
readonly TOTAL=$((PROCS * PER_PROC))
# A race on a brand-new store: 8 first opens at once (`list`, which is quick, so they really
# meet) create the schema once; all succeed, and the store then works.
new_store case_store_concurrent_new
pids=()
for ((p = 0; p < PROCS; p++)); do
  ( "$MSKC" case --db "$DB" list >"$WORK/new-out-$p" 2>"$WORK/new-err-$p"
    echo $? >"$WORK/new-rc-$p" ) &
  pids+=($!)
done
KEEP_PIDS=("${pids[@]}")
for pid in "${pids[@]}"; do wait "$pid"; done
KEEP_PIDS=()
# Concurrent first opens of one new store all succeed (the schema is created once).
for ((p = 0; p < PROCS; p++)); do
  load "$WORK/new-out-$p" "$WORK/new-err-$p" "$WORK/new-rc-$p"
  expect_rc "first open $p of a new store" 0
  expect_contains "first open $p of a new store lists nothing" "[]"
done
make_case NEW MEMBER-NEW >"$WORK/new.json"
mc --db "$DB" submit --backend interp --at 2021-03-01T09:00:00Z "$WORK/new.json"
expect_rc "submit to the store opened by 8 at once" 0
expect_field "submit to the store opened by 8 at once" order_id SU000000001

new_store case_store_concurrent
m() { mc --db "$DB" "$@"; }
m list
expect_rc "open the new store" 0

for ((p = 0; p < PROCS; p++)); do
  for ((i = 0; i < PER_PROC; i++)); do
    make_case "CONC-$p-$i" "MEMBER-CONC-$p-$i" >"$WORK/case-$p-$i.json"
  done
done

# Each process: its 10 submits in a row, every output and exit code kept.
submitter() {
  local p=$1 i
  for ((i = 0; i < PER_PROC; i++)); do
    "$MSKC" case --db "$DB" submit --backend interp --at 2021-03-01T09:00:00Z \
      "$WORK/case-$p-$i.json" >"$WORK/out-$p-$i" 2>"$WORK/err-$p-$i"
    echo $? >"$WORK/rc-$p-$i"
  done
}
pids=()
for ((p = 0; p < PROCS; p++)); do
  submitter "$p" &
  pids+=($!)
done
KEEP_PIDS=("${pids[@]}")
for pid in "${pids[@]}"; do wait "$pid"; done
KEEP_PIDS=()

ids=()
for ((p = 0; p < PROCS; p++)); do
  for ((i = 0; i < PER_PROC; i++)); do
    load "$WORK/out-$p-$i" "$WORK/err-$p-$i" "$WORK/rc-$p-$i"
    expect_rc "submit $p-$i" 0
    expect_field "submit $p-$i" case_id "CONC-$p-$i"
    expect_field "submit $p-$i" status "In Progress"
    get_field order_id
    ids+=("$FIELD")
    echo "$FIELD" >"$WORK/id-$p-$i"
  done
done
expected=$(for ((n = 1; n <= TOTAL; n++)); do printf 'SU%09d\n' "$n"; done)
ok
got=$(printf '%s\n' "${ids[@]}" | sort)
[ "$got" = "$expected" ] || {
  fail "the order ids printed are not exactly SU000000001..SU$(printf %09d $TOTAL)"
  diff <(echo "$expected") <(echo "$got") | head -20 >&2
}

m list
expect_rc "list" 0
ok
[ "$(order_ids "$OUT" | wc -l)" -eq "$TOTAL" ] || fail "list shows $(order_ids "$OUT" | wc -l) cases"
ok
[ "$(order_ids "$OUT" | sort)" = "$expected" ] || fail "list does not hold exactly the 80 ids"

# The case printed under each order id is the one that process submitted, with its submit event
# (read in two lanes at once to save time).
history_lane() {
  local lane=$1 p i id
  for ((p = lane; p < PROCS; p += 2)); do
    for ((i = 0; i < PER_PROC; i++)); do
      id=$(<"$WORK/id-$p-$i")
      "$MSKC" case --db "$DB" history "$id" >"$WORK/history-$p-$i" 2>&1
      echo $? >>"$WORK/history-$p-$i"
    done
  done
}
history_lane 0 &
KEEP_PIDS=($!)
history_lane 1
wait "${KEEP_PIDS[0]}"
KEEP_PIDS=()
for ((p = 0; p < PROCS; p++)); do
  for ((i = 0; i < PER_PROC; i++)); do
    OUT=$(<"$WORK/history-$p-$i"); RC=${OUT##*$'\n'}; ERR=
    id=$(<"$WORK/id-$p-$i")
    expect_rc "history $id" 0
    ok
    [ "$(count '"command": "submit"' "$OUT")" = 1 ] || { fail "history $id: no single submit"; dump; }
    expect_contains "history $id" '"to": "In Progress"'
  done
done

# Reviews at once on distinct cases: each process offers a peer-to-peer, escalates and denies
# REVIEWED of its own cases.
readonly REVIEWED=3
reviewer() {
  local p=$1 i id
  for ((i = 0; i < REVIEWED; i++)); do
    id=$(<"$WORK/id-$p-$i")
    {
      "$MSKC" case --db "$DB" p2p "$id" --offered --at 2021-03-02T09:00:00Z >/dev/null; echo $?
      "$MSKC" case --db "$DB" review "$id" --as nurse --decision escalate \
        --at 2021-03-02T10:00:00Z >/dev/null; echo $?
      "$MSKC" case --db "$DB" review "$id" --as physician --decision deny \
        --at 2021-03-03T10:00:00Z >/dev/null; echo $?
    } >"$WORK/review-rc-$p-$i" 2>"$WORK/review-err-$p-$i"
  done
}
pids=()
for ((p = 0; p < PROCS; p++)); do
  reviewer "$p" &
  pids+=($!)
done
KEEP_PIDS=("${pids[@]}")
for pid in "${pids[@]}"; do wait "$pid"; done
KEEP_PIDS=()
denied=
for ((p = 0; p < PROCS; p++)); do
  for ((i = 0; i < REVIEWED; i++)); do
    denied+="$(<"$WORK/id-$p-$i")"$'\n'
    ok
    codes=$(tr '\n' ' ' <"$WORK/review-rc-$p-$i")
    [ "$codes" = "0 0 0 " ] ||
      fail "p2p/escalate/deny of case $p-$i exited '$codes': $(head -c 300 "$WORK/review-err-$p-$i")"
  done
done
m list --status Non-Authorized
ok
[ "$(order_ids "$OUT" | sort)" = "$(sort <<<"${denied%$'\n'}")" ] ||
  fail "after the concurrent reviews, $(order_ids "$OUT" | wc -l) cases are Non-Authorized, expected $((PROCS * REVIEWED))"
m list --status "In Progress"
ok
[ "$(order_ids "$OUT" | wc -l)" -eq $((TOTAL - PROCS * REVIEWED)) ] || fail "the cases not reviewed changed"
id=$(<"$WORK/id-3-2")
m history "$id"
commands=$(grep -o '"command": "[^"]*"' <<<"$OUT" | sed 's/.*: "//; s/"$//' | tr '\n' ' ')
ok
[ "$commands" = "submit p2p review review " ] || { fail "history $id: '$commands'"; dump; }

# A race on one case: 8 nurses approve the same pended case at once; one wins (Authorized), the
# others find nothing awaiting review (ILLEGAL_TRANSITION), and the log has one review.
make_case CONC-RACE MEMBER-CONC-RACE >"$WORK/race.json"
m submit --backend interp --at 2021-03-01T09:00:00Z "$WORK/race.json"
expect_rc "submit the raced case" 0
get_field order_id
race=$FIELD
pids=()
for ((p = 0; p < PROCS; p++)); do
  ( "$MSKC" case --db "$DB" review "$race" --as nurse --decision approve \
      --at 2021-03-02T09:00:00Z >"$WORK/race-out-$p" 2>"$WORK/race-err-$p"
    echo $? >"$WORK/race-rc-$p" ) &
  pids+=($!)
done
KEEP_PIDS=("${pids[@]}")
for pid in "${pids[@]}"; do wait "$pid"; done
KEEP_PIDS=()
winners=0
for ((p = 0; p < PROCS; p++)); do
  load "$WORK/race-out-$p" "$WORK/race-err-$p" "$WORK/race-rc-$p"
  if [ "$RC" = 0 ]; then
    winners=$((winners + 1))
    expect_field "race winner" status Authorized
  else
    expect_refused "race loser $p" ILLEGAL_TRANSITION
  fi
done
ok
[ "$winners" = 1 ] || fail "$winners of $PROCS concurrent approvals of one case succeeded"
m history "$race"
ok
[ "$(count '"command": "review"' "$OUT")" = 1 ] || { fail "the raced case logs other than one review"; dump; }

finish
