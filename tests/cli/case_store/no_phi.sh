#!/usr/bin/env bash
# No protected health information in messages: whatever goes wrong with a case (a bad birth date,
# a wrong type, broken JSON, an unknown plan, a refused command, a bad update), neither stderr nor
# the error JSON shows the member id, the birth date or the providers' NPIs.
# usage: no_phi.sh MSKC
MSKC=$1
BACKEND=sqlite
source "$(dirname "$0")/common.sh"

readonly MEMBER=PHIMEMBER8675309 BIRTH=1947-02-13 NPI=1357924680 FACILITY_NPI=2468013579
new_store case_store_no_phi
m() { mc --db "$DB" "$@"; }

# The template with distinctive values: member id, birth date, ordering and facility NPIs.
make_case NO-PHI "$MEMBER" |
  sed -e "s/\"1968-09-12\"/\"$BIRTH\"/" -e "s/\"1487654321\"/\"$NPI\"/" \
      -e "s/\"1922334455\"/\"$FACILITY_NPI\"/" >"$WORK/case.json"
for value in "$MEMBER" "$BIRTH" "$NPI" "$FACILITY_NPI"; do
  ok
  grep -q -- "$value" "$WORK/case.json" || fail "the case does not hold $value"
done

# STEP [MORE_VALUES...]: neither stdout (when an error) nor stderr of the last command shows PHI.
no_phi() {
  local step=$1 value
  shift
  for value in "$MEMBER" "$BIRTH" "$NPI" "$FACILITY_NPI" "$@"; do
    [ -n "$value" ] || continue
    expect_lacks "$step: stderr" "$value" "$ERR"
    [ "$RC" = 0 ] || expect_lacks "$step: stdout" "$value" "$OUT"
  done
}
# STEP SED_EXPRESSION VALUE_SHOWN: a bad case made from case.json; exit 2 without PHI.
bad_case() {
  local step=$1 value=${3-}
  sed -e "$2" "$WORK/case.json" >"$WORK/bad.json"
  ok
  cmp -s "$WORK/bad.json" "$WORK/case.json" && fail "$step: the edit did not apply"
  m submit --backend interp --at 2021-03-01 "$WORK/bad.json"
  expect_bad_input "$step"
  no_phi "$step" "$value"
}

bad_case "birth date 1947-02-31" "s/\"$BIRTH\"/\"1947-02-31\"/" 1947-02-31
bad_case "birth date as words" "s/\"$BIRTH\"/\"PHIBIRTH13FEB\"/" PHIBIRTH13FEB
bad_case "birth date as a number" "s/\"$BIRTH\"/19470213/" 19470213
bad_case "birth date in another format" "s/\"$BIRTH\"/\"13\\/02\\/1947\"/" "13/02/1947"
bad_case "member id as a number" "s/\"$MEMBER\"/8675309001/" 8675309001
bad_case "member id as an object" "s/\"$MEMBER\"/{\"value\": \"PHIMEMBERINNER\"}/" PHIMEMBERINNER
bad_case "NPI as a number" "s/\"$NPI\"/$NPI/"
bad_case "member sex not F, M or U" 's/"sex": "F"/"sex": "PHISEXVALUE"/' PHISEXVALUE
bad_case "broken JSON right after the member id" "s/\"$MEMBER\",/\"$MEMBER\"/"
bad_case "broken JSON inside the birth date" "s/\"$BIRTH\"/\"$BIRTH/"
bad_case "an unknown plan" 's/"ANTHEM-ME"/"PHI-PLAN-X"/'
bad_case "a bad date of service" 's/"date_of_service": "2021-03-01"/"date_of_service": "2021-02-30"/' 2021-02-30

# A stored case, then refusals and bad updates on it.
m submit --backend interp --at 2021-03-01T09:00:00Z "$WORK/case.json"
expect_rc "submit" 0
get_field order_id
ID=$FIELD
m submit --backend interp --at 2021-03-01T10:00:00Z "$WORK/case.json"
expect_field "a duplicate" status "Other Impact"
no_phi "a duplicate"

refusal() {  # STEP CODE ARGS...
  local step=$1 code=$2
  shift 2
  m "$@"
  expect_refused "$step" "$code"
  no_phi "$step"
}
refusal "nurse deny" REVIEWER_NOT_AUTHORIZED review "$ID" --as nurse --decision deny --at 2021-03-02
refusal "deny without an offer" P2P_NOT_OFFERED review "$ID" --as physician --decision deny --at 2021-03-02
refusal "change-dos of a pended case" ILLEGAL_TRANSITION change-dos "$ID" 2021-03-05 --at 2021-03-02
refusal "reconsider a pended case" ILLEGAL_TRANSITION reconsider "$ID" --at 2021-03-02
refusal "unknown line" NOT_FOUND review "$ID" --as nurse --decision approve --line 9 --at 2021-03-02
refusal "unknown id" NOT_FOUND show SU000000099
m review "$ID" --as nurse --decision approve --at 2021-03-02
expect_field "nurse approves" status Authorized
refusal "change-dos outside the window" DOS_OUTSIDE_WINDOW change-dos "$ID" 2021-03-15 --at 2021-03-02
echo '{"clinical": {"pain_score": 7}}' >"$WORK/facts.json"
refusal "update an approved case" ILLEGAL_TRANSITION update "$ID" "$WORK/facts.json" --at 2021-03-02
m void "$ID" --at 2021-03-03
expect_rc "void" 0
refusal "cancel a voided case" ILLEGAL_TRANSITION cancel "$ID" --at 2021-03-03

make_case NO-PHI-2 "$MEMBER" |
  sed -e "s/\"1968-09-12\"/\"$BIRTH\"/" -e "s/\"1487654321\"/\"$NPI\"/" >"$WORK/case2.json"
m submit --backend interp --at 2021-03-04T09:00:00Z "$WORK/case2.json"
expect_rc "submit a second case" 0
get_field order_id
ID2=$FIELD
bad_update() {  # STEP JSON VALUE_SHOWN
  echo "$2" >"$WORK/facts.json"
  m update "$ID2" "$WORK/facts.json" --backend interp --at 2021-03-05
  expect_bad_input "$1"
  no_phi "$1" "$3"
}
bad_update "update with a bad pain score" '{"clinical": {"pain_score": "PHIPAINWORDS"}}' PHIPAINWORDS
bad_update "update with a bad fact" '{"pain_score": [1947, "PHIPAINLIST"]}' PHIPAINLIST
bad_update "update changing the member" '{"member": {"id": "PHIOTHERMEMBER", "birth_date": "1947-02-14"}}' PHIOTHERMEMBER
bad_update "update with broken JSON" "{\"clinical\": {\"note\": \"$MEMBER\"" ""
bad_update "update with a bad history date" '{"history": [{"code": "64483", "date": "PHIHISTDATE"}]}' PHIHISTDATE

finish
