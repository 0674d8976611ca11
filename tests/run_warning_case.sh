#!/usr/bin/env bash
# Runs one warning fixture: tests/warnings/<case>/data is checked by
# `monsite check --data data` (plus the arguments in <case>/args.txt, if any),
# which must exit with the status in <case>/status.txt (default 0) and print
# every line of <case>/expected.txt as a substring of its output (stdout and
# stderr together); no line of <case>/absent.txt (optional) may appear in it.
set -uo pipefail
monsite=$1
case_dir=$(cd "$2" && pwd)
name=$(basename "$case_dir")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$case_dir/data" "$work/data"
args=()
[ -f "$case_dir/args.txt" ] && read -r -a args <"$case_dir/args.txt"
expected_status=0
[ -f "$case_dir/status.txt" ] && expected_status=$(tr -d '[:space:]' <"$case_dir/status.txt")

(cd "$work" && "$monsite" check --data data "${args[@]}") >"$work/output.txt" 2>&1
status=$?

fail=0
if [ "$status" -ne "$expected_status" ]; then
  echo "FAIL $name: exit status $status, expected $expected_status"
  fail=1
fi
while IFS= read -r line || [ -n "$line" ]; do
  [ -z "$line" ] && continue
  if ! grep -qF -- "$line" "$work/output.txt"; then
    echo "FAIL $name: missing in output: $line"
    fail=1
  fi
done <"$case_dir/expected.txt"
if [ -f "$case_dir/absent.txt" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    [ -z "$line" ] && continue
    if grep -qF -- "$line" "$work/output.txt"; then
      echo "FAIL $name: must not appear in output: $line"
      fail=1
    fi
  done <"$case_dir/absent.txt"
fi
if [ $fail -ne 0 ]; then
  echo "--- output ---"; head -60 "$work/output.txt"
  exit 1
fi
echo "ok $name"
