#!/usr/bin/env bash
# Rebuilds the seed corpora fuzz/corpus/<target>/ from the test fixtures
# (tests/fixtures, tests/invalid), the example data, the default indicator
# catalogue and the content pages. Small on purpose (well under 2 MB in all);
# the fuzzers grow their own corpora in a scratch folder, not here.
#   bash fuzz/make_corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{fuzz_xlsx,fuzz_ods,fuzz_csv,fuzz_values,fuzz_cellref,fuzz_headers,fuzz_formula,fuzz_front_matter}

# copy SOURCE TARGET NAME
copy() { cp "$1" "$out/$2/$3"; }

# The XLSX and ODS seeds, plus a copy of some with every entry stored rather than
# deflated, so that the fuzzer's raw byte mutations also land in the XML.
stored() {
  python3 - "$1" "$2" <<'EOF'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
    for info in zin.infolist():
        zout.writestr(zipfile.ZipInfo(info.filename, info.date_time), zin.read(info.filename))
EOF
}

for f in tests/fixtures/xlsx/*.xlsx; do copy "$f" fuzz_xlsx "fixture_$(basename "$f")"; done
for c in duplicate_header unknown_direction text_in_count formula_without_cached_value missing_required_table; do
  copy "tests/invalid/$c/data/2025/мониторинг.xlsx" fuzz_xlsx "invalid_$c.xlsx"
done
for c in malformed_xml xml_with_doctype shared_string_out_of_range part_larger_than_whole truncated_zip cell_ref_beyond_grid not_a_zip; do
  copy "tests/invalid/$c/data/2025/школа_2.xlsx" fuzz_xlsx "invalid_$c.xlsx"
done
copy tests/invalid/duplicate_teacher_id/data/2025/школа_1.xlsx fuzz_xlsx invalid_teachers.xlsx
for f in excel_style libreoffice libreoffice_from_csv; do stored "tests/fixtures/xlsx/$f.xlsx" "$out/fuzz_xlsx/stored_$f.xlsx"; done
stored tests/invalid/unknown_direction/data/2025/мониторинг.xlsx "$out/fuzz_xlsx/stored_monitoring.xlsx"

for f in tests/fixtures/ods/*.ods; do copy "$f" fuzz_ods "fixture_$(basename "$f")"; done
copy tests/invalid/ods_malformed_content/data/2025/школа_3.ods fuzz_ods invalid_malformed_content.ods
for f in workbook types edge; do stored "tests/fixtures/ods/$f.ods" "$out/fuzz_ods/stored_$f.ods"; done

for f in tests/fixtures/csv/*.csv; do copy "$f" fuzz_csv "fixture_$(basename "$f")"; done
for f in tests/invalid/csv_unterminated_quote/data/2025/*.csv; do copy "$f" fuzz_csv "unterminated_$(basename "$f")"; done
for f in tests/invalid/school_without_development_row/data/2025/*.csv; do copy "$f" fuzz_csv "valid_$(basename "$f")"; done
copy data/2025/ОО.csv fuzz_csv example_ОО.csv

# Header rows: the first lines of the CSV seeds, cells separated by tabs.
n=0
for f in "$out"/fuzz_csv/*.csv; do
  n=$((n + 1))
  head -n 3 "$f" | tr ';' '\t' >"$out/fuzz_headers/csv_$n.txt"
done
printf 'ФИО\tКод ОО\tСНИЛС\tНомер телефона\tДата рождения\tE-mail\n1\t2\t3\n' >"$out/fuzz_headers/personal.txt"
printf 'school_id\tteachers_total\tКОД ОО\tВакансии, %%\tВсего  педагогических работников…\n' >"$out/fuzz_headers/ids_and_duplicates.txt"

# Cell values the contract allows, and some it does not.
n=0
while IFS= read -r v; do
  n=$((n + 1))
  printf '%s' "$v" >"$out/fuzz_values/v_$n.txt"
done <<'EOF'
1 234,5
25 %
−3
12.0
-0,5e3
 1 000 000 
.5
1.234,5
да
Нет
ИСТИНА
+
Ёлка, Ёж…
  Результат диагностики, %
XFD1048576
AA10
#DIV/0!
EOF
printf '1\xa0234\xe2\x80\xaf567,8' >"$out/fuzz_values/nbsp.txt"
printf '\xcf\xf0\xe8\xe2\xe5\xf2' >"$out/fuzz_values/cp1251.txt"
printf '\xef\xbb\xbf\xed\xa0\x80\xc0\xaf' >"$out/fuzz_values/bad_utf8.txt"

# Cell references as the XLSX reader meets them: in range, beyond the grid, malformed, merged ranges.
n=0
for v in A1 C17 XFD1048576 XFE1 A1048577 A0 A01 1A D xfd1048576 aa10 AAAAAAAAAAAA99999999999999 'A1:C3' \
  'B2:XFD1048576' '$A$1' 'A 1' 'Лист1!A1' ''; do
  n=$((n + 1))
  printf '%s' "$v" >"$out/fuzz_cellref/r_$n.txt"
done

# Formulas: every one of the default catalogue, and some broken ones.
n=0
grep -E '^formula *= *"' generator/defaults/indicators.toml | sed -E 's/^formula *= *"(.*)"$/\1/' | while IFS= read -r f; do
  n=$((n + 1))
  printf '%s' "$f" >"$out/fuzz_formula/catalogue_$n.txt"
done
printf 'share_of_schools(mentoring_model == да)' >"$out/fuzz_formula/share_eq.txt"
printf 'share_of_schools(students >= -12.5)' >"$out/fuzz_formula/share_number.txt"
printf 'mean(teachers.diag_score)' >"$out/fuzz_formula/mean.txt"
printf '(a + b) / (' >"$out/fuzz_formula/broken.txt"

# Pages: the example content and hand-made front matter.
for f in content/*.md; do copy "$f" fuzz_front_matter "$(basename "$f")"; done
printf '+++\r\ntitle = "О мониторинге"\r\nweight = 10\r\ndraft = false\r\n+++\r\nТекст\r\n' >"$out/fuzz_front_matter/crlf.md"
printf '\xef\xbb\xbf+++\ndescription = """много\nстрок"""\nweight = 100001\n+++\n' >"$out/fuzz_front_matter/bom_bad_weight.md"
printf '+++\ntitle = [1, {a = 2}]\n' >"$out/fuzz_front_matter/unclosed.md"

du -sh "$out"
