#!/usr/bin/env bash
# `monsite build --pdf` on the example data into a temporary folder: exit 0, and
# the PDFs pass tests/pdf/check_pdfs.py (A4, at most three pages per school,
# name, group and a recommendation in the text, metadata). Needs chromium and
# poppler-utils (scripts/setup.sh installs both).
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
