#!/usr/bin/env bash
# Set-up, step 2 of 2: builds and runs every test (unit, fixture and invalid-data suites).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
