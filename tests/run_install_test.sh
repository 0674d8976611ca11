#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed binary builds
# a copy of the example site (data/ and content/ only) in a folder of its own,
# with the source tree out of reach: the build-tree fallback is switched off
# (MONSITE_NO_SOURCE_FALLBACK=1) and, where strace works, no file below the
# source folder is even looked at. The site must have its pages, CSS and chart
# scripts, and equal byte for byte the one the build-tree binary makes.
# Usage: run_install_test.sh <cmake> <build dir> <source dir> <build-tree monsite>
set -uo pipefail
cmake=$1
build=$2
root=$(cd "$3" && pwd)
tree_monsite=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
case "$work/" in "$root"/*) fail "the temporary folder $work lies inside the source folder $root; set TMPDIR" ;; esac

prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || {
  cat "$work/install.log"
  fail "cmake --install failed"
}
for f in bin/monsite share/monsite/themes/default/templates/layout.mustache \
         share/monsite/themes/default/templates/home.mustache share/monsite/themes/default/static/favicon.svg \
         share/doc/monsite/README.md share/doc/monsite/docs/data-contract.md; do
  [ -f "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/bin/monsite" ] || fail "bin/monsite is not executable"
[ -d "$prefix/share/monsite/i18n" ] || fail "not installed: share/monsite/i18n/"
for pair in vega/build/vega.min.js:vega.min.js vega-lite/build/vega-lite.min.js:vega-lite.min.js \
            vega-embed/build/vega-embed.min.js:vega-embed.min.js; do
  installed=$prefix/share/monsite/assets/${pair#*:}
  [ -f "$installed" ] && [ ! -L "$installed" ] || fail "not installed as a file: share/monsite/assets/${pair#*:}"
  cmp -s "$installed" "$root/node_modules/${pair%%:*}" || fail "share/monsite/assets/${pair#*:} differs from node_modules"
done
n=$(diff -r "$root/themes/default" "$prefix/share/monsite/themes/default" | wc -l)
[ "$n" -eq 0 ] || fail "the installed theme differs from themes/default"
echo "ok cmake --install puts bin/monsite, share/monsite/{themes/default,assets,i18n} and share/doc/monsite"

# The site: its data and pages only, in a folder of its own.
site=$work/site
mkdir -p "$site"
cp -r "$root/data" "$root/content" "$site/"
run_installed=(env -u MONSITE_DATA_DIR MONSITE_NO_SOURCE_FALLBACK=1 "$prefix/bin/monsite")

# The switch is honoured: the build-tree binary, with nothing installed beside it, finds nothing.
(cd / && env -u MONSITE_DATA_DIR MONSITE_NO_SOURCE_FALLBACK=1 "$tree_monsite" build -q --data "$site/data" \
  --out "$work/none") >"$work/none.out" 2>&1
status=$?
[ $status -eq 1 ] || { cat "$work/none.out"; fail "build-tree binary without its fallback: status $status, expected 1"; }
grep -qF "не найдены файлы monsite" "$work/none.out" || { cat "$work/none.out"; fail "no message naming the missing files"; }
[ ! -e "$work/none" ] || fail "a site was written without a theme"
echo "ok MONSITE_NO_SOURCE_FALLBACK=1 switches the build-tree fallback off"

(cd / && "${run_installed[@]}" check -q --data "$site/data") >"$work/check.out" 2>&1 || {
  cat "$work/check.out"
  fail "installed monsite check failed"
}
(cd / && "${run_installed[@]}" build -q --data "$site/data" --out "$site/public") >"$work/build.out" 2>&1 || {
  cat "$work/build.out"
  fail "installed monsite build failed"
}
for f in index.html 404.html schools/index.html methodology/index.html about/index.html data/indicators.csv \
         assets/js/vendor/vega.min.js assets/js/vendor/vega-lite.min.js assets/js/vendor/vega-embed.min.js \
         assets/favicon.svg; do
  [ -s "$site/public/$f" ] || fail "the installed binary's site has no $f"
done
ls "$site/public/assets/css/"*.css >/dev/null 2>&1 || fail "the installed binary's site has no CSS"
grep -q 'assets/js/vendor/vega-embed.min.js' "$site/public/index.html" || fail "the home page does not load the chart scripts"
echo "ok the installed binary builds the site from a folder of its own: pages, CSS, chart scripts"

# monsite new with the installed files only: the shipped pages come from share/monsite/content/.
diff -r "$root/content" "$prefix/share/monsite/content" >/dev/null || fail "share/monsite/content differs from content/"
(cd / && "${run_installed[@]}" new "$work/new-site" --municipality "Установленный округ" --year 2026) \
  >"$work/new.out" 2>&1 || { cat "$work/new.out"; fail "installed monsite new failed"; }
for f in content/about.md content/help.md content/recommendations/centre-low-group.md collection-2026.xlsx; do
  [ -f "$work/new-site/$f" ] || fail "the installed monsite new wrote no $f"
done
(cd "$work/new-site" && "${run_installed[@]}" check) >"$work/new-check.out" 2>&1 || {
  cat "$work/new-check.out"
  fail "installed monsite check in the new site failed"
}
rules=$(ls "$root"/content/recommendations/*.md | grep -vc '\.en\.md$')
grep -qF "правил рекомендаций: $rules" "$work/new-check.out" || { cat "$work/new-check.out"; fail "not the $rules rules"; }
echo "ok the installed monsite new writes a site from share/monsite/content that passes check"

"$tree_monsite" build -q --data "$site/data" --out "$work/from-tree" >"$work/tree.out" 2>&1 || {
  cat "$work/tree.out"
  fail "build-tree monsite build failed"
}
diff -r "$site/public" "$work/from-tree" >"$work/diff.out" || {
  head -20 "$work/diff.out"
  fail "the installed and the build-tree binaries build different sites"
}
echo "ok the installed and the build-tree binaries build byte-identical sites"

# Nothing below the source folder is opened or even looked at (fallback left on here).
# LeakSanitizer cannot work under ptrace: in the sanitizer build the traced run checks files, not leaks.
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
  (cd / && env -u MONSITE_DATA_DIR -u MONSITE_NO_SOURCE_FALLBACK \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=%file -o "$work/trace" \
    "$prefix/bin/monsite" build -q --data "$site/data" --out "$work/traced") >"$work/traced.out" 2>&1 || {
    cat "$work/traced.out"
    fail "installed monsite build under strace failed"
  }
  grep -q "share/monsite/themes/default" "$work/trace" || fail "strace saw no access to the installed theme"
  modules=$(readlink -f "$root/node_modules" || echo "$root/node_modules")
  if grep -e "\"$root/" -e "\"$modules/" -F "$work/trace" >"$work/source-access"; then
    head -5 "$work/source-access"
    fail "the installed binary touched the source folder $root or its node_modules"
  fi
  diff -r "$site/public" "$work/traced" >/dev/null || fail "the traced build differs"
  echo "ok strace: the installed binary touches no file below $root"
else
  echo "strace not usable here: the source-folder check rests on MONSITE_NO_SOURCE_FALLBACK=1 alone"
fi
