#!/usr/bin/env bash
# `monsite build --pdf` on the example data into a temporary folder: exit 0, and
# the PDFs pass tests/pdf/check_pdfs.py (A4, at most three pages per school,
# name, group and a recommendation in the text, metadata) and the annual report's
# PDF passes tests/pdf/check_report_pdf.py (title page, contents whose page
# numbers point at the headings). Needs chromium and poppler-utils (scripts/setup.sh installs both).
set -euo pipefail
monsite=$1
source_dir=$2
for tool in pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "run_pdf_test: $tool is missing: apt-get install poppler-utils" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$monsite" build --data "$source_dir/data" --out "$tmp/site" --pdf -q
python3 "$source_dir/tests/pdf/check_pdfs.py" "$tmp/site"
python3 "$source_dir/tests/pdf/check_report_pdf.py" "$tmp/site"

# A page whose chart cannot be drawn is named, the other PDFs are written, exit 3.
cp -r "$tmp/site" "$tmp/broken"
python3 - "$tmp/broken/schools/gim1/index.html" <<'PY'
import pathlib, re, sys
page = pathlib.Path(sys.argv[1])
text = page.read_text(encoding="utf-8")
broken = re.sub(r'(class="chart-spec" data-target="[^"]*">).*?(</script>)', r'\1{"mark": "no-such-mark"}\2',
                text, count=1, flags=re.S)
assert broken != text, "gim1 has no chart to break"
page.write_text(broken, encoding="utf-8")
PY
status=0
"$monsite" pdf --site "$tmp/broken" --out "$tmp/broken-pdf" -q 2>"$tmp/err" || status=$?
[ "$status" -eq 3 ] || { echo "run_pdf_test: a failing page gave exit $status, expected 3" >&2; exit 1; }
grep -q '«gim1»' "$tmp/err" || { echo "run_pdf_test: the failing page is not named:" >&2; cat "$tmp/err" >&2; exit 1; }
[ -z "$(find "$tmp/broken-pdf/schools" -name 'gim1-*.pdf')" ] || { echo "run_pdf_test: gim1 PDF written for a failed page" >&2; exit 1; }
written=$(find "$tmp/broken-pdf/schools" -name '*.pdf' | wc -l)
# Printed again from a copy of the same site, every other PDF has the same bytes.
for f in "$tmp/broken-pdf/schools/"*.pdf; do
  cmp -s "$f" "$tmp/site/data/schools/$(basename "$f")" || { echo "run_pdf_test: $(basename "$f") differs between two prints of the same page" >&2; exit 1; }
done
expected=$(( $(find "$tmp/site/schools" -mindepth 2 -name index.html | wc -l) - 1 ))
[ "$written" -eq "$expected" ] || { echo "run_pdf_test: $written PDFs kept, expected $expected" >&2; exit 1; }

# No browser: a clear message with the command that installs it, exit 1, nothing written.
status=0
MONSITE_CHROMIUM=/nonexistent/chromium "$monsite" pdf --site "$tmp/site" --out "$tmp/none" 2>"$tmp/err" || status=$?
[ "$status" -eq 1 ] || { echo "run_pdf_test: a missing chromium gave exit $status, expected 1" >&2; exit 1; }
grep -q 'apt-get install chromium' "$tmp/err" || { echo "run_pdf_test: no install hint:" >&2; cat "$tmp/err" >&2; exit 1; }
[ ! -e "$tmp/none" ] || { echo "run_pdf_test: files written without a browser" >&2; exit 1; }
echo "run_pdf_test: ok"
