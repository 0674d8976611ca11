#!/usr/bin/env bash
# The browser tests (tests/browser/): builds the example site with the monsite
# just built into a temporary folder and runs the Node test suite against it in
# Debian's Chromium. Screenshots go to SCREENSHOTS_DIR.
#   run_browser_tests.sh MONSITE SOURCE_DIR SCREENSHOTS_DIR
set -euo pipefail
monsite=$1
source_dir=$2
screenshots=$3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/monsite-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$monsite" build -q --data "$source_dir/data" --out "$tmp/public"

cd "$source_dir"
# The files are named explicitly: every Node version takes a list of files,
# while a bare folder argument is read differently from Node 21 on.
MONSITE_PUBLIC="$tmp/public" MONSITE_SCREENSHOTS="$screenshots" \
  node --test --test-reporter=spec tests/browser/*.test.mjs

# The same site published in a sub-folder of the department's site: every link,
# asset and chart must still resolve under the base URL.
mkdir -p "$tmp/sub"
cp -r "$source_dir/data" "$tmp/sub/data"
cp -r "$source_dir/content" "$tmp/sub/content"
sed -i '/^base_url/d' "$tmp/sub/data/site.toml"
printf '\nbase_url = "/monitoring/"\n' >>"$tmp/sub/data/site.toml"
"$monsite" build -q --data "$tmp/sub/data" --out "$tmp/sub/public"
MONSITE_PUBLIC="$tmp/sub/public" MONSITE_SCREENSHOTS="$tmp/sub/screenshots" \
  node --test --test-reporter=spec tests/browser/links.test.mjs tests/browser/pages.test.mjs
