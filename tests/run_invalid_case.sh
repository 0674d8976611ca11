#!/usr/bin/env bash
# Runs one invalid-data fixture: tests/invalid/<case>/data is checked and built
# by monsite, which must exit with the expected status (2 unless <case>/status
# or <case>/status.txt says otherwise, e.g. 1 for a configuration error), print
# every line of <case>/expected.txt (as substrings of its error output) both
# times, and write nothing: an earlier public/ stays as it was. Optional:
# <case>/args.txt holds extra arguments for both commands (e.g. --strict), and
# <case>/content, <case>/themes and <case>/i18n are the site's own pages, themes and texts, placed
# beside data/ as in a real site.
set -uo pipefail
monsite=$1
case_dir=$2
name=$(basename "$case_dir")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$case_dir/data" "$work/data"
for extra in content themes i18n; do
  [ -d "$case_dir/$extra" ] && cp -r "$case_dir/$extra" "$work/$extra"
done
args=()
[ -f "$case_dir/args.txt" ] && read -r -a args <"$case_dir/args.txt"
mkdir -p "$work/public/data"
echo "an earlier build" >"$work/public/index.html"
echo "year,scope" >"$work/public/data/indicators.csv"
expected_status=2
[ -f "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")
[ -f "$case_dir/status.txt" ] && expected_status=$(cat "$case_dir/status.txt")

snapshot() { (cd "$work" && find . -printf '%p %s %T@\n' | sort && find . -type f -exec sha256sum {} + | sort); }
before=$(snapshot)

fail=0
for command in check build; do
  cd "$work"
  if [ $command = check ]; then
    "$monsite" check --data data "${args[@]}" >"$work.out" 2>"$work.err"
  else
    "$monsite" build -q --data data --out public "${args[@]}" >"$work.out" 2>"$work.err"
  fi
  status=$?
  cd - >/dev/null
  if [ "$status" -ne "$expected_status" ]; then
    echo "FAIL $name: $command: exit status $status, expected $expected_status"
    fail=1
  fi
  while IFS= read -r line || [ -n "$line" ]; do
    [ -z "$line" ] && continue
    if ! grep -qF -- "$line" "$work.err"; then
      echo "FAIL $name: $command: missing in error output: $line"
      fail=1
    fi
  done <"$case_dir/expected.txt"
  [ $fail -ne 0 ] && break
done
after=$(snapshot)
if [ "$before" != "$after" ]; then
  echo "FAIL $name: files were written or changed"
  diff <(echo "$before") <(echo "$after") | head -20
  fail=1
fi
if [ $fail -ne 0 ]; then
  echo "--- stderr ---"; head -50 "$work.err"
  rm -f "$work.out" "$work.err"
  exit 1
fi
rm -f "$work.out" "$work.err"
echo "ok $name"
