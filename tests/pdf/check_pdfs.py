#!/usr/bin/env python3
"""Checks the PDFs `monsite build --pdf` published beside a built site.

For every school page of the latest year there must be data/schools/<id>-<year>.pdf,
linked from the page: A4, at most three pages, its text (pdftotext) holding the
school's name, its group and the title of one of its recommendations; the
document information gives the page's title, the department as author and the
site's language.
The annual report is checked by check_report_pdf.py. Usage: check_pdfs.py SITE
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
        if b"127.0.0.1" in pdf.read_bytes():
            problems.append(f"{sid}: a link in the PDF leads to the loopback server it was printed from")
    for p in problems:
        print("check_pdfs: " + p, file=sys.stderr)
    print(f"check_pdfs: {len(schools)} school PDFs checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
