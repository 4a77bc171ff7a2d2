#!/usr/bin/env bash
# Runs one golden command test: `mskc ARGS...` in FOLDER; compares stdout, stderr and the exit
# code with NAME.stdout (NAME.stdin, when present, is the standard input)
# and / NAME.stderr / NAME.exit. MSKC_UPDATE_GOLDEN=1 rewrites the expectations.
# usage: run_golden.sh MSKC FOLDER NAME ARGS...
set -u
mskc=$1; folder=$2; name=$3; shift 3
cd "$folder" || exit 2
out=$(mktemp); err=$(mktemp)
input=/dev/null; [ -f "$name.stdin" ] && input="$name.stdin"
"$mskc" "$@" <"$input" >"$out" 2>"$err"
code=$?
if [ "${MSKC_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$out" "$name.stdout"; cp "$err" "$name.stderr"; echo "$code" > "$name.exit"
  rm -f "$out" "$err"; exit 0
fi
status=0
for kind in stdout stderr; do
  file="$name.$kind"; actual=$out; [ $kind = stderr ] && actual=$err
  [ -f "$file" ] || { echo "missing $file"; status=1; continue; }
  if ! diff -u "$file" "$actual"; then echo "^^^ $kind differs for $name"; status=1; fi
done
expected_code=$(cat "$name.exit" 2>/dev/null || echo missing)
if [ "$expected_code" != "$code" ]; then echo "exit code: expected $expected_code, got $code"; status=1; fi
rm -f "$out" "$err"
exit $status
