#!/usr/bin/env bash
# Builds the site for publishing and checks it in the browser, as the Pages
# workflows do (.github/workflows/pages.yml, docs/gitlab-ci.yml; docs/publishing.md):
#   1. monsite build --strict [--pdf] into OUT, under the address being published
#      (--site-url / --base-url; site.toml is not edited). Any error or warning:
#      nothing is written, OUT stays as it was, exit 2;
#   2. the browser checks of tests/browser/ on that very OUT, served under its
#      base path: every page there, no console error, charts drawn, axe-core,
#      html-validate, no broken link, the values as in the open data, the
#      language. Left out: harness (tests the test helpers), screenshots (for
#      people) and search (its cases name the example's schools).
# Publish OUT only when this script succeeds.
#
#   bash scripts/publish.sh [--monsite BIN] [--data DIR] [--out DIR]
#                           [--site-url URL] [--base-url PATH] [--github-pages]
#                           [--no-pdf] [--no-checks] [--check-only]
#
#   --monsite BIN     the generator (default: build/generator/monsite, else monsite on PATH)
#   --data DIR        the data folder (default: data); content/, themes/, i18n/ beside it
#   --out DIR         where the site goes (default: public)
#   --site-url URL    the full address the site is published at (base_url is its path)
#   --base-url PATH   the path on the server, when there is no full address
#   --github-pages    the address of this repository's GitHub Pages site: $MONSITE_SITE_URL
#                     when set (a custom domain), else https://<owner>.github.io/<repo>/
#                     from $GITHUB_REPOSITORY (a <owner>.github.io repository: /)
#   --print-site-url  print the address --github-pages gives, and stop
#   --no-pdf          no PDFs (the default prints them as build --pdf: needs chromium)
#   --no-checks       build only
#   --check-only      no build: only the browser checks on an existing OUT
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

monsite="" data=data out=public site_url="" base_url="" github=0 print=0 pdf=1 build=1 checks=1
while (($#)); do
  case $1 in
    --monsite) monsite=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --site-url) site_url=$2; shift 2 ;;
    --base-url) base_url=$2; shift 2 ;;
    --github-pages) github=1; shift ;;
    --print-site-url) github=1; print=1; shift ;;
    --no-pdf) pdf=0; shift ;;
    --no-checks) checks=0; shift ;;
    --check-only) build=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "publish: unknown argument «$1»; see bash scripts/publish.sh --help" >&2; exit 1 ;;
  esac
done

if ((github)); then
  if [ -n "${MONSITE_SITE_URL:-}" ]; then
    site_url=$MONSITE_SITE_URL
  else
    if [ -z "${GITHUB_REPOSITORY:-}" ]; then
      echo "publish: --github-pages needs GITHUB_REPOSITORY (owner/repo) or MONSITE_SITE_URL" >&2
      exit 1
    fi
    owner=${GITHUB_REPOSITORY%%/*}
    name=${GITHUB_REPOSITORY#*/}
    owner=${owner,,}  # host names are lower case; the path keeps the repository's spelling
    if [ "${name,,}" = "$owner.github.io" ]; then
      site_url="https://$owner.github.io/"
    else
      site_url="https://$owner.github.io/$name/"
    fi
  fi
  if ((print)); then
    echo "$site_url"
    exit 0
  fi
fi

if [ -z "$monsite" ]; then
  if [ -x "$repo/build/generator/monsite" ]; then
    monsite=$repo/build/generator/monsite
  elif command -v monsite >/dev/null 2>&1; then
    monsite=$(command -v monsite)
  else
    echo "publish: no monsite: build it (bash scripts/setup.sh) or pass --monsite BIN" >&2
    exit 1
  fi
fi

if ((build)); then
  args=(build --strict --data "$data" --out "$out")
  ((pdf)) && args+=(--pdf)
  [ -n "$site_url" ] && args+=(--site-url "$site_url")
  [ -n "$base_url" ] && args+=(--base-url "$base_url")
  echo "publish: $monsite ${args[*]}"
  "$monsite" "${args[@]}"
fi

((checks)) || exit 0
if [ ! -f "$out/data/site.json" ]; then
  echo "publish: «$out» holds no built site (no data/site.json)" >&2
  exit 1
fi
# The site's source: the folder holding data/ (and content/, themes/, i18n/).
source_dir=$(cd "$(dirname "$data")" && pwd)
public=$(cd "$out" && pwd)
tests=()
for t in "$repo"/tests/browser/*.test.mjs; do
  case $(basename "$t") in
    harness.test.mjs|screenshots.test.mjs|search.test.mjs) ;;
    *) tests+=("$t") ;;
  esac
done
shots=$(mktemp -d "${TMPDIR:-/tmp}/monsite-publish.XXXXXX")
trap 'rm -rf "$shots"' EXIT
echo "publish: browser checks on $public (base path from its data/site.json)"
if ! (cd "$repo" && MONSITE_PUBLIC="$public" MONSITE_SOURCE="$source_dir" MONSITE_SCREENSHOTS="$shots" \
    node --test --test-reporter=spec "${tests[@]}"); then
  echo "publish: the browser checks failed: do not publish «$out»" >&2
  exit 1
fi
echo "publish: «$out» is built and checked: ready to publish"
