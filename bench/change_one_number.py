#!/usr/bin/env python3
"""Changes one number in the latest year's Развитие.xlsx of a data folder: the
last cell of the last row (a count without upper bound in the contract), 2 <-> 3
or n -> n + 1, so that a rebuild sees one changed year. Used by bench/run.sh."""
import pathlib
import re
import sys
import zipfile

data = pathlib.Path(sys.argv[1])
latest = max(p for p in data.iterdir() if p.is_dir() and p.name.isdigit())
book = latest / "Развитие.xlsx"
with zipfile.ZipFile(book) as z:
    entries = [(info, z.read(info)) for info in z.infolist()]
changed = False
out = []
for info, raw in entries:
    if info.filename == "xl/worksheets/sheet1.xml":
        xml = raw.decode("utf-8")
        cells = list(re.finditer(r'(<c r="[A-Z]+\d+"(?: s="\d+")?><v>)(\d+)(</v></c>)', xml))
        last = cells[-1]
        value = int(last.group(2))
        new = {2: 3, 3: 2}.get(value, value + 1)
        xml = xml[: last.start(2)] + str(new) + xml[last.end(2):]
        raw = xml.encode("utf-8")
        changed = True
    out.append((info, raw))
if not changed:
    sys.exit(f"{book}: no sheet1.xml")
tmp = book.with_suffix(".tmp")
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
    for info, raw in out:
        z.writestr(info, raw)
tmp.replace(book)
