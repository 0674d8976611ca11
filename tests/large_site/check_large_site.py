#!/usr/bin/env python3
"""Checks a built large site (more schools than [pages] full_lists_up_to):

  - no HTML page is over --max-page bytes, no chart's embedded data (a
    <script class="chart-spec">) over --max-chart bytes;
  - data/site.json is under --max-json bytes and names the per-year files
    (year_files), each of which exists and parses;
  - every school of every year (from the year files) is reachable from the
    year's schools list by its pages (schools/, schools/page/2/, ...), and the
    year's search index (data/schools-index-<year>.json) lists every school;
  - every internal link (href/src under the base URL) of every page leads to a
    file or a folder with index.html.

    check_large_site.py PUBLIC_DIR [--max-page N] [--max-chart N] [--max-json N]

Prints the figures it measured; exit status 1 with one line per problem.
"""
import argparse
import html
import json
import pathlib
import re
import sys

HREF = re.compile(r'(?:href|src)="([^"]*)"')
SPEC = re.compile(r'<script type="application/json" class="chart-spec"[^>]*>(.*?)</script>', re.DOTALL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("public")
    ap.add_argument("--max-page", type=int, default=300_000)
    ap.add_argument("--max-chart", type=int, default=100_000)
    ap.add_argument("--max-json", type=int, default=100_000)
    a = ap.parse_args()
    root = pathlib.Path(a.public)
    problems = []

    site_path = root / "data" / "site.json"
    site = json.loads(site_path.read_text(encoding="utf-8"))
    base = site.get("base_url", "/")
    json_size = site_path.stat().st_size
    if json_size > a.max_json:
        problems.append(f"data/site.json is {json_size} bytes, over {a.max_json}")
    if "by_year" in site or not site.get("year_files"):
        problems.append("data/site.json is not split: by_year present or year_files missing")
    years = {}
    for entry in site.get("year_files", []):
        f = root / "data" / entry["file"]
        if not f.is_file():
            problems.append(f"year file {entry['file']} is missing")
            continue
        years[entry["year"]] = json.loads(f.read_text(encoding="utf-8"))
        for school in years[entry["year"]]["schools"]:
            if not (root / "data" / school["file"]).is_file():
                problems.append(f"school file {school['file']} is missing")
    if not years:
        problems.append("no year file")

    pages = sorted(root.rglob("*.html"))
    largest = (0, "")
    largest_chart = (0, "")
    links = 0
    for page in pages:
        rel = page.relative_to(root).as_posix()
        text = page.read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        largest = max(largest, (size, rel))
        if size > a.max_page:
            problems.append(f"{rel} is {size} bytes, over {a.max_page}")
        for spec in SPEC.findall(text):
            n = len(spec.encode("utf-8"))
            largest_chart = max(largest_chart, (n, rel))
            if n > a.max_chart:
                problems.append(f"{rel}: a chart's data is {n} bytes, over {a.max_chart}")
        for href in set(HREF.findall(text)):
            href = html.unescape(href).split("#")[0].split("?")[0]
            if not href.startswith(base) or href.startswith("//"):
                continue
            links += 1
            target = root / href[len(base):]
            if not (target.is_file() or (target / "index.html").is_file()):
                problems.append(f"{rel} links {href}, which does not exist")

    latest = max(years) if years else None
    for year, data in years.items():
        prefix = "" if year == latest else f"{year}/"
        reached = set()
        seen, todo = set(), [f"{prefix}schools/"]
        while todo:
            rel = todo.pop()
            if rel in seen:
                continue
            seen.add(rel)
            f = root / rel / "index.html"
            if not f.is_file():
                problems.append(f"{year}: schools list page {rel} is missing")
                continue
            for href in HREF.findall(f.read_text(encoding="utf-8")):
                rel_href = href[len(base):] if href.startswith(base) else None
                if rel_href is None:
                    continue
                if re.fullmatch(re.escape(prefix) + r"schools/page/\d+/", rel_href):
                    todo.append(rel_href)
                m = re.fullmatch(re.escape(prefix) + r"schools/([^/]+)/", rel_href)
                if m and m.group(1) != "page":
                    reached.add(m.group(1))
        ids = {s["id"] for s in data["schools"]}
        # A school's page is under its slug; compare counts and every slug's page.
        if len(reached) != len(ids):
            problems.append(f"{year}: {len(reached)} school pages reachable from the list pages, {len(ids)} schools")
        for slug in reached:
            if not (root / prefix / "schools" / slug / "index.html").is_file():
                problems.append(f"{year}: the list links schools/{slug}/, which has no page")
        index = root / "data" / f"schools-index-{year}.json"
        if not index.is_file():
            problems.append(f"{year}: no search index data/schools-index-{year}.json")
        else:
            rows = json.loads(index.read_text(encoding="utf-8"))["rows"]
            if {r[0] for r in rows} != ids:
                problems.append(f"{year}: the search index does not list every school")
        print(f"{year}: {len(ids)} schools, {len(reached)} reached from {len(seen)} list pages")

    print(f"pages: {len(pages)}, internal links checked: {links}")
    print(f"largest page: {largest[0]} bytes ({largest[1]}); largest chart data: {largest_chart[0]} bytes ({largest_chart[1]})")
    print(f"data/site.json: {json_size} bytes")
    if links == 0:
        problems.append("no internal link checked")
    for p in problems[:50]:
        print("FAIL:", p)
    if len(problems) > 50:
        print(f"FAIL: ... and {len(problems) - 50} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
