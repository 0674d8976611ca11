#!/usr/bin/env bash
# Set-up, step 1 of 2: installs what is missing (Debian 12 packages), builds the
# generator, and builds the example site into public/. Run as root on a fresh
# Debian 12 machine.
#   bash scripts/setup.sh            everything
#   bash scripts/setup.sh --deps     only install missing packages
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  libzip-dev libexpat1-dev libxlsxwriter-dev libboost-program-options-dev doctest-dev
  libtomlplusplus-dev nlohmann-json3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev
  libcpp-httplib-dev poppler-utils
  # cpack -G DEB (ctest package.deb): dpkg-shlibdeps computes Depends, and CPack needs `file` for it
  dpkg-dev file
  python3 unzip
  # generator/bench/bench_stages (Google Benchmark); bench/run.sh measures peak memory with /usr/bin/time
  libbenchmark-dev time
  clang libclang-rt-14-dev
)

# Browser tests (tests/browser/) drive Debian's Chromium with Node.js 18.19 or
# newer: Debian 12's own nodejs (18.20) does. A Node.js installed from elsewhere
# is used as it is; Debian's npm is added when it has none.
packages+=(chromium)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these Debian packages are missing; run this script as root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The test tools in package-lock.json are pinned to the last versions that run
# on Node.js 18.19 (package.json "engines"): refuse an older node here, with the
# fix, rather than fail later inside the browser tests.
node_version=$(node -p 'process.versions.node' 2>/dev/null || true)
IFS=. read -r node_major node_minor _ <<<"${node_version:-0.0.0}"
if ! [[ "$node_major" =~ ^[0-9]+$ && "$node_minor" =~ ^[0-9]+$ ]] \
  || [ "$node_major" -lt 18 ] || { [ "$node_major" -eq 18 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "setup: found Node.js ${node_version:-(none)} at $(command -v node || echo '(no node on PATH)');" \
    "the browser tests need Node.js 18.19 or newer." >&2
  echo "setup: on Debian 12, 'apt-get install nodejs npm' gives 18.20.x: remove or move the older" \
    "node from PATH (or upgrade it) and run this script again." >&2
  exit 1
fi

# Front-end libraries and browser test tools, exactly as package-lock.json pins
# them (npm registry only; no browser is downloaded: the tests use Debian's chromium).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
[ "${1:-}" = "--deps" ] && exit 0

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"

echo "setup: building the example site into public/"
./build/generator/monsite build --data data --out public
echo "setup: done; the generator is build/generator/monsite, the site is in public/"
