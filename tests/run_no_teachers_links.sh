#!/usr/bin/env bash
# A site whose years have no Педагоги table (the example's 2023 and 2024) has
# no page for the indicators computed from it (diag_score_avg): no page of the
# site may link one (methodology and open data once did).
# Usage: run_no_teachers_links.sh <monsite> <source dir>
set -uo pipefail
monsite=$1
root=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site/data"
cp -r "$root/data/2023" "$root/data/2024" "$work/site/data/"
cp -r "$root/content" "$work/site/"
(cd "$work/site" && "$monsite" build -q --data data --out public) || { echo "FAIL: build"; exit 1; }
site=$work/site/public
[ ! -e "$site/indicators/diag_score_avg/index.html" ] || { echo "FAIL: the premise is gone: diag_score_avg has a page"; exit 1; }
broken=0
checked=0
while IFS= read -r -d '' page; do
  while IFS= read -r href; do
    checked=$((checked + 1))
    target=${href#/}
    [ -f "$site/${target}index.html" ] || { echo "FAIL: ${page#$site/} links $href, which has no page"; broken=1; }
  done < <(grep -o 'href="/\([0-9]*/\)\?indicators/[a-z_0-9]*/"' "$page" | sed 's/^href="//; s/"$//' | sort -u)
done < <(find "$site" -name '*.html' -print0)
[ "$checked" -gt 0 ] || { echo "FAIL: no indicator link found at all"; exit 1; }
[ $broken -eq 0 ] || exit 1
echo "ok $checked indicator links on the pages of a site without Педагоги, each to a page that exists"
