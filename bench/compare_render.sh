#!/usr/bin/env bash
# Rendering speed: monsite against Hugo (Debian's hugo, 0.111) on the same
# per-school pages. Medians of N runs (default 3), cold (empty output folder).
#   bench/compare_render.sh [--monsite BIN] [--gen MAKE_SCALE_DATA] [--preset P] [--runs N] [--reuse]
# --reuse: take monsite's output and page-stage times from the previous run (Hugo only).
# What is compared:
#  - monsite: `monsite build -v` of the preset's dataset (default regional);
#    pages/s = every .html page it writes / the time of its pages stage
#    («страницы сайта», from -v): school, indicator, direction, list pages...;
#  - Hugo: bench/hugo (a page template of the same parts as monsite's school
#    page: facts, strengths and weaknesses, the indicator table with cluster,
#    municipality and change, the history table, the chart's data as JSON)
#    building one page per school and year -- exactly the school pages
#    monsite makes (the latest year's at /schools/ID/) -- from the same values
#    (monsite's open data, as JSON front matter: bench/hugo_content.py);
#    pages/s = those pages / Hugo's wall time (`hugo --quiet`, start included).
# The average size of a school page of each is printed too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
monsite=$root/build/generator/monsite
gen=$root/build/generator/tools/make_scale_data
preset=regional
runs=3
reuse=0
while [ $# -gt 0 ]; do
  case $1 in
    --monsite) monsite=$(realpath "$2"); shift 2 ;;
    --gen) gen=$(realpath "$2"); shift 2 ;;
    --preset) preset=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    *) echo "usage: bench/compare_render.sh [--monsite BIN] [--gen MAKE_SCALE_DATA] [--preset P] [--runs N] [--reuse]" >&2; exit 64 ;;
  esac
done
if ! command -v hugo >/dev/null; then
  echo "compare_render: installing hugo"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
fi
scratch=${MONSITE_BENCH_DIR:-/tmp/monsite-bench}
dir=$scratch/$preset
if [ ! -f "$dir/cells" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  "$gen" "$preset" "$dir/data" --seed 15 | tee "$dir/gen.log"
  sed -n 's/.* cells \([0-9]*\)$/\1/p' "$dir/gen.log" > "$dir/cells"
fi
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
num() { tr ',' '.'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(hugo version | cut -d' ' -f1-2); monsite: $monsite; dataset: $preset"

out=$scratch/render-$preset
page_times=()
if [ "$reuse" = 1 ] && [ -f "$out.times" ]; then
  read -r -a page_times < "$out.times"
else
for i in $(seq 1 "$runs"); do
  rm -rf "$out"
  (cd "$dir" && "$monsite" build --data data --out "$out" -v > "$scratch/render.log" 2>&1)
  start=$(sed -n 's/^monsite: страницы сайта… \[\([0-9,]*\) с\]$/\1/p' "$scratch/render.log" | num)
  end=$(sed -n 's/^monsite: публикация… \[\([0-9,]*\) с\]$/\1/p' "$scratch/render.log" | num)
  [ -n "$end" ] || end=$(sed -n 's/^monsite: сборка заняла \([0-9,]*\) с$/\1/p' "$scratch/render.log" | num)
  page_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b-a}')")
done
echo "${page_times[*]}" > "$out.times"
fi
all_pages=$(find "$out" -name '*.html' | wc -l)
school_pages=$(find "$out" -path '*/schools/*/index.html' | wc -l)
ms_bytes=$(find "$out" -path '*/schools/*/index.html' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
ms=$(printf '%s\n' "${page_times[@]}" | median)

site=$scratch/hugo-$preset
rm -rf "$site" && cp -r "$root/bench/hugo" "$site"
pages=$(/usr/bin/python3 "$root/bench/hugo_content.py" "$out" "$site")
hugo_times=()
for i in $(seq 1 "$runs"); do
  rm -rf "$site/public" "$site/resources"
  /usr/bin/time -f "%e" -o "$scratch/hugo.time" hugo --quiet -s "$site" -d "$site/public" > /dev/null
  hugo_times+=("$(cat "$scratch/hugo.time")")
done
hugo_pages=$(find "$site/public" -path '*/schools/*/index.html' | wc -l)
[ "$hugo_pages" -eq "$school_pages" ] || echo "warning: Hugo wrote $hugo_pages school pages, monsite $school_pages"
h_bytes=$(find "$site/public" -path '*/schools/*/index.html' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
h=$(printf '%s\n' "${hugo_times[@]}" | median)

echo
echo "monsite: $all_pages pages ($school_pages school pages, $((ms_bytes / school_pages)) bytes each on average) in ${ms} s of its pages stage: $(awk -v n="$all_pages" -v t="$ms" 'BEGIN{printf "%.0f", n/t}') pages/s   runs: ${page_times[*]}"
echo "Hugo:    $hugo_pages school pages ($((h_bytes / hugo_pages)) bytes each on average) in ${h} s wall: $(awk -v n="$hugo_pages" -v t="$h" 'BEGIN{printf "%.0f", n/t}') pages/s   runs: ${hugo_times[*]}"
echo "monsite / Hugo (pages/s): $(awk -v a="$all_pages" -v b="$ms" -v c="$hugo_pages" -v d="$h" 'BEGIN{printf "%.2f", (a/b)/(c/d)}')x"
