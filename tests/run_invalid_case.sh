#!/usr/bin/env bash
# Runs one invalid-data fixture: tests/invalid/<case>/data is checked by monsite,
# which must exit with the expected status (2 unless <case>/status says otherwise),
# print every line of <case>/expected.txt (as substrings of its error output),
# and write nothing anywhere in the working folder.
set -uo pipefail
monsite=$1
case_dir=$2
name=$(basename "$case_dir")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$case_dir/data" "$work/data"
expected_status=2
[ -f "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")

snapshot() { (cd "$work" && find . -printf '%p %s %T@\n' | sort && find . -type f -exec sha256sum {} + | sort); }
before=$(snapshot)

cd "$work"
"$monsite" check --data data >"$work.out" 2>"$work.err"
status=$?
cd - >/dev/null
fail=0
if [ "$status" -ne "$expected_status" ]; then
  echo "FAIL $name: exit status $status, expected $expected_status"
  fail=1
fi
while IFS= read -r line || [ -n "$line" ]; do
  [ -z "$line" ] && continue
  if ! grep -qF -- "$line" "$work.err"; then
    echo "FAIL $name: missing in error output: $line"
    fail=1
  fi
done <"$case_dir/expected.txt"
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
