#!/usr/bin/env bash
# Crash safety: rounds of concurrent `mskc case submit` processes, each killed with SIGKILL at a
# random moment (while compiling, waiting for the store's lock, writing or committing). Then the
# store must still open, every submit that was acknowledged (exit 0 with an order id) must be
# there with its case and its submit event, order ids must be unique and gapless (a killed
# transaction leaves no hole below the max), and the next submit must continue the sequence.
# usage: kill.sh MSKC sqlite|postgres
MSKC=$1
BACKEND=$2
source "$(dirname "$0")/common.sh"

readonly ROUNDS=6 PER_ROUND=6
new_store case_store_kill
m() { mc --db "$DB" "$@"; }

m list
expect_rc "open the new store" 0

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Round 0 runs unkilled and times a round; later rounds run each submit under `timeout -s KILL`
# with its own random delay in [1 ms, 1.3 x that time], so that some finish, some die while
# compiling, and some die while waiting for the lock, writing or committing. (timeout kills only
# the process it started, and exits 137 when it did.)
span=0
for ((r = 0; r < ROUNDS; r++)); do
  pids=()
  started=$(now_ms)
  for ((i = 0; i < PER_ROUND; i++)); do
    make_case "KILL-$r-$i" "MEMBER-KILL-$r-$i" >"$WORK/case-$r-$i.json"
    killer=()
    if [ "$r" -gt 0 ]; then
      delay=$((1 + RANDOM * span * 13 / 10 / 32768))
      killer=(timeout -s KILL "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))")
    fi
    "${killer[@]}" "$MSKC" case --db "$DB" submit --backend interp --at 2021-03-01T09:00:00Z \
      "$WORK/case-$r-$i.json" >"$WORK/out-$r-$i" 2>"$WORK/err-$r-$i" &
    pids+=($!)
  done
  KEEP_PIDS=("${pids[@]}")
  for ((i = 0; i < PER_ROUND; i++)); do
    wait "${pids[$i]}"
    echo $? >"$WORK/rc-$r-$i"
  done
  KEEP_PIDS=()
  [ "$r" -eq 0 ] && span=$(($(now_ms) - started))
done
attempts=$((ROUNDS * PER_ROUND))

acknowledged=()
killed=0
for ((r = 0; r < ROUNDS; r++)); do
  for ((i = 0; i < PER_ROUND; i++)); do
    load "$WORK/out-$r-$i" "$WORK/err-$r-$i" "$WORK/rc-$r-$i"
    case "$RC" in
      0)
        get_field order_id
        ok
        [[ $FIELD =~ ^SU[0-9]{9}$ ]] || { fail "submit $r-$i exited 0 without an order id"; dump; }
        acknowledged+=("$FIELD:KILL-$r-$i")
        ;;
      137) killed=$((killed + 1)) ;;
      *) ok; fail "submit $r-$i exited $RC (expected 0, or 137 when killed)"; dump ;;
    esac
  done
done
echo "$attempts submits (a round takes ${span} ms): ${#acknowledged[@]} acknowledged, $killed killed"

# The store still opens and answers.
m list
expect_rc "list after the kills" 0
listed=$(order_ids "$OUT")
n_listed=$(wc -l <<<"$listed")
[ -n "$listed" ] || n_listed=0
ok
[ "$(sort <<<"$listed" | uniq -d)" = "" ] || fail "order ids listed twice: $(sort <<<"$listed" | uniq -d)"
ok
[ "$n_listed" -ge "${#acknowledged[@]}" ] ||
  fail "list shows $n_listed cases, fewer than the ${#acknowledged[@]} acknowledged"
# Gapless: the listed ids are exactly 1..max, so no killed transaction left a hole.
max=0
[ "$n_listed" -gt 0 ] && max=$((10#$(sort <<<"$listed" | tail -n 1 | sed 's/^SU//')))
expected=$(for ((n = 1; n <= max; n++)); do printf 'SU%09d\n' "$n"; done)
ok
[ "$(sort <<<"$listed")" = "$expected" ] || {
  fail "the order ids in the store are not SU000000001..SU$(printf %09d "$max")"
  diff <(echo "$expected") <(sort <<<"$listed") | head >&2
}

# Every acknowledged submit is there with its own case.
for entry in "${acknowledged[@]}"; do
  id=${entry%%:*}
  m show "$id"
  expect_rc "show acknowledged $id" 0
  expect_field "show acknowledged $id" case_id "${entry#*:}"
  expect_field "show acknowledged $id" status "In Progress"
done
echo "$n_listed cases stored: $((n_listed - ${#acknowledged[@]})) committed by a process killed before it answered"
# Every case committed by a process killed before it answered has its submit event too (the case
# and its audit event are one transaction); so do a few acknowledged ones.
acked_ids=" ${acknowledged[*]%%:*} "
sampled=0
for id in $listed; do
  if [[ $acked_ids == *" $id "* ]]; then
    [ "$sampled" -lt 3 ] || continue
    sampled=$((sampled + 1))
  fi
  m history "$id"
  expect_rc "history $id" 0
  ok
  [ "$(count '"command": "submit"' "$OUT")" = 1 ] || { fail "history $id: no single submit"; dump; }
done

if [ "$BACKEND" = sqlite ] && command -v sqlite3 >/dev/null 2>&1; then
  ok
  check=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
  [ "$check" = ok ] || fail "integrity_check: $check"
fi

# Later submits continue the sequence.
make_case KILL-AFTER MEMBER-KILL-AFTER >"$WORK/after.json"
m submit --backend interp --at 2021-03-01T09:00:00Z "$WORK/after.json"
expect_rc "submit after the kills" 0
expect_field "submit after the kills" order_id "$(printf 'SU%09d' $((max + 1)))"
m show "$(printf 'SU%09d' $((max + 1)))"
expect_field "show the submit after the kills" case_id KILL-AFTER

finish
