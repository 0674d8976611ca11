#!/usr/bin/env bash
# Reading speed: monsite against Python's openpyxl (read-only mode, Debian's
# python3-openpyxl under /usr/bin/python3), on the same workbooks, every cell.
#   bench/compare_read.sh [--monsite BIN] [--bench BENCH_STAGES] [--gen MAKE_SCALE_DATA] [--runs N]
# Two comparisons, medians of N runs (default 3):
#  1. whole program: `monsite check` (process start, reading, validation, the
#     summary; wall time) of one year of the regional dataset (5 workbooks:
#     ОО, Кадры, Развитие, Педагоги, Меры) against openpyxl iterating every
#     cell of the same 5 workbooks (from opening the first to the last cell);
#  2. reader only: bench_stages BM_ReadTeachers/1000 (monsite's XLSX reader in
#     process, the Педагоги workbook of 1,000 schools) against openpyxl on that file.
# Cells: the non-empty cells openpyxl counts (the same number for both).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
monsite=$root/build/generator/monsite
bench=$root/build/generator/bench/bench_stages
gen=$root/build/generator/tools/make_scale_data
runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --monsite) monsite=$(realpath "$2"); shift 2 ;;
    --bench) bench=$(realpath "$2"); shift 2 ;;
    --gen) gen=$(realpath "$2"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/compare_read.sh [--monsite BIN] [--bench BENCH_STAGES] [--gen MAKE_SCALE_DATA] [--runs N]" >&2; exit 64 ;;
  esac
done
python=/usr/bin/python3
if ! "$python" -c "import openpyxl" 2>/dev/null; then
  echo "compare_read: installing python3-openpyxl"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-openpyxl >/dev/null
fi
scratch=${MONSITE_BENCH_DIR:-/tmp/monsite-bench}
export MONSITE_BENCH_DIR=$scratch
dir=$scratch/regional
if [ ! -f "$dir/cells" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  "$gen" regional "$dir/data" --seed 15 | tee "$dir/gen.log"
  sed -n 's/.* cells \([0-9]*\)$/\1/p' "$dir/gen.log" > "$dir/cells"
fi
year=$(ls "$dir/data" | tail -1)
one=$scratch/read-one-year
rm -rf "$one" && mkdir -p "$one/data" && cp -r "$dir/data/$year" "$one/data/"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "openpyxl $("$python" -c 'import openpyxl; print(openpyxl.__version__)'), $("$python" --version); monsite: $monsite"

# 1. whole program
files=("$one/data/$year"/*.xlsx)
py_times=() ; cells=0
for i in $(seq 1 "$runs"); do
  read -r _ cells _ secs < <("$python" "$root/bench/openpyxl_read.py" "${files[@]}")
  py_times+=("$secs")
done
ms_times=()
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e" -o "$scratch/check.time" "$monsite" check --data "$one/data" -q > /dev/null
  ms_times+=("$(cat "$scratch/check.time")")
done
py=$(printf '%s\n' "${py_times[@]}" | median); ms=$(printf '%s\n' "${ms_times[@]}" | median)
echo
echo "1. one year of the regional dataset ($year: ${#files[@]} workbooks, $cells non-empty cells)"
echo "   openpyxl read-only, every cell:  ${py} s  ($(awk -v c="$cells" -v t="$py" 'BEGIN{printf "%.2f", c/t/1e6}') M cells/s)   runs: ${py_times[*]}"
echo "   monsite check (wall):            ${ms} s  ($(awk -v c="$cells" -v t="$ms" 'BEGIN{printf "%.2f", c/t/1e6}') M cells/s)   runs: ${ms_times[*]}"
echo "   monsite / openpyxl:              $(awk -v a="$py" -v b="$ms" 'BEGIN{printf "%.1f", a/b}')x"

# 2. reader only
if [ -x "$bench" ]; then
  "$bench" --benchmark_filter='BM_ReadTeachers/1000$' --benchmark_repetitions="$runs" \
    --benchmark_report_aggregates_only=true --benchmark_format=csv > "$scratch/read-bench.csv" 2>/dev/null
  file=$scratch/stages/1000/data/2025/Педагоги.xlsx
  py_times=()
  for i in $(seq 1 "$runs"); do
    read -r _ cells _ secs < <("$python" "$root/bench/openpyxl_read.py" "$file")
    py_times+=("$secs")
  done
  py=$(printf '%s\n' "${py_times[@]}" | median)
  # csv: name,iterations,real_time,cpu_time,time_unit,... ; the median row, real time in ms
  ms=$(awk -F, '/_median"/ {print $3/1000}' "$scratch/read-bench.csv")
  echo
  echo "2. the Педагоги workbook of 1,000 schools ($cells non-empty cells), reader only"
  echo "   openpyxl read-only, every cell:  ${py} s  ($(awk -v c="$cells" -v t="$py" 'BEGIN{printf "%.2f", c/t/1e6}') M cells/s)   runs: ${py_times[*]}"
  echo "   monsite read_workbook:           ${ms} s  ($(awk -v c="$cells" -v t="$ms" 'BEGIN{printf "%.2f", c/t/1e6}') M cells/s)   (bench_stages, median of $runs)"
  echo "   monsite / openpyxl:              $(awk -v a="$py" -v b="$ms" 'BEGIN{printf "%.1f", a/b}')x"
fi
