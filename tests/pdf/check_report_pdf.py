#!/usr/bin/env python3
"""Checks the annual report's PDF that `monsite build --pdf` published beside a built site.

data/report-<year>.pdf (the year of report/index.html) must be A4 with the
page's title and the department as author; page 1 the title page (the title,
municipality, department and year, nothing else), page 2 the contents; every
contents entry of report/index.html (nav.report-contents) must be in page 2's
text with a page number, the numbers must not go down, and the page numbered
must hold the heading; each h2 section starts its page (its heading is the
page's first line). No page is empty. Usage: check_report_pdf.py SITE
"""
import html
import json
import pathlib
import re
import subprocess
import sys

from check_pdfs import pdfinfo, strip_tags, words


def page_text(pdf, number):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def main():
    site = pathlib.Path(sys.argv[1])
    problems = []
    page = (site / "report" / "index.html").read_text(encoding="utf-8")
    year = strip_tags(re.search(r'<p class="report-year">(.*?)</p>', page, re.S).group(1))
    pdf = site / "data" / f"report-{year}.pdf"
    if not pdf.is_file():
        print(f"check_report_pdf: no {pdf}", file=sys.stderr)
        return 1
    home = (site / "index.html").read_text(encoding="utf-8")
    if f'href="{json.loads((site / "data" / "site.json").read_text(encoding="utf-8"))["base_url"]}data/{pdf.name}"' not in home:
        problems.append(f"the home page does not link {pdf.name}")
    info = {k.strip(): v.strip() for k, v in pdfinfo(pdf).items()}
    pages = int(info.get("Pages", "0"))
    if "(A4)" not in info.get("Page size", ""):
        problems.append(f"page size {info.get('Page size')!r}, not A4")
    title = strip_tags(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
    if info.get("Title") != title:
        problems.append(f"title {info.get('Title')!r}, expected {title!r}")
    department = json.loads((site / "data" / "site.json").read_text(encoding="utf-8"))["department"]
    if info.get("Author") != department:
        problems.append(f"author {info.get('Author')!r}, expected the department {department!r}")
    if b"127.0.0.1" in pdf.read_bytes():
        problems.append("a link in the PDF leads to the loopback server it was printed from")
    texts = [page_text(pdf, n) for n in range(1, pages + 1)]
    for n, text in enumerate(texts, 1):
        if not words(text):
            problems.append(f"page {n} is empty")
    if pages < 3:
        problems.append(f"{pages} pages: no room for the title page, the contents and the sections")
        texts += [""] * (3 - pages)

    # The title page: the title page's own lines and the page footer (the title and "1 / N").
    title_page = re.search(r'<header class="report-title-page">(.*?)</header>', page, re.S).group(1)
    expected = words(" ".join(strip_tags(p) for p in re.findall(r">([^<>]+)<", title_page)))
    first = words(texts[0])
    for line in re.findall(r">([^<>]+)<", title_page):
        if words(html.unescape(line)) and words(html.unescape(line)) not in first:
            problems.append(f"page 1 lacks {words(html.unescape(line))!r}")
    rest = first
    for piece in (expected, title, f"1 / {pages}"):
        for w in piece.split():
            rest = rest.replace(w, "", 1)
    if words(rest):
        problems.append(f"page 1 holds more than the title page: {words(rest)[:80]!r}")

    # The contents: every entry with its number, the heading on that page.
    nav = re.search(r'<nav class="report-contents".*?</nav>', page, re.S).group(0)
    entries = re.findall(r'<li><a href="#([^"]+)">(.*?)</a><span class="toc-page" data-for="\1"></span>', nav, re.S)
    if not entries:
        problems.append("report/index.html has no contents entries")
    contents = words(texts[1])
    last = 3
    for anchor, label in entries:
        label = strip_tags(label)
        m = re.search(re.escape(label) + r"\s+(\d+)", contents)
        if not m:
            problems.append(f"contents: {label!r} ({anchor}) has no page number on page 2")
            continue
        number = int(m.group(1))
        if not last <= number <= pages:
            problems.append(f"contents: {label!r} on page {number}, after page {last} and within {pages}")
            continue
        last = number
        if label not in words(texts[number - 1]):
            problems.append(f"contents: {label!r} says page {number}, whose text does not hold it")
        h2 = re.search(r'<h2 id="' + re.escape(anchor) + r'">(.*?)</h2>', page, re.S)
        if h2:
            lines = [words(line) for line in texts[number - 1].splitlines() if words(line)]
            if not lines or lines[0] != label:
                problems.append(f"section {label!r} does not start page {number} (first line {lines[:1]!r})")
    print("".join(f"check_report_pdf: {p}\n" for p in problems), end="", file=sys.stderr)
    print(f"check_report_pdf: {pdf.name}, {pages} pages, {len(entries)} contents entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
