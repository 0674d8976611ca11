#!/usr/bin/env bash
# A large site (a generated region of 300 schools × 2 years, over the default
# [pages] full_lists_up_to = 200): pages stay small, charts' data small,
# site.json split, every school reachable from the schools list, no broken link.
# Usage: run_large_site.sh <monsite> <source dir> <python3>
set -uo pipefail
monsite=$1
root=$(cd "$2" && pwd)
python=${3:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" "$root/tests/large/make_region.py" "$work/data" 300 2 >/dev/null || { echo "FAIL: make_region"; exit 1; }
"$monsite" build -q --data "$work/data" --out "$work/public" || { echo "FAIL: build"; exit 1; }
[ -f "$work/public/schools/page/3/index.html" ] || { echo "FAIL: the premise is gone: no schools/page/3/ (not a large site?)"; exit 1; }
"$python" "$root/tests/large_site/check_large_site.py" "$work/public" --max-page 300000 --max-chart 100000 --max-json 100000
