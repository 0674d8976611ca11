#!/usr/bin/env bash
# `monsite template` round trip: the workbook for the example's latest year,
# filled in by tests/template/fill_template.py from that year's example files
# (typed into the template's own sheets and columns), passes `monsite check`
# without a warning about it, and `monsite build` on the example with that year
# replaced by the filled workbook gives the same indicators.csv as the example.
set -euo pipefail
monsite=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
year=2025

cp -r "$root/data" "$work/data"
"$monsite" template --data "$root/data" --year "$year" --out "$work/template.xlsx" >"$work/template.out"
grep -q "Школ: 24 (по таблице «ОО» $year года)" "$work/template.out" || { cat "$work/template.out"; fail "template summary"; }

rm -rf "$work/data/$year"
mkdir "$work/data/$year"
python3 "$root/tests/template/fill_template.py" "$work/template.xlsx" "$root/data/$year" "$work/data/$year/сбор.xlsx"

"$monsite" check --data "$work/data" >"$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check of the filled template"; }
if grep -F "сбор.xlsx" "$work/check.out"; then fail "check warns about the filled template"; fi
echo "ok the filled template passes monsite check, nothing said about it"

"$monsite" build -q --data "$work/data" --out "$work/public"
cmp "$work/public/data/indicators.csv" "$root/tests/golden/example/indicators.csv" || {
  diff "$work/public/data/indicators.csv" "$root/tests/golden/example/indicators.csv" | head -20
  fail "indicators.csv from the filled template differs from the example's"
}
echo "ok the filled template gives the example's indicators.csv"

# One school's own workbook: its rows only.
"$monsite" template --data "$root/data" --year "$year" --school gim1 --out "$work/gim1.xlsx" >/dev/null
rows=$(unzip -p "$work/gim1.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
[ "$rows" = 2 ] || fail "--school gim1: expected a header and one row in ОО, found $rows rows"
if "$monsite" template --data "$root/data" --school nosuch --out "$work/x.xlsx" 2>"$work/err"; then fail "unknown --school accepted"; fi
grep -q "nosuch" "$work/err" || fail "unknown --school not named"
[ ! -e "$work/x.xlsx" ] || fail "a file was written for an unknown school"
echo "ok --school writes one school's rows; an unknown code is refused"
