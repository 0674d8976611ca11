#!/usr/bin/env bash
# A theme that cannot be used is reported before any data is read: a data
# folder whose spreadsheet is broken (tests/invalid/not_a_zip) is paired with
# theme mistakes; `check -v` and `build -v` (which name every file they read)
# must stop with status 1 and print only the theme's error. The same data with
# the default theme shows the data error, so the data really is broken.
# Usage: run_theme_first_test.sh <monsite> <source dir>
set -uo pipefail
monsite=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# run <name> <expected status> <expected message> [env assignments...]
run() {
  local name=$1 expected_status=$2 message=$3
  shift 3
  for command in check build; do
    local args=(check -v --data data)
    [ $command = build ] && args=(build -v --data data --out public)
    (cd "$work" && env -u MONSITE_DATA_DIR "$@" "$monsite" "${args[@]}") >"$work/out" 2>"$work/err"
    local status=$?
    [ $status -eq "$expected_status" ] || { cat "$work/err"; fail "$name: $command: status $status, expected $expected_status"; }
    grep -qF -- "$message" "$work/err" || { cat "$work/err"; fail "$name: $command: no «$message»"; }
    [ ! -e "$work/public" ] || fail "$name: $command wrote public/"
    if [ "$expected_status" -eq 1 ]; then
      # Nothing but the theme's error: no file read, no data error, no progress step.
      if grep -v -F -- "$message" "$work/err" | grep -q .; then
        cat "$work/err"
        fail "$name: $command printed more than the theme's error"
      fi
      [ "$(wc -l <"$work/err")" -eq 1 ] || { cat "$work/err"; fail "$name: $command: more than one line"; }
    fi
  done
  echo "ok $name"
}

cp -r "$root/tests/invalid/not_a_zip/data" "$work/data"
run "broken data with the default theme: the data error" 2 "файл не является книгой Excel"

echo 'theme = "nope"' >"$work/data/site.toml"
run "a missing theme before broken data" 1 "тема «nope» не найдена: нет папки «themes/nope»"

mkdir -p "$work/themes/nope/fonts"
run "an empty theme folder before broken data" 1 "тема «nope» пуста: в папке «themes/nope» нет ни templates/"

mkdir -p "$work/themes/nope/templates"
printf '<h1>{{#year}}</h1>\n' >"$work/themes/nope/templates/home.mustache"
run "a template that does not parse before broken data" 1 "шаблон «home» содержит ошибку"

rm -rf "$work/themes" "$work/data/site.toml"
run "monsite's own files missing (MONSITE_DATA_DIR) before broken data" 1 \
  "(переменная окружения MONSITE_DATA_DIR) нет темы по умолчанию" MONSITE_DATA_DIR="$work/nowhere"
