#!/usr/bin/env bash
# `cpack -G DEB` into a temporary folder, then the package is read with
# dpkg-deb: its file name, its control fields (Depends computed by
# dpkg-shlibdeps from the binary, Recommends chromium) and its contents
# (/usr/bin/monsite, /usr/share/monsite/{themes/default,i18n,assets}).
# Then it is unpacked into a temporary root (never installed: that needs root
# and changes the machine) and the unpacked /usr/bin/monsite builds a copy of
# the example site (data/ and content/) from another folder, with the
# build-tree fallback switched off (MONSITE_NO_SOURCE_FALLBACK=1).
# Usage: run_package_test.sh <cpack> <build dir> <source dir> <version>
set -uo pipefail
cpack=$1
build=$2
root=$(cd "$3" && pwd)
version=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
case "$work/" in "$root"/*) fail "the temporary folder $work lies inside the source folder $root; set TMPDIR" ;; esac
for tool in dpkg-deb dpkg-shlibdeps dpkg; do
  command -v "$tool" >/dev/null || fail "$tool not found: apt-get install dpkg-dev"
done

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log"
  fail "cpack -G DEB failed"
}
arch=$(dpkg --print-architecture)
deb=$work/out/monsite_${version}_${arch}.deb
[ -f "$deb" ] || { ls "$work/out"; fail "no package named monsite_${version}_${arch}.deb"; }
n=$(find "$work/out" -maxdepth 1 -name '*.deb' | wc -l)
[ "$n" -eq 1 ] || fail "$n packages made, expected 1"
echo "ok cpack -G DEB makes $(basename "$deb")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = monsite ] || fail "Package: $(field Package), expected monsite"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture), expected $arch"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
description=$(field Description)
[ "$(printf '%s\n' "$description" | wc -l)" -ge 3 ] || fail "the Description has no long part: $description"
[ "$(printf '%s\n' "$description" | sed -n 2p | sed 's/^ *//')" != "$(printf '%s\n' "$description" | sed -n 1p)" ] ||
  fail "the long Description repeats the short one: $description"

# Depends: package names (without versions and alternatives) as a list, one a line.
depends=$(field Depends)
names=$(printf '%s\n' "$depends" | tr ',|' '\n\n' | sed -e 's/([^)]*)//g' -e 's/:any$//' -e 's/[[:space:]]//g' | grep -v '^$')
for pattern in 'libzip[0-9]+' 'libexpat1' 'libxlsxwriter[0-9a-z.-]*' 'libboost-program-options[0-9.]+' \
               'libcmark-gfm[0-9a-z.+-]*' 'libcpp-httplib[0-9.]+' 'libtomlplusplus[0-9]+' 'libc6' 'libstdc\+\+6'; do
  grep -Eqx "$pattern" <<<"$names" || fail "Depends lacks $pattern (dpkg-shlibdeps off?): $depends"
done
grep -Eq 'libc6 \(>= [0-9]' <<<"$depends" || fail "Depends gives libc6 no version (not from dpkg-shlibdeps?): $depends"
[ "$(field Recommends)" = chromium ] || fail "Recommends: $(field Recommends), expected chromium"
echo "ok Depends: $depends"
echo "ok Recommends: chromium"

# Contents: `dpkg-deb -c` lines are "<mode> <owner/group> <size> <date> <time> ./<path>".
dpkg-deb -c "$deb" >"$work/contents" || fail "dpkg-deb -c failed"
regular() { grep -Eq "^-[rwx-]{9} root/root .* \./$1\$" "$work/contents" || fail "the package has no regular file /$1 owned by root"; }
regular usr/bin/monsite
grep -Eq '^-rwxr-xr-x .* \./usr/bin/monsite$' "$work/contents" || fail "/usr/bin/monsite is not mode 755"
for f in usr/share/monsite/themes/default/templates/layout.mustache usr/share/monsite/assets/vega.min.js \
         usr/share/monsite/assets/vega-lite.min.js usr/share/monsite/assets/vega-embed.min.js \
         usr/share/monsite/i18n/ru.toml usr/share/monsite/i18n/en.toml usr/share/doc/monsite/README.md; do
  regular "$f"
done
if awk '{print $NF}' "$work/contents" | grep -v -e '^\./$' -e '^\./usr/' >"$work/outside"; then
  head -5 "$work/outside"
  fail "the package holds files outside /usr"
fi
if grep -v -e '^[-d]' -e '^l.* \./usr/share/doc/' "$work/contents" >"$work/odd"; then
  head -5 "$work/odd"
  fail "the package holds something neither a file nor a folder"
fi
echo "ok the package holds /usr/bin/monsite, the theme, the text catalogues and the chart scripts as files"

# Unpacked (not installed) into a root of its own; the site in a folder of its own.
dpkg-deb -x "$deb" "$work/root" || fail "dpkg-deb -x failed"
if command -v readelf >/dev/null; then
  readelf -S "$work/root/usr/bin/monsite" >"$work/sections" || fail "readelf cannot read /usr/bin/monsite"
  ! grep -q '\.debug_info' "$work/sections" || fail "/usr/bin/monsite is not stripped"
  echo "ok /usr/bin/monsite is stripped"
fi
site=$work/site
mkdir -p "$site"
cp -r "$root/data" "$root/content" "$site/"
(cd / && env -u MONSITE_DATA_DIR MONSITE_NO_SOURCE_FALLBACK=1 "$work/root/usr/bin/monsite" build -q \
  --data "$site/data" --out "$site/public") >"$work/build.out" 2>&1 || {
  cat "$work/build.out"
  fail "the packaged monsite build failed"
}
for f in index.html schools/index.html assets/js/vendor/vega.min.js assets/js/vendor/vega-lite.min.js \
         assets/js/vendor/vega-embed.min.js; do
  [ -s "$site/public/$f" ] || fail "the packaged binary's site has no $f"
done
cmp -s "$site/public/assets/js/vendor/vega.min.js" "$work/root/usr/share/monsite/assets/vega.min.js" ||
  fail "the site's vega.min.js is not the packaged one"
echo "ok the packaged /usr/bin/monsite builds the example from a folder of its own, chart scripts included"
