#!/usr/bin/env bash
# A short, bounded fuzzing run (fuzz/, README "Fuzzing and sanitizers"):
# builds the libFuzzer targets with clang into build-fuzz, replays every saved
# regression input (fuzz/regressions/<target>/), then runs each fuzzer for a few
# seconds from its seed corpus (fuzz/corpus/<target>/), two at a time. Any crash,
# leak, sanitizer report, timeout or broken invariant fails the script; the
# input is left in build-fuzz/smoke/<target>/.
# Fails where clang's libFuzzer is missing: scripts/setup.sh installs it.
#   bash tests/run_fuzz_smoke.sh [SECONDS_PER_FUZZER]     (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
build=build-fuzz
targets=(fuzz_xlsx fuzz_ods fuzz_csv fuzz_values fuzz_cellref fuzz_headers fuzz_formula fuzz_front_matter)

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
if ! command -v clang++ >/dev/null 2>&1 ||
  ! printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' |
  clang++ -x c++ -fsanitize=fuzzer,address,undefined - -o "$probe/probe" >/dev/null 2>&1; then
  echo "fuzz smoke: FAILED: it needs clang with libFuzzer (Debian: clang libclang-rt-14-dev; bash scripts/setup.sh --deps installs them)" >&2
  exit 1
fi

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMONSITE_FUZZ=ON -DMONSITE_BUILD_TESTS=OFF -DMONSITE_BUILD_TOOLS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzzers

export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Per-target options: the dictionary and the largest input.
options_of() {
  case $1 in
    fuzz_xlsx | fuzz_ods) echo "-dict=fuzz/xml.dict -max_len=131072" ;;
    fuzz_csv | fuzz_values) echo "-dict=fuzz/text.dict -max_len=8192" ;;
    fuzz_cellref) echo "-dict=fuzz/cellref.dict -max_len=64" ;;
    fuzz_headers) echo "-dict=fuzz/text.dict -max_len=2048" ;;
    fuzz_formula) echo "-dict=fuzz/formula.dict -max_len=1024" ;;
    fuzz_front_matter) echo "-dict=fuzz/toml.dict -max_len=8192" ;;
  esac
}

# run_one TARGET: replays the regressions, then fuzzes; the log is smoke/TARGET/log.
run_one() {
  local t=$1 exe="$build/fuzz/$1" dir="$build/smoke/$1"
  rm -rf "$dir"
  mkdir -p "$dir/corpus"
  local common=(-rss_limit_mb=2048 -timeout=25 -artifact_prefix="$dir/")
  {
    shopt -s nullglob
    local saved=(fuzz/regressions/"$t"/*)
    if [ ${#saved[@]} -gt 0 ]; then
      "$exe" "${common[@]}" "${saved[@]}" || return 1
    fi
    local seeds=(fuzz/corpus/"$t")
    [ -d "fuzz/regressions/$t" ] && seeds+=("fuzz/regressions/$t")
    "$exe" "${common[@]}" $(options_of "$t") -max_total_time="$seconds" -print_final_stats=1 \
      "$dir/corpus" "${seeds[@]}" || return 1
  } >"$dir/log" 2>&1
}

start=$SECONDS
failed=()
for t in "${targets[@]}"; do
  # Two at a time (one a core): wait for a free slot.
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do sleep 1; done
  (
    status=0
    run_one "$t" || status=$?
    echo "$status" >"$build/smoke/$t/status"
  ) &
done
wait
for t in "${targets[@]}"; do
  dir="$build/smoke/$t"
  if [ "$(cat "$dir/status" 2>/dev/null)" = 0 ]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    echo "fuzz smoke: $t ok, ${runs:-?} inputs in ${seconds} s"
  else
    failed+=("$t")
    echo "fuzz smoke: $t FAILED; the log follows, the input is in $dir/"
    tail -n 60 "$dir/log"
  fi
done
echo "fuzz smoke: ${#targets[@]} fuzzers in $((SECONDS - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz smoke: FAILED: ${failed[*]}"
  exit 1
fi
