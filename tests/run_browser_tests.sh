#!/usr/bin/env bash
# The browser tests (tests/browser/): builds the example site with the monsite
# just built into a temporary folder and runs the Node test suite against it in
# Debian's Chromium, three times:
#   1. the example as it is (Russian): every test file; screenshots in SCREENSHOTS_DIR;
#   2. the same site under a base URL (/monitoring/): links, pages, expected pages;
#   3. the example built in English (language = "en" in a copy of its site.toml):
#      every test file again; screenshots in SCREENSHOTS_DIR/en/;
#   4. a generated large site (300 schools): large_site.mjs, links and expected pages.
# Every run goes on when an earlier one failed; the script fails if any did.
#   run_browser_tests.sh MONSITE SOURCE_DIR SCREENSHOTS_DIR
set -uo pipefail
monsite=$1
source_dir=$2
screenshots=$3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/monsite-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=()

# run NAME SITE_SOURCE PUBLIC SCREENSHOTS TEST_FILE...: the tests on one built site.
run() {
  local name=$1 site_source=$2 public=$3 shots=$4
  shift 4
  echo "=== browser tests: $name ($public)"
  # The files are named explicitly: every Node version takes a list of files,
  # while a bare folder argument is read differently from Node 21 on.
  if ! (cd "$source_dir" && MONSITE_PUBLIC="$public" MONSITE_SOURCE="$site_source" MONSITE_SCREENSHOTS="$shots" \
      node --test --test-reporter=spec "$@"); then
    failed+=("$name")
  fi
}

# A copy of the example's data/ and content/ in $tmp/NAME, with `key = value`
# set in its site.toml.
copy_example() {
  local name=$1 key=$2 value=$3
  mkdir -p "$tmp/$name"
  cp -r "$source_dir/data" "$tmp/$name/data"
  cp -r "$source_dir/content" "$tmp/$name/content"
  sed -i "/^$key[[:space:]]*=/d" "$tmp/$name/data/site.toml"
  printf '\n%s = %s\n' "$key" "$value" >>"$tmp/$name/data/site.toml"
}

all_tests=("$source_dir"/tests/browser/*.test.mjs)

# 1. Russian, as published.
if "$monsite" build -q --data "$source_dir/data" --out "$tmp/public"; then
  run "ru" "$source_dir" "$tmp/public" "$screenshots" "${all_tests[@]}"
else
  failed+=("ru (build)")
fi

# 2. The same site published in a sub-folder of the department's site: every
# link, asset and chart must still resolve under the base URL.
copy_example sub base_url '"/monitoring/"'
if "$monsite" build -q --data "$tmp/sub/data" --out "$tmp/sub/public"; then
  run "ru under /monitoring/" "$tmp/sub" "$tmp/sub/public" "$tmp/sub/screenshots" \
    "$source_dir/tests/browser/links.test.mjs" "$source_dir/tests/browser/pages.test.mjs" \
    "$source_dir/tests/browser/site-pages.test.mjs"
else
  failed+=("ru under /monitoring/ (build)")
fi

# 3. English: every test again, the words taken from i18n/en.toml.
copy_example en language '"en"'
if "$monsite" build -q --data "$tmp/en/data" --out "$tmp/en/public"; then
  run "en" "$tmp/en" "$tmp/en/public" "$screenshots/en" "${all_tests[@]}"
else
  failed+=("en (build)")
fi

# 4. A large site (a generated region of 300 schools, over [pages] full_lists_up_to):
# the lists' pages, links, expected pages, and the search over every page of the list.
mkdir -p "$tmp/large"
if python3 "$source_dir/tests/large/make_region.py" "$tmp/large/data" 300 2 >/dev/null &&
    "$monsite" build -q --data "$tmp/large/data" --out "$tmp/large/public"; then
  run "large site" "$tmp/large" "$tmp/large/public" "$tmp/large/screenshots" \
    "$source_dir/tests/browser/large_site.mjs" "$source_dir/tests/browser/links.test.mjs" \
    "$source_dir/tests/browser/site-pages.test.mjs"
else
  failed+=("large site (build)")
fi

if ((${#failed[@]})); then
  printf 'browser tests failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "browser tests: ru, ru under /monitoring/, en and a large site passed"
