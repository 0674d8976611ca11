#!/usr/bin/env bash
# The example data in data/ is what make_example_data writes, byte for byte:
# regenerates it into a temporary folder and compares every .xlsx, .ods and .csv.
#   bash tests/run_example_data.sh MAKE_EXAMPLE_DATA SOURCE_DIR
set -euo pipefail
gen=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$gen" "$out" >"$out.log" 2>&1 || { cat "$out.log" >&2; rm -f "$out.log"; exit 1; }
rm -f "$out.log"
status=0
count=0
while IFS= read -r f; do
  count=$((count + 1))
  if [ ! -f "$out/$f" ]; then
    echo "example data: $f is in data/ but was not generated" >&2
    status=1
  elif ! cmp -s "$src/data/$f" "$out/$f"; then
    echo "example data: $f differs from what make_example_data writes" >&2
    status=1
  fi
done < <(cd "$src/data" && find 2023 2024 2025 -type f \( -name '*.xlsx' -o -name '*.ods' -o -name '*.csv' \) | sort)
extra=$(cd "$out" && find . -type f | wc -l)
if [ "$extra" -ne "$count" ]; then
  echo "example data: make_example_data writes $extra files, data/ has $count" >&2
  status=1
fi
[ "$status" = 0 ] && echo "example data: $count files identical"
exit "$status"
