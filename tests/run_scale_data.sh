#!/usr/bin/env bash
# ctest scale_data: make_scale_data is deterministic (same preset and seed give
# the same bytes, another seed other bytes), its data pass `monsite check` with
# no error and no warning, and the presets have the promised shapes.
#   run_scale_data.sh MAKE_SCALE_DATA MONSITE
set -euo pipefail
gen=$1
monsite=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$gen" municipal "$work/a" --seed 42
sleep 1  # a clock-stamped file would now differ
"$gen" municipal "$work/b" --seed 42
"$gen" municipal "$work/c" --seed 43
diff -r "$work/a" "$work/b" >/dev/null || fail "same seed, different bytes"
diff -rq "$work/a" "$work/c" >/dev/null && fail "another seed gave the same bytes"
[ "$(ls "$work/a")" = "$(printf '2023\n2024\n2025')" ] || fail "municipal years: $(ls "$work/a" | tr '\n' ' ')"
for f in ОО Кадры Развитие Педагоги Меры; do
  [ -f "$work/a/2025/$f.xlsx" ] || fail "missing $f.xlsx"
done

# check: exit 0, no warning; the summary names the shapes.
expect_shape() {  # DIR YEARS SCHOOLS TEACHERS_MIN TEACHERS_MAX
  local out
  out=$("$monsite" check --data "$1" 2>&1) || { echo "$out"; fail "monsite check failed on $1"; }
  echo "$out" | grep -q "Предупреждений: 0\." || { echo "$out"; fail "warnings on $1"; }
  local years
  years=$(echo "$out" | grep -c "^[0-9]\{4\}: $3 школ, ") || true
  [ "$years" -eq "$2" ] || { echo "$out"; fail "$1: expected $2 years of $3 schools, got $years"; }
  echo "$out" | grep -o "Педагоги — [0-9]*" | while read -r _ _ n; do
    [ "$n" -ge "$4" ] && [ "$n" -le "$5" ] || fail "$1: $n teacher rows, expected $4..$5"
  done
}
expect_shape "$work/a" 3 30 600 1200
"$gen" regional "$work/r"
expect_shape "$work/r" 5 1000 28000 32000
"$gen" bogus "$work/x" 2>/dev/null && fail "an unknown preset was accepted"
echo "scale_data: ok"
