#!/usr/bin/env bash
# The scripted life of a case through `mskc case`, with explicit --at (program rules S1-S6, "Case
# store details"): submit a pended epidural case (DOS Mon 2021-03-01, window of 10 business days
# to Fri 2021-03-12), nurse escalates, physician deny refused before a peer-to-peer offer, offer,
# deny, reconsider on day 9, approve, change the date of service inside / outside the window,
# history in order. Side cases: a duplicate (S4), the reconsideration boundary (day 10 allowed,
# day 11 refused) and the pend deadline boundary of `tick` (S5).
# usage: life.sh MSKC sqlite|postgres
MSKC=$1
BACKEND=$2
source "$(dirname "$0")/common.sh"

new_store case_store_life
m() { mc --db "$DB" "$@"; }
sub() { m submit --backend interp "$@"; }

make_case LIFE-A MEMBER-LIFE-A >"$WORK/a.json"
make_case LIFE-A2 MEMBER-LIFE-A >"$WORK/a2.json"
make_case LIFE-B MEMBER-LIFE-B >"$WORK/b.json"
make_case LIFE-C MEMBER-LIFE-C >"$WORK/c.json"
make_case LIFE-D MEMBER-LIFE-D >"$WORK/d.json"

# --- Case A, the main life. ---
sub --at 2021-03-01T09:00:00Z "$WORK/a.json"
expect_rc "submit A" 0
expect_field "submit A" order_id SU000000001
expect_field "submit A" case_id LIFE-A
expect_field "submit A" outcome pended
expect_field "submit A" status "In Progress"
expect_field "submit A" review nurse
A=SU000000001

m show "$A"
expect_rc "show A" 0
expect_field "show A" order_id "$A"
expect_field "show A" status "In Progress"
expect_field "show A" review nurse
expect_field "show A" received_at 2021-03-01T09:00:00Z
expect_field "show A" deadline 2021-03-15T09:00:00Z  # receipt + 14 days (plan default)
expect_field "show A" date_of_service 2021-03-01
expect_field "show A" peer_to_peer none
expect_contains "show A keeps the determination" '"outcome": "pended"'
m show 000000001
expect_rc "show A by its 9 digits" 0
expect_field "show A by its 9 digits" order_id "$A"

# S4: the same member and code while A is In Progress is a duplicate, stored as Other Impact.
sub --at 2021-03-01T10:00:00Z "$WORK/a2.json"
expect_rc "duplicate of A" 0
expect_field "duplicate of A" order_id SU000000002
expect_field "duplicate of A" status "Other Impact"
expect_field "duplicate of A" duplicate_of "$A"
expect_contains "duplicate of A" DUPLICATE_ORDER

m review "$A" --as nurse --decision escalate --reason "needs imaging" --at 2021-03-02T10:00:00Z
expect_rc "nurse escalates A" 0
expect_field "nurse escalates A" status "In Progress"
expect_field "nurse escalates A" review physician

m review "$A" --as nurse --decision approve --at 2021-03-02T10:30:00Z
expect_refused "nurse approves a line awaiting a physician" REVIEWER_NOT_AUTHORIZED

m show "$A"
before=$OUT
m review "$A" --as physician --decision deny --at 2021-03-02T11:00:00Z
expect_refused "physician denies A before a peer-to-peer offer" P2P_NOT_OFFERED
expect_field "P2P_NOT_OFFERED names the case" order_id "$A"
m show "$A"
ok
[ "$OUT" = "$before" ] || { fail "a refused deny changed the store"; dump; }

m p2p "$A" --offered --at 2021-03-02T12:00:00Z
expect_rc "p2p offered on A" 0
expect_field "p2p offered on A" status "In Progress"
expect_field "p2p offered on A" peer_to_peer offered

m review "$A" --as physician --decision deny --reason "not necessary" --at 2021-03-03T09:00:00Z
expect_rc "physician denies A" 0
expect_field "physician denies A" status Non-Authorized
expect_field "physician denies A" denied_at 2021-03-03T09:00:00Z
expect_field "physician denies A" review none

m reconsider "$A" --at 2021-03-12T09:00:00Z  # day 9 after the denial
expect_rc "reconsider A on day 9" 0
expect_field "reconsider A on day 9" status "In Progress"
expect_field "reconsider A on day 9" review physician
expect_field "reconsider A on day 9" deadline 2021-03-26T09:00:00Z  # a new one from its own now

m review "$A" --as physician --decision approve --at 2021-03-12T10:00:00Z
expect_rc "physician approves A" 0
expect_field "physician approves A" status Authorized
expect_field "physician approves A" valid_from 2021-03-01
expect_field "physician approves A" expires_on 2021-03-12
expect_field "physician approves A" deadline null

m change-dos "$A" 2021-03-12 --at 2021-03-12T11:00:00Z  # the window's last day
expect_rc "change-dos A to the last day of the window" 0
expect_field "change-dos A to the last day of the window" status Authorized
expect_field "change-dos A to the last day of the window" date_of_service 2021-03-12
expect_field "change-dos A keeps the window" valid_from 2021-03-01
expect_field "change-dos A keeps the window" expires_on 2021-03-12

m change-dos "$A" 2021-03-13 --at 2021-03-12T12:00:00Z  # the day after the window
expect_refused "change-dos A to the day after the window" DOS_OUTSIDE_WINDOW
m change-dos "$A" 2021-02-28 --at 2021-03-12T12:00:00Z  # the day before it starts
expect_refused "change-dos A to the day before the window" DOS_OUTSIDE_WINDOW
m show "$A"
expect_field "a refused change-dos keeps the date" date_of_service 2021-03-12

m history "$A"
expect_rc "history A" 0
commands=$(grep -o '"command": "[^"]*"' <<<"$OUT" | sed 's/.*: "//; s/"$//' | tr '\n' ' ')
ok
[ "$commands" = "submit review p2p review reconsider review change-dos " ] ||
  { fail "history A: commands are '$commands'"; dump; }
tos=$(grep -o '"to": "[^"]*"' <<<"$OUT" | sed 's/.*: "//; s/"$//' | tr '\n' '|')
ok
[ "$tos" = "In Progress|In Progress|In Progress|Non-Authorized|In Progress|Authorized|Authorized|" ] ||
  { fail "history A: statuses are '$tos'"; dump; }
ats=$(grep -o '"at": "[^"]*"' <<<"$OUT" | sed 's/.*: "//; s/"$//' | tr '\n' ' ')
ok
[ "$ats" = "2021-03-01T09:00:00Z 2021-03-02T10:00:00Z 2021-03-02T12:00:00Z 2021-03-03T09:00:00Z 2021-03-12T09:00:00Z 2021-03-12T10:00:00Z 2021-03-12T11:00:00Z " ] ||
  { fail "history A: times are '$ats'"; dump; }
expect_contains "history A keeps the reviewer's reason" "needs imaging"
actors=$(grep -o '"actor": "[^"]*"' <<<"$OUT" | sed 's/.*: "//; s/"$//' | tr '\n' ' ')
ok
case "$actors" in
  "provider nurse "*" physician provider physician provider ") ;;
  *) fail "history A: actors are '$actors'"; dump ;;
esac

# --- Reconsideration boundary: B asks on day 11 (refused), C on day 10 (allowed). ---
sub --at 2021-03-01T09:00:00Z "$WORK/b.json"
expect_field "submit B" order_id SU000000003
sub --at 2021-03-01T09:00:00Z "$WORK/c.json"
expect_field "submit C" order_id SU000000004
for id in SU000000003 SU000000004; do
  m p2p "$id" --declined --at 2021-03-02T09:00:00Z
  expect_rc "p2p declined on $id" 0
  m review "$id" --as physician --decision deny --at 2021-03-03T23:00:00Z
  expect_field "physician denies $id" status Non-Authorized
done
m reconsider SU000000003 --at 2021-03-14T00:00:00Z
expect_refused "reconsider B on day 11" RECONSIDERATION_WINDOW_EXCEEDED
m show SU000000003
expect_field "B stays denied" status Non-Authorized
m reconsider SU000000004 --at 2021-03-13T23:59:59Z
expect_rc "reconsider C on day 10" 0
expect_field "reconsider C on day 10" status "In Progress"

# --- Pend deadline (S5): D, received 2021-03-01T09:00Z, closes at exactly 2021-03-15T09:00Z. ---
sub --at 2021-03-01T09:00:00Z "$WORK/d.json"
expect_field "submit D" order_id SU000000005
m tick --at 2021-03-15T08:59:59Z
expect_rc "tick a second before D's deadline" 0
ok
if grep -q SU000000005 <<<"$OUT"; then fail "tick closed D before its deadline"; dump; fi
m tick --at 2021-03-15T09:00:00Z
expect_rc "tick at D's deadline" 0
expect_contains "tick at D's deadline closes D" SU000000005
expect_contains "tick at D's deadline" INFO_NOT_PROVIDED
closed=$(order_ids "$OUT" | tr '\n' ' ')
ok
[ "$closed" = "SU000000005 " ] || { fail "tick closed '$closed', expected only D"; dump; }
m show SU000000005
expect_field "D after its deadline" status Non-Authorized
expect_field "D after its deadline" status_reason INFO_NOT_PROVIDED
m review SU000000005 --as nurse --decision approve --at 2021-03-15T10:00:00Z
expect_refused "review of the closed D" ILLEGAL_TRANSITION

m list --status Authorized
expect_rc "list Authorized" 0
ok
[ "$(order_ids "$OUT" | tr '\n' ' ')" = "$A " ] || { fail "list Authorized"; dump; }
m list --member MEMBER-LIFE-A
ok
[ "$(order_ids "$OUT" | sort | tr '\n' ' ')" = "SU000000001 SU000000002 " ] ||
  { fail "list --member MEMBER-LIFE-A"; dump; }
m list
ok
[ "$(order_ids "$OUT" | tr '\n' ' ')" = "SU000000005 SU000000004 SU000000003 SU000000002 SU000000001 " ] ||
  { fail "list: not every case newest first"; dump; }

finish
