#!/usr/bin/env bash
# Set-up, step 2 of 2: builds and runs every test (unit, fixture and invalid-data suites).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
# The whole suite again under AddressSanitizer (leaks too) and UBSan; the browser
# test exercises Chromium rather than our code. README: "Fuzzing and sanitizers".
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMONSITE_SANITIZE=ON -DMONSITE_BUILD_TOOLS=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E '^browser$'
# A bounded libFuzzer run of every fuzz/ target (where clang is installed).
bash tests/run_fuzz_smoke.sh
# Last, so that its summary ends the output.
ctest --test-dir build --output-on-failure -j"$(nproc)"
