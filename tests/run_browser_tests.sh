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
