#!/usr/bin/env bash
# `monsite new`, then `check` and `build` in the new site (its folder the current
# one): the files written, the municipality (with a quote) in site.toml and on
# the built home page, the empty year said in a warning, exit statuses; `new`
# again on the same folder is refused and changes nothing.
# Usage: run_new_site_test.sh <monsite> <source dir>
set -uo pipefail
monsite=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
name='Тестовый "округ"'
site=$work/site

"$monsite" new "$site" --municipality "$name" --year 2026 >"$work/new.out" 2>&1
status=$?
[ $status -eq 0 ] || { cat "$work/new.out"; fail "monsite new: status $status"; }
grep -qF "Новый сайт: $site" "$work/new.out" || { cat "$work/new.out"; fail "monsite new: no summary"; }
for f in data/site.toml data/indicators.toml data/2026/.gitkeep collection-2026.xlsx content/about.md \
         content/help.md .gitignore README.md; do
  [ -f "$site/$f" ] || fail "monsite new did not write $f"
done
[ -z "$(ls -A "$work" | grep -v '^site$' | grep -v '\.out$')" ] || { ls -A "$work"; fail "something left beside the site"; }
grep -qx 'municipality = "Тестовый \\"округ\\"" *# shown in titles' "$site/data/site.toml" ||
  { grep -n municipality "$site/data/site.toml"; fail "site.toml: the municipality is not set, escaped"; }
grep -q '^indicators = "indicators.toml"' "$site/data/site.toml" || fail "site.toml does not name indicators.toml"
cmp -s "$site/data/indicators.toml" "$root/generator/defaults/indicators.toml" ||
  fail "data/indicators.toml is not the built-in catalogue"
for f in "$root"/content/about.md "$root"/content/help.md "$root"/content/recommendations/*.md; do
  cmp -s "$f" "$site/content/${f#"$root"/content/}" || fail "content/${f#"$root"/content/} differs from the shipped one"
done
[ "$(ls "$site/content/recommendations" | wc -l)" -eq "$(ls "$root/content/recommendations"/*.md | wc -l)" ] ||
  fail "content/recommendations/ holds other files than the shipped rules"
[ -z "$(ls -A "$site/data/2026" | grep -v '^\.gitkeep$')" ] || fail "data/2026 is not empty"
grep -qx 'public/' "$site/.gitignore" || fail ".gitignore lacks public/"
grep -qF '~$*' "$site/.gitignore" || fail ".gitignore lacks the Excel lock files"
for w in "monsite check" "monsite serve" "monsite build" "data/2026/" "collection-2026.xlsx" "$name"; do
  grep -qF "$w" "$site/README.md" || fail "README.md does not mention $w"
done
python3 - "$site/collection-2026.xlsx" <<'EOF' || fail "collection-2026.xlsx is not the collection workbook"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    book = z.read("xl/workbook.xml").decode()
    assert all(f'name="{s}"' in book for s in ("ОО", "Кадры", "Развитие", "Педагоги", "Меры")), book
EOF
echo "ok monsite new writes the settings, the catalogue, the year folder, the workbook, content/, .gitignore, README.md"

# check and build, from the site folder, with the defaults (--data data, --out public).
expected_warning="в 2026 году данных ещё нет: разошлите школам книгу collection-2026.xlsx"
(cd "$site" && "$monsite" check) >"$work/check.out" 2>&1
status=$?
[ $status -eq 0 ] || { cat "$work/check.out"; fail "check in the new site: status $status"; }
grep -qF "$expected_warning" "$work/check.out" || { cat "$work/check.out"; fail "check: no warning about the empty year"; }
grep -qF "Настройки: data/site.toml" "$work/check.out" || { cat "$work/check.out"; fail "check: not data/site.toml"; }
grep -qx "2026: данных ещё нет" "$work/check.out" || { cat "$work/check.out"; fail "check: the year summary"; }
rules=$(ls "$root"/content/recommendations/*.md | grep -vc '\.en\.md$')
"$monsite" check --data "$root/data" >"$work/example-check.out" 2>&1 || fail "check of the example"
catalogue=$(grep -o 'показателей в каталоге: [0-9]*' "$work/example-check.out")
grep -qF "$catalogue; правил рекомендаций: $rules" "$work/check.out" ||
  { cat "$work/check.out"; fail "check: not the built-in catalogue ($catalogue) and the $rules shipped rules"; }
(cd "$site" && "$monsite" check --strict) >"$work/strict.out" 2>&1
status=$?
[ $status -eq 2 ] || { cat "$work/strict.out"; fail "check --strict in the new site: status $status, expected 2"; }
echo "ok check in the new site: exit 0, the empty year in a warning (exit 2 with --strict)"

(cd "$site" && "$monsite" build) >"$work/build.out" 2>&1
status=$?
[ $status -eq 0 ] || { cat "$work/build.out"; fail "build in the new site: status $status"; }
grep -qF "$expected_warning" "$work/build.out" || { cat "$work/build.out"; fail "build: no warning about the empty year"; }
for f in index.html about/index.html help/index.html methodology/index.html data/indicators.csv; do
  [ -s "$site/public/$f" ] || fail "build in the new site wrote no public/$f"
done
grep -qF 'Тестовый &quot;округ&quot;' "$site/public/index.html" || fail "the home page does not name the municipality"
if grep -qF 'Тестовый "округ"' "$site/public/index.html"; then fail "the municipality's quote is not escaped"; fi
echo "ok build in the new site: exit 0, the warning, a home page naming the municipality, the content pages"

# Not twice: the folder is no longer empty.
cp "$site/data/site.toml" "$work/site.toml.before"
"$monsite" new "$site" --municipality "Другой" --year 2027 >"$work/again.out" 2>&1
status=$?
[ $status -eq 1 ] || { cat "$work/again.out"; fail "new on an existing site: status $status, expected 1"; }
grep -qF "уже существует и не пуста" "$work/again.out" || { cat "$work/again.out"; fail "new again: no message"; }
cmp -s "$work/site.toml.before" "$site/data/site.toml" || fail "new again changed site.toml"
[ ! -e "$site/data/2027" ] || fail "new again wrote data/2027"
"$monsite" new >"$work/nodir.out" 2>&1
[ $? -eq 1 ] || fail "new without a folder: status not 1"
echo "ok new on a folder that is not empty: exit 1, the message, nothing changed"
