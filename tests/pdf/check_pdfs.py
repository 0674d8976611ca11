#!/usr/bin/env python3
"""Checks the PDFs `monsite build --pdf` published beside a built site.

For every school page of the latest year there must be data/schools/<id>-<year>.pdf,
linked from the page: A4, at most three pages, its text (pdftotext) holding the
school's name, its group and the title of one of its recommendations; the
document information gives the page's title, the department as author and the
site's language.

The annual report data/report-<year>.pdf (printed from report/index.html) must
have a title page naming the municipality, the department and the year, and a
contents page whose every entry (one per `.toc-page[data-for]` of the page)
carries a page number on which that heading is printed. Usage: check_pdfs.py SITE
"""
import html
import json
import pathlib
import re
import subprocess
import sys

MAX_PAGES = 3


def words(text):
    return " ".join(text.split())


def strip_tags(fragment):
    return words(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def pdfinfo(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def page_text(pdf, first, last=None):
    return words(subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(first), "-l", str(last or first), str(pdf), "-"],
                                check=True, capture_output=True, text=True).stdout)


def check_report(site, meta):
    problems = []
    page_file = site / "report" / "index.html"
    pdf = site / "data" / f"report-{meta['latest_year']}.pdf"
    if not page_file.is_file():
        return [f"no report page {page_file}"]
    if not pdf.is_file():
        return [f"no report PDF {pdf}"]
    page = page_file.read_text(encoding="utf-8")
    info = {k.strip(): v.strip() for k, v in pdfinfo(pdf).items()}
    pages = int(info.get("Pages", "0"))
    if "(A4)" not in info.get("Page size", ""):
        problems.append(f"report: page size {info.get('Page size')!r}, not A4")
    if info.get("Author") != meta["department"]:
        problems.append(f"report: author {info.get('Author')!r}, expected the department")
    first = page_text(pdf, 1)
    for what, needle in (("municipality", meta["municipality"]), ("department", meta["department"]),
                         ("year", str(meta["latest_year"]))):
        if words(needle) not in first:
            problems.append(f"report: the title page does not name the {what} {needle!r}")
    ids = re.findall(r'<span class="toc-page" data-for="([^"]+)"', page)
    if len(ids) < 8:
        problems.append(f"report: {len(ids)} contents entries, expected a section each (at least 8)")
    titles = []
    for hid in ids:
        m = re.search(r'<h[1-6][^>]*\bid="' + re.escape(hid) + r'"[^>]*>(.*?)</h[1-6]>', page, re.S)
        if not m:
            problems.append(f"report: the contents entry {hid!r} points to no heading")
            continue
        titles.append(strip_tags(m.group(1)))
    # The contents: the page(s) after the title page, up to the first section.
    contents = page_text(pdf, 2, min(3, pages))
    at, previous = 0, 0
    for title in titles:
        m = re.compile(re.escape(title) + r"[\s.·…]*(\d+)").search(contents, at)
        if not m:
            problems.append(f"report: the contents do not give a page for {title!r}")
            continue
        at = m.end()
        number = int(m.group(1))
        if not 2 < number <= pages:
            problems.append(f"report: {title!r} on page {number} of {pages}")
        elif title not in page_text(pdf, number):
            problems.append(f"report: the contents say {title!r} is on page {number}, and it is not there")
        elif number < previous:
            problems.append(f"report: {title!r} on page {number}, before the previous entry's {previous}")
        previous = max(previous, number)
    if "http://127.0.0.1" in page_text(pdf, 1, pages):
        problems.append("report: the PDF shows a browser address")
    return problems


def main():
    site = pathlib.Path(sys.argv[1])
    meta = json.loads((site / "data" / "site.json").read_text(encoding="utf-8"))
    problems = []
    schools = sorted(p.parent for p in (site / "schools").glob("*/index.html"))
    if not schools:
        problems.append("no school pages in " + str(site))
    for folder in schools:
        sid = folder.name
        page = (folder / "index.html").read_text(encoding="utf-8")
        pdf = site / "data" / "schools" / f"{sid}-{meta['latest_year']}.pdf"
        if f'href="{meta["base_url"]}data/schools/{pdf.name}"' not in page:
            problems.append(f"{sid}: the page does not link {pdf.name}")
        if not pdf.is_file():
            problems.append(f"{sid}: no {pdf}")
            continue
        info = {k.strip(): v.strip() for k, v in pdfinfo(pdf).items()}
        if "(A4)" not in info.get("Page size", ""):
            problems.append(f"{sid}: page size {info.get('Page size')!r}, not A4")
        pages = int(info.get("Pages", "0"))
        if not 1 <= pages <= MAX_PAGES:
            problems.append(f"{sid}: {pages} pages, expected 1 to {MAX_PAGES}")
        if info.get("Author") != meta["department"]:
            problems.append(f"{sid}: author {info.get('Author')!r}, expected the department")
        title = strip_tags(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
        if info.get("Title") != title:
            problems.append(f"{sid}: title {info.get('Title')!r}, expected {title!r}")
        text = words(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                                    capture_output=True, text=True).stdout)
        name = strip_tags(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))
        facts = re.search(r'<dl class="facts">(.*?)</dl>', page, re.S).group(1)
        group_dd = next(dd for dd in re.findall(r"<dd>(.*?)</dd>", facts, re.S) if "level-" in dd)
        group = strip_tags(re.sub(r'<span class="level[^"]*"[^>]*>.*?</span>', "", group_dd, flags=re.S))
        recs = [strip_tags(t) for t in re.findall(r'<article class="recommendation[^"]*"[^>]*>\s*<h4>(.*?)</h4>', page, re.S)]
        for what, needle in (("name", name), ("group", group)):
            if not needle or needle not in text:
                problems.append(f"{sid}: its {what} {needle!r} is not in the PDF's text")
        if recs and not any(r in text for r in recs):
            problems.append(f"{sid}: none of its {len(recs)} recommendations is in the PDF's text")
        if f"/Lang ({meta['language']})".encode() not in pdf.read_bytes():
            problems.append(f"{sid}: the PDF does not give the site's language {meta['language']!r}")
        if "http://127.0.0.1" in text or "about:blank" in text:
            problems.append(f"{sid}: the PDF shows a browser address")
    problems += check_report(site, meta)
    for p in problems:
        print("check_pdfs: " + p, file=sys.stderr)
    print(f"check_pdfs: {len(schools)} school PDFs and the report checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
