#!/usr/bin/env bash
# ctest publish.script: scripts/publish.sh, as .github/workflows/pages.yml runs it,
# on the example's latest year published as the GitHub Pages project site
# https://owner.github.io/monsite-test/ (no PDFs: example.pdf covers them). Only
# data/2025: the whole example has one warning by design (klyuchi, merged in 2025,
# is missing from 2025), which --strict turns into an error.
#   - the address: --print-site-url for a project site, a user site
#     (<owner>.github.io) and a custom domain (MONSITE_SITE_URL);
#   - the build: every link under /monsite-test/, site.json and sitemap.xml
#     with that address, the example's site.toml untouched;
#   - the browser checks pass on it, and fail when a page is missing;
#   - a warning (strict) stops it with exit 2 and leaves the earlier site as it was.
#   run_publish_test.sh MONSITE SOURCE_DIR
set -uo pipefail
monsite=$1
source_dir=$2
publish="$source_dir/scripts/publish.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/monsite-publish-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {  # expect WHAT FILE PATTERN: FILE contains the fixed string PATTERN
  grep -qF -- "$3" "$2" || fail "$1: «$3» not in $2"
}

# 1. The address --github-pages uses.
url() { env -u MONSITE_SITE_URL "$@" bash "$publish" --print-site-url; }
got=$(url GITHUB_REPOSITORY=Owner/monsite-test)
[ "$got" = "https://owner.github.io/monsite-test/" ] || fail "project site: $got"
got=$(url GITHUB_REPOSITORY=Owner/owner.github.io)
[ "$got" = "https://owner.github.io/" ] || fail "user site: $got"
got=$(MONSITE_SITE_URL=https://edu.example.ru/monitoring/ GITHUB_REPOSITORY=Owner/monsite-test bash "$publish" --print-site-url)
[ "$got" = "https://edu.example.ru/monitoring/" ] || fail "custom domain: $got"
if env -u GITHUB_REPOSITORY -u MONSITE_SITE_URL bash "$publish" --print-site-url >/dev/null 2>&1; then
  fail "--github-pages without GITHUB_REPOSITORY succeeded"
fi

# 2. Build and check a copy of the example as a GitHub Pages project site.
mkdir -p "$tmp/site/data"
cp -r "$source_dir/data/2025" "$source_dir/data/site.toml" "$tmp/site/data/"
cp -r "$source_dir/content" "$tmp/site/"
cp "$tmp/site/data/site.toml" "$tmp/site.toml.before"
if ! (cd "$tmp/site" && env -u MONSITE_SITE_URL GITHUB_REPOSITORY=Owner/monsite-test \
    bash "$publish" --monsite "$monsite" --github-pages --no-pdf --out public) >"$tmp/log" 2>&1; then
  cat "$tmp/log" >&2
  fail "publish.sh on the example failed"
fi
public="$tmp/site/public"
cmp -s "$tmp/site/data/site.toml" "$tmp/site.toml.before" || fail "site.toml was changed"
expect "site.json" "$public/data/site.json" '"base_url": "/monsite-test/"'
expect "site.json" "$public/data/site.json" '"site_url": "https://owner.github.io/monsite-test/"'
expect "sitemap" "$public/sitemap.xml" '<loc>https://owner.github.io/monsite-test/</loc>'
expect "home page" "$public/index.html" 'href="/monsite-test/assets/'
if grep -q 'monitoring.example.ru' "$public/sitemap.xml"; then fail "sitemap keeps the address of site.toml"; fi
expect "the checks ran" "$tmp/log" "publish: browser checks on $public"
expect "the checks passed" "$tmp/log" "is built and checked: ready to publish"

# 3. The checks must catch a broken site: a page removed.
rm "$public/schools/index.html"
if (cd "$tmp/site" && bash "$publish" --monsite "$monsite" --check-only --out public) >"$tmp/log" 2>&1; then
  fail "--check-only passed a site without its schools index"
fi
expect "a failed check" "$tmp/log" "the browser checks failed: do not publish"

# 4. A warning in strict mode: exit 2, no checks, the earlier public/ as it was.
touch "$public/earlier-marker"
printf 'not a table\n' >"$tmp/site/data/2025/notes.txt"
(cd "$tmp/site" && bash "$publish" --monsite "$monsite" --no-pdf --out public) >"$tmp/log" 2>&1
status=$?
[ "$status" -eq 2 ] || { cat "$tmp/log" >&2; fail "a warning: exit $status, expected 2"; }
[ -f "$public/earlier-marker" ] || fail "the earlier public/ was replaced after a failed build"
if grep -qF "browser checks on" "$tmp/log"; then fail "checks ran after a failed build"; fi

if ((failures)); then
  echo "publish.script: $failures failure(s)" >&2
  exit 1
fi
echo "publish.script: passed"
