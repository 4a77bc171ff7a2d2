#!/usr/bin/env bash
# Exit codes of `mskc case` (cli.md): 2 for a bad command line or bad input, with a message on
# stderr and no order id consumed; 1 for a refusal by a rule, with {"error", "reason_code"} on
# stdout and the store unchanged; NOT_FOUND for an unknown order id.
# usage: usage.sh MSKC
MSKC=$1
BACKEND=sqlite
source "$(dirname "$0")/common.sh"

new_store case_store_usage
m() { mc --db "$DB" "$@"; }
sub() { m submit --backend interp "$@"; }
next=1  # the order id the next accepted submit must get
next_id() { printf 'SU%09d' "$next"; }

make_case USAGE-1 MEMBER-USAGE-1 >"$WORK/c1.json"
make_case USAGE-2 MEMBER-USAGE-2 >"$WORK/c2.json"
make_case USAGE-3 MEMBER-USAGE-3 >"$WORK/c3.json"
make_case USAGE-4 MEMBER-USAGE-4 >"$WORK/c4.json"
sed 's/"sex": "F"/"sex": "F", "enrolled": false/' "$WORK/c4.json" >"$WORK/admin.json"

# --- Bad submits consume no order id. ---
bad_submit() {  # STEP FILE [ARGS...]
  local step=$1 file=$2
  shift 2
  sub --at 2021-03-01T09:00:00Z "$@" "$file"
  expect_usage "$step"
  sub --at 2021-03-01T09:00:00Z "$WORK/c1.json"
  expect_rc "$step, then a valid submit" 0
  expect_field "$step, then a valid submit gets the next order id" order_id "$(next_id)"
  next=$((next + 1))
  m cancel "$FIELD" --at 2021-03-01T09:30:00Z  # no duplicate for the next valid submit
  expect_rc "$step, then cancel" 0
}
bad_submit "submit of a missing file" "$WORK/missing.json"
printf '{"case_id": "USAGE-X", "health_plan": ' >"$WORK/truncated.json"
bad_submit "submit of invalid JSON" "$WORK/truncated.json"
: >"$WORK/empty.json"
bad_submit "submit of an empty file" "$WORK/empty.json"
echo '[]' >"$WORK/array.json"
bad_submit "submit of a JSON array" "$WORK/array.json"
sed 's/"ANTHEM-ME"/"NO-SUCH-PLAN"/' "$WORK/c2.json" >"$WORK/plan.json"
sub "$WORK/plan.json"
expect_contains "unknown plan: the message names the field" health_plan "$ERR"
expect_contains "unknown plan: the message lists the plans" ANTHEM-ME "$ERR"
bad_submit "submit with an unknown plan" "$WORK/plan.json"
sed '/"member": {/,/}/d' "$WORK/c2.json" >"$WORK/no_member.json"
bad_submit "submit without a member" "$WORK/no_member.json"
bad_submit "submit with missing rules" "$WORK/c2.json" --rules "$WORK/no-rules"
bad_submit "submit with --backend bogus" "$WORK/c2.json" --backend bogus
bad_submit "submit with --at 2021-02-30" "$WORK/c2.json" --at 2021-02-30
bad_submit "submit with --at garbage" "$WORK/c2.json" --at garbage
bad_submit "submit with --at hour 25" "$WORK/c2.json" --at 2021-03-01T25:00:00Z
sub --at 2021-03-01T09:00:00Z "$WORK/truncated.json"
expect_bad_input "invalid JSON: {\"error\"} on stdout"
m list
ok
[ "$(order_ids "$OUT" | wc -l)" = $((next - 1)) ] || { fail "bad submits were stored"; dump; }

# An offset in --at is converted to UTC; `-` reads the case from stdin.
(cd "$WORK" && "$MSKC" case --db "$DB" submit --backend interp --at 2021-03-01T10:00:00+02:00 - \
  <"$WORK/c2.json" >"$WORK/.out" 2>"$WORK/.err")
RC=$?; OUT=$(<"$WORK/.out"); ERR=$(<"$WORK/.err")
expect_rc "submit from stdin" 0
expect_field "submit from stdin" order_id "$(next_id)"
C2=$(next_id)
next=$((next + 1))
m show "$C2"
expect_field "--at with an offset is kept in UTC" received_at 2021-03-01T08:00:00Z

# --- Bad command lines: exit 2, stderr, the case untouched. ---
m show "$C2"
before=$OUT
bad() {  # STEP ARGS...
  local step=$1
  shift
  m "$@"
  expect_usage "$step"
}
bad "unknown command" frobnicate "$C2"
bad "no command"
bad "review without --as" review "$C2" --decision approve --at 2021-03-02
bad "review without --decision" review "$C2" --as nurse --at 2021-03-02
bad "review --as admin" review "$C2" --as admin --decision approve --at 2021-03-02
bad "review --decision bogus" review "$C2" --as nurse --decision bogus --at 2021-03-02
bad "review --line 0" review "$C2" --as nurse --decision approve --line 0 --at 2021-03-02
# The message names the option and what it expects.
[[ $ERR == *"--line: expected a line number"* ]] || { fail "review --line 0: the message is not clear"; dump; }
bad "review --line -1" review "$C2" --as nurse --decision approve --line -1 --at 2021-03-02
bad "review --line x" review "$C2" --as nurse --decision approve --line x --at 2021-03-02
bad "review --at 2021-02-30" review "$C2" --as nurse --decision approve --at 2021-02-30
bad "review --at garbage" review "$C2" --as nurse --decision approve --at garbage
bad "review without an id" review --as nurse --decision approve --at 2021-03-02
bad "p2p without a flag" p2p "$C2" --at 2021-03-02
bad "p2p --offered --held" p2p "$C2" --offered --held --at 2021-03-02
bad "p2p --held --declined" p2p "$C2" --held --declined --at 2021-03-02
bad "p2p with all three flags" p2p "$C2" --offered --held --declined --at 2021-03-02
bad "change-dos 2021-02-30" change-dos "$C2" 2021-02-30 --at 2021-03-02
bad "change-dos 2021-13-01" change-dos "$C2" 2021-13-01 --at 2021-03-02
bad "change-dos tomorrow" change-dos "$C2" tomorrow --at 2021-03-02
bad "change-dos without a date" change-dos "$C2" --at 2021-03-02
bad "cancel --at garbage" cancel "$C2" --at garbage
bad "tick --at 2021-02-29" tick --at 2021-02-29
bad "list --status bogus" list --status bogus
bad "update with a missing file" update "$C2" "$WORK/missing.json" --at 2021-03-02
printf '{"clinical": ' >"$WORK/bad_facts.json"
m update "$C2" "$WORK/bad_facts.json" --backend interp --at 2021-03-02
expect_bad_input "update with invalid JSON"
echo '{"clinical": {"pain_score": "high"}}' >"$WORK/bad_value.json"
m update "$C2" "$WORK/bad_value.json" --backend interp --at 2021-03-02
expect_bad_input "update with a bad fact value"
expect_contains "update with a bad fact value: the message names the fact" pain_score "$ERR"
m show "$C2"
ok
[ "$OUT" = "$before" ] || { fail "a rejected command line changed the case"; dump; }

# The default store is mskc-cases.db in the current folder; --db may follow the command.
(cd "$WORK" && "$MSKC" case submit --backend interp --at 2021-03-01 "$WORK/c3.json" >/dev/null)
ok
[ -f "$WORK/mskc-cases.db" ] || fail "no mskc-cases.db in the current folder"
(cd "$WORK" && "$MSKC" case show SU000000001 >"$WORK/.out")
expect_field "the default store holds the case" case_id USAGE-3 "$(<"$WORK/.out")"
mc show "$C2" --db "$DB"
expect_rc "--db after the command" 0
expect_field "--db after the command" order_id "$C2"

# --- Refusals: exit 1, the reason code, the store unchanged. ---
# The case WATCH (`show`, with its updated_at, lines and peer-to-peer) must not change; SEEN is
# its last `show`, empty after a command that changed it. Leaves OUT, ERR and RC of the refusal.
WATCH=
SEEN=
refused() {  # STEP CODE ARGS...
  local step=$1 code=$2 out err rc
  shift 2
  if [ -z "$SEEN" ]; then
    m show "$WATCH"
    SEEN=$OUT
  fi
  m "$@"
  expect_refused "$step" "$code"
  out=$OUT err=$ERR rc=$RC
  m show "$WATCH"
  ok
  [ "$OUT" = "$SEEN" ] || { fail "$step changed $WATCH"; dump; }
  OUT=$out ERR=$err RC=$rc
}
WATCH=$C2
for id in SU000000999 000000999 SU999999999; do
  refused "show unknown $id" NOT_FOUND show "$id"
  expect_field "show unknown $id names it" order_id "$id"
done
refused "history of an unknown id" NOT_FOUND history SU000000999
refused "review of an unknown id" NOT_FOUND review SU000000999 --as nurse --decision approve --at 2021-03-02
refused "p2p on an unknown id" NOT_FOUND p2p SU000000999 --offered --at 2021-03-02
refused "cancel of an unknown id" NOT_FOUND cancel SU000000999 --at 2021-03-02
refused "void of an unknown id" NOT_FOUND void 000000999 --at 2021-03-02
refused "reconsider of an unknown id" NOT_FOUND reconsider SU000000999 --at 2021-03-02
refused "change-dos of an unknown id" NOT_FOUND change-dos SU000000999 2021-03-02 --at 2021-03-02
echo '{"clinical": {"pain_score": 7}}' >"$WORK/facts.json"
refused "update of an unknown id" NOT_FOUND update SU000000999 "$WORK/facts.json" --at 2021-03-02
# An id that is not an order id at all: NOT_FOUND (exit 1) or bad input (exit 2), never found.
for id in abc SU12345 1234567890 ""; do
  m show "$id"
  ok
  case "$RC" in
    1) expect_field "show '$id'" reason_code NOT_FOUND ;;
    2) [ -n "$ERR" ] || { fail "show '$id': exit 2 without a message"; dump; } ;;
    *) fail "show '$id': exit $RC"; dump ;;
  esac
done

refused "nurse deny" REVIEWER_NOT_AUTHORIZED review "$C2" --as nurse --decision deny --at 2021-03-02
refused "physician escalate" ILLEGAL_TRANSITION review "$C2" --as physician --decision escalate --at 2021-03-02
refused "reconsider a pended case" ILLEGAL_TRANSITION reconsider "$C2" --at 2021-03-02
refused "change-dos of a pended case" ILLEGAL_TRANSITION change-dos "$C2" 2021-03-02 --at 2021-03-02
refused "review --line 2 of a one-line case" NOT_FOUND review "$C2" --as nurse --decision approve --line 2 --at 2021-03-02
m cancel "$C2" --at 2021-03-02
SEEN=
expect_rc "cancel" 0
expect_field "cancel" status "Voluntarily Cancelled"
expect_field "cancel" deadline null
expect_field "a cancelled case awaits no review" review none
refused "cancel twice" ILLEGAL_TRANSITION cancel "$C2" --at 2021-03-03
refused "void a cancelled case" ILLEGAL_TRANSITION void "$C2" --at 2021-03-03
refused "p2p on a cancelled case" ILLEGAL_TRANSITION p2p "$C2" --offered --at 2021-03-03
refused "review of a cancelled case" ILLEGAL_TRANSITION review "$C2" --as nurse --decision approve --at 2021-03-03
refused "update of a cancelled case" ILLEGAL_TRANSITION update "$C2" "$WORK/facts.json" --at 2021-03-03
refused "reconsider a cancelled case" ILLEGAL_TRANSITION reconsider "$C2" --at 2021-03-03

sub --at 2021-03-01T09:00:00Z "$WORK/admin.json"
expect_rc "submit a member not enrolled" 0
expect_field "submit a member not enrolled" status Non-Authorized
get_field order_id
ADMIN=$FIELD
WATCH=$ADMIN SEEN=
refused "reconsider an administrative denial" ILLEGAL_TRANSITION reconsider "$ADMIN" --at 2021-03-02
refused "cancel a denied case" ILLEGAL_TRANSITION cancel "$ADMIN" --at 2021-03-02

# --- Stores that keep nothing, and "now" outside 1900..9999: usage errors, nothing stored. ---
for memdb in ':memory:' 'file::memory:' 'file:x.db?mode=memory'; do
  mc --db "$memdb" submit --backend interp --at 2021-03-01 "$WORK/c3.json"
  expect_usage "submit to the in-memory store $memdb"
  expect_contains "submit to $memdb names the reason" "in-memory database" "$ERR"
done
m list --at 1899-12-31
expect_usage "list --at 1899-12-31"
expect_contains "list --at 1899-12-31 names the range" "1900-01-01 and 9999-12-31" "$ERR"
next=$((next + 1))  # the administrative denial above took one
sub --at 2021-03-01T09:00:00Z "$WORK/c3.json"
expect_field "the next valid submit gets the next order id" order_id "$(next_id)"

finish
