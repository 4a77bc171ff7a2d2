#!/usr/bin/env bash
# `--db` naming something that is not a usable case store: random bytes, a text file, another
# application's SQLite database, a directory, a path in a missing folder, a damaged or truncated
# store, a store written by a newer mskc, an unreachable PostgreSQL server. Every command exits 2
# with {"error": ...} on stdout and a message on stderr, and leaves the file (and its folder) as
# it was. Damage inside a store's pages may go unnoticed by a command that does not read them,
# but never crashes mskc.
# usage: bad_db.sh MSKC
MSKC=$1
BACKEND=sqlite
source "$(dirname "$0")/common.sh"

make_case BAD-DB MEMBER-BAD-DB >"$WORK/case.json"
# The commands tried on each bad store: reads, a write, a submit.
commands=(
  "list"
  "show SU000000001"
  "history 000000001"
  "tick --at 2021-03-20"
  "review SU000000001 --as nurse --decision approve --at 2021-03-02"
  "submit --backend interp --at 2021-03-01 $WORK/case.json"
)

# STEP FILE: every command refused with exit 2; FILE and the files beside it unchanged.
expect_refused_store() {
  local step=$1 file=$2 folder listing cmd
  folder=$(dirname "$file")
  listing=$(ls -lA --time-style=+%s.%N "$folder" 2>&1)
  [ -d "$file" ] || [ -p "$file" ] || cp -p "$file" "$WORK/.copy" 2>/dev/null
  for cmd in "${commands[@]}"; do
    # shellcheck disable=SC2086  # the command's words
    mc --db "$file" $cmd
    expect_bad_input "$step: $cmd"
    get_field error
    expect_contains "$step: $cmd: the error names the case store" "case store" "$FIELD"
    expect_contains "$step: $cmd: the same message on stderr" "$FIELD" "$ERR"
    if [ -f "$WORK/.copy" ]; then
      ok
      cmp -s "$file" "$WORK/.copy" || fail "$step: $cmd changed the file"
    fi
    ok
    [ "$(ls -lA --time-style=+%s.%N "$folder" 2>&1)" = "$listing" ] ||
      { fail "$step: $cmd changed the folder"; diff <(echo "$listing") <(ls -lA --time-style=+%s.%N "$folder") >&2; }
  done
  rm -f "$WORK/.copy"
}

# Each bad store sits alone in its own folder, so that any file created beside it shows.
fresh() { mkdir -p "$WORK/$1" && echo "$WORK/$1/store.db"; }

f=$(fresh random)
head -c 4096 /dev/urandom >"$f"
printf 'X' | dd of="$f" bs=1 count=1 conv=notrunc status=none  # never an SQLite header
expect_refused_store "random bytes" "$f"

f=$(fresh text)
printf 'member,birth_date\nM1,1950-01-01\n' >"$f"
expect_refused_store "a text file" "$f"

f=$(fresh header)
{ printf 'SQLite format 3\0'; head -c 8176 /dev/urandom; } >"$f"
expect_refused_store "an SQLite header over random bytes" "$f"

if command -v sqlite3 >/dev/null 2>&1; then
  f=$(fresh foreign)
  sqlite3 "$f" "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('someone');"
  expect_refused_store "another application's SQLite database" "$f"
  f=$(fresh foreign_meta)
  sqlite3 "$f" "CREATE TABLE mskc_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO mskc_meta VALUES ('application', 'some-other-app');"
  expect_refused_store "an SQLite database marked by another application" "$f"
else
  echo "SKIPPED: no sqlite3 command, so no foreign SQLite database to try"
fi

f=$(fresh directory)
rmdir "$(dirname "$f")" && mkdir -p "$f"  # store.db is itself a directory
expect_refused_store "a directory" "$f"
ok
[ -z "$(ls -A "$f")" ] || fail "a directory as store: files were created in it"

# A named pipe: refused at once (reading it would wait forever for a writer).
f=$(fresh pipe)
mkfifo "$f"
expect_refused_store "a named pipe" "$f"
ok
[ -p "$f" ] || fail "a named pipe as store: it was replaced"

mc --db "$WORK/missing/folder/store.db" list
expect_bad_input "a path in a missing folder"
ok
[ ! -e "$WORK/missing" ] || fail "a path in a missing folder: the folder was created"
mc --db "$WORK/missing/folder/store.db" submit --backend interp --at 2021-03-01 "$WORK/case.json"
expect_bad_input "submit into a missing folder"
ok
[ ! -e "$WORK/missing" ] || fail "submit into a missing folder: the folder was created"

mc --db "" list
expect_usage "an empty --db"

mc --db "postgresql:///mskc?host=$WORK/no-server&port=5432&user=postgres" list
expect_bad_input "an unreachable PostgreSQL server"
mc --db "postgresql:///mskc?host=$WORK/no-server&port=5432&user=postgres" \
  submit --backend interp --at 2021-03-01 "$WORK/case.json"
expect_bad_input "submit to an unreachable PostgreSQL server"

# A real store, then damaged copies of it.
good=$WORK/good/store.db
mkdir -p "$WORK/good"
for i in 1 2 3; do
  make_case "BAD-DB-$i" "MEMBER-BAD-DB-$i" >"$WORK/good-$i.json"
  mc --db "$good" submit --backend interp --at 2021-03-01 "$WORK/good-$i.json"
  expect_rc "submit to the good store" 0
done
ok
[ ! -e "$good-wal" ] || fail "the store's WAL file remains after the last process closed it"
size=$(stat -c %s "$good")

f=$(fresh truncated)
head -c $((size / 4)) "$good" >"$f"
expect_refused_store "a truncated store" "$f"

if command -v sqlite3 >/dev/null 2>&1; then
  f=$(fresh newer)
  cp "$good" "$f"
  sqlite3 "$f" "INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')"
  expect_refused_store "a store from a newer mskc" "$f"
  mc --db "$f" list
  expect_contains "a store from a newer mskc: the error says so" "newer" "$ERR"
fi

# Pages overwritten with 0xff bytes: whatever a command notices, it answers with an exit code
# from the table (0, 1 or 2) and JSON, never a signal.
ff=$(head -c 600 /dev/zero | tr '\0' '\377')
damage_commands=("list" "history 000000002" "${commands[4]}" "${commands[5]}")
for ((page = 1; page * 4096 < size; page += 4)); do
  f=$(fresh "damaged-$page")
  cp "$good" "$f"
  printf '%s' "$ff" | dd of="$f" bs=1 seek=$((page * 4096 + 100)) conv=notrunc status=none
  for cmd in "${damage_commands[@]}"; do
    # shellcheck disable=SC2086
    mc --db "$f" $cmd
    ok
    case "$RC" in
      0 | 1) [[ $OUT == "{"* || $OUT == "["* ]] || { fail "page $page damaged: $cmd: no JSON"; dump; } ;;
      2) get_field error || { fail "page $page damaged: $cmd: exit 2 without an error JSON"; dump; } ;;
      *) fail "page $page damaged: $cmd: exit $RC"; dump ;;
    esac
  done
done

finish
