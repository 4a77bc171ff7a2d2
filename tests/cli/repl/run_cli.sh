#!/usr/bin/env bash
# Runs one command-line test: `mskc ARGS...` in a fresh temporary folder, with NAME.stdin (when
# present) as standard input, and compares stdout, stderr and the exit code with NAME.stdout,
# NAME.stderr and NAME.exit in FOLDER. `@TESTS@` in ARGS and in NAME.stdin stands for the
# tests/cli folder. MSKC_UPDATE_GOLDEN=1 rewrites the expectations.
# usage: run_cli.sh MSKC FOLDER NAME ARGS...
set -u
mskc=$1; folder=$(cd "$2" && pwd); name=$3; shift 3
tests=$(cd "$folder/.." && pwd)
work=$(mktemp -d); out=$work/.stdout; err=$work/.stderr
trap 'rm -rf "$work"' EXIT
args=()
for a in "$@"; do args+=("${a//@TESTS@/$tests}"); done
input=/dev/null
if [ -f "$folder/$name.stdin" ]; then
  sed "s|@TESTS@|$tests|g" "$folder/$name.stdin" > "$work/.stdin"
  input=$work/.stdin
fi
(cd "$work" && HOME="$work" NO_COLOR=1 "$mskc" "${args[@]}" <"$input" >"$out" 2>"$err")
code=$?
if [ "${MSKC_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$out" "$folder/$name.stdout"; cp "$err" "$folder/$name.stderr"; echo "$code" > "$folder/$name.exit"
  exit 0
fi
status=0
for kind in stdout stderr; do
  file="$folder/$name.$kind"; actual=$out; [ $kind = stderr ] && actual=$err
  [ -f "$file" ] || { echo "missing $file"; status=1; continue; }
  if ! diff -u "$file" "$actual"; then echo "^^^ $kind differs for $name"; status=1; fi
done
expected_code=$(cat "$folder/$name.exit" 2>/dev/null || echo missing)
if [ "$expected_code" != "$code" ]; then echo "exit code: expected $expected_code, got $code"; status=1; fi
exit $status
