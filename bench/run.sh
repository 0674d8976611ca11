#!/usr/bin/env bash
# Whole runs of `monsite build` on the scale datasets (see BENCHMARKS.md).
#   bench/run.sh [--monsite BIN] [--gen MAKE_SCALE_DATA] [--runs N] [-j N] [--timeout S] [--preset P]...
# Presets: municipal, regional, national (default: municipal regional). Datasets
# are generated once (seed 15) under $MONSITE_BENCH_DIR (default
# /tmp/monsite-bench)/<preset>/data. For each preset: N cold builds (empty
# --out) and N builds with nothing changed (the same --out again), each under
# /usr/bin/time -v, then N builds after a change of one number in the latest
# year's Развитие.xlsx (in a copy of the data, built once before them), which
# keep the pages of the years that do not depend on it. Printed per run: the time of each stage (from the stage
# start times `monsite build -v` prints), total wall time, pages per second
# (.html files in the output / time of the pages stage), cells per second for
# reading (non-empty cells the generator wrote / time of the reading stage,
# which includes validation), peak resident memory; then the medians. A build
# running longer than --timeout seconds (default 1800) is stopped and reported.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
monsite=$root/build/generator/monsite
gen=$root/build/generator/tools/make_scale_data
runs=3
limit=1800
jobs=()
presets=()
while [ $# -gt 0 ]; do
  case $1 in
    --monsite) monsite=$(realpath "$2"); shift 2 ;;
    --gen) gen=$(realpath "$2"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -j) jobs=(-j "$2"); shift 2 ;;
    --preset) presets+=("$2"); shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--monsite BIN] [--gen MAKE_SCALE_DATA] [--runs N] [-j N] [--preset P]..." >&2; exit 64 ;;
  esac
done
[ ${#presets[@]} -gt 0 ] || presets=(municipal regional)
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is missing (Debian package 'time')" >&2; exit 1; }
[ -x "$monsite" ] || { echo "bench/run.sh: no monsite at $monsite (--monsite BIN)" >&2; exit 1; }
python=/usr/bin/python3
scratch=${MONSITE_BENCH_DIR:-/tmp/monsite-bench}
mkdir -p "$scratch"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "monsite: $monsite ($("$monsite" --version 2>/dev/null | head -1 || true))"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"

for preset in "${presets[@]}"; do
  dir=$scratch/$preset
  if [ ! -f "$dir/cells" ]; then
    [ -x "$gen" ] || { echo "bench/run.sh: no make_scale_data at $gen (--gen BIN)" >&2; exit 1; }
    rm -rf "$dir" && mkdir -p "$dir"
    "$gen" "$preset" "$dir/data" --seed 15 | tee "$dir/gen.log"
    sed -n 's/.* cells \([0-9]*\)$/\1/p' "$dir/gen.log" > "$dir/cells"
  fi
  cells=$(cat "$dir/cells")
  echo
  echo "== $preset: $(du -sh "$dir/data" | cut -f1) of XLSX, $cells non-empty cells"
  rm -rf "$dir/out" "$dir/logs" && mkdir -p "$dir/logs"
  rm -rf "$dir/edit" && cp -r "$dir/data" "$dir/edit"
  "$monsite" build -q --data "$dir/edit" --out "$dir/edit-out" "${jobs[@]}" >/dev/null
  for kind in cold unchanged one-year; do
    for i in $(seq 1 "$runs"); do
      [ "$kind" = cold ] && rm -rf "$dir/out"
      data=data out=out
      if [ "$kind" = one-year ]; then
        data=edit out=edit-out
        "$python" "$root/bench/change_one_number.py" "$dir/edit"
      fi
      log=$dir/logs/$kind-$i
      status=0
      (cd "$dir" && /usr/bin/time -v -o "$log.time" timeout "$limit" "$monsite" build --data "$data" --out "$out" -v "${jobs[@]}" \
        > "$log.out" 2>&1) || status=$?
      if [ "$status" -ne 0 ]; then
        echo "$preset: $kind run $i: monsite build stopped (exit $status$([ "$status" -eq 124 ] && echo ", over $limit s")):" \
          "$(grep -E 'Elapsed|Maximum resident' "$log.time" | sed 's/^\s*//' | tr '\n' ' ')"
        tail -3 "$log.out"
        continue 3
      fi
      find "$dir/$out" -name '*.html' | wc -l > "$log.pages"
    done
  done
  "$python" - "$dir/logs" "$runs" "$cells" <<'EOF'
import re, statistics, sys
logs, runs, cells = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def num(s): return float(s.replace(",", ".").replace("\u00a0", ""))
def parse(base):
    text = open(base + ".out", encoding="utf-8").read()
    starts = [(m.group(1), num(m.group(2))) for m in re.finditer(r"^monsite: (.+?)… \[([\d,]+) с\]", text, re.M)]
    total = num(re.search(r"^monsite: сборка заняла ([\d,]+) с", text, re.M).group(1))
    stages = {"старт": starts[0][1]} if starts else {}
    for k, (name, t) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else total
        stages[name] = end - t
    tm = open(base + ".time").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", tm).group(1)
    secs = 0.0
    for part in wall.split(":"): secs = secs * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tm).group(1)) / 1024
    pages = int(open(base + ".pages").read())
    written = re.search(r"записано файлов: (\d+)", text)
    # A build skipped by the manifest (nothing changed) has no stages and writes nothing.
    skipped = "ничего не изменилось" in text
    kept = re.search(r"взяты из прошлой сборки: (.+)$", text, re.M)
    return dict(stages=stages, total=total, wall=secs, rss=rss, pages=pages, kept=kept.group(1) if kept else "",
                written=int(written.group(1)) if written else 0 if skipped else -1)
def rate(n, t): return n / t if t > 0 else float("inf")
for kind in ("cold", "unchanged", "one-year"):
    rows = [parse(f"{logs}/{kind}-{i}") for i in range(1, runs + 1)]
    names = list(rows[0]["stages"])
    page_stage = next((n for n in names if n.startswith("страниц")), None)
    read_stage = next((n for n in names if n.startswith("чтение")), None)
    def line(label, r):
        st = "  ".join(f"{n} {r['stages'].get(n, 0):.2f}" for n in names) or "skipped: nothing changed"
        pps = rate(r["pages"], r["stages"].get(page_stage, 0)) if page_stage else float("nan")
        cps = rate(cells, r["stages"].get(read_stage, 0)) if read_stage else float("nan")
        print(f"{kind:9} {label:7} {st} | total {r['total']:.2f} s, wall {r['wall']:.2f} s | "
              f"{r['pages']} pages, {pps:.0f} pages/s | {cps / 1e6:.2f} M cells/s | peak {r['rss']:.0f} MiB"
              f" | files written {r['written']}" + (f" | kept years {r['kept']}" if r['kept'] else ""))
    for i, r in enumerate(rows, 1): line(f"run {i}", r)
    med = dict(stages={n: statistics.median(r["stages"].get(n, 0) for r in rows) for n in names},
               total=statistics.median(r["total"] for r in rows), wall=statistics.median(r["wall"] for r in rows),
               rss=statistics.median(r["rss"] for r in rows), pages=rows[0]["pages"], kept=rows[0]["kept"],
               written=int(statistics.median(r["written"] for r in rows)))
    line("median", med)
EOF
done
