#!/usr/bin/env python3
"""Fills a data-collection workbook written by `monsite template` from one year
folder of example data, the way a school would: every value typed into the
template's own sheets under its own headers, nothing else changed (validation,
protection, frozen panes stay). Standard library only; the example's files are
read with the oracle's readers (tests/oracle/open_data.py).

  fill_template.py TEMPLATE.xlsx DATA_YEAR_DIR OUT.xlsx

Fails (exit 1) when a header of the example has no column in the template, when
the template lacks a contract sheet, or when its prefilled school rows differ
from the example's register: the round trip can only pass with a faithful template.
"""

import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal
from fractions import Fraction
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import open_data as oracle  # noqa: E402

NS = oracle.NS_MAIN
SHEETS = ["ОО", "Кадры", "Развитие", "Педагоги", "Меры"]
PER_SCHOOL = {"ОО", "Кадры", "Развитие"}


def fail(message):
    print("fill_template: " + message, file=sys.stderr)
    sys.exit(1)


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def empty(cell):
    return oracle.cell_is_empty(cell)


def source_tables(year_dir):
    """{sheet: (headers, rows)} of the example's year, rows as lists of oracle cells."""
    out = {}
    for fn in sorted(os.listdir(year_dir)):
        path = os.path.join(year_dir, fn)
        low = fn.lower()
        if low.endswith(".xlsx"):
            sheets = oracle.read_xlsx(path)
        elif low.endswith(".ods"):
            sheets = oracle.read_ods(path)
        elif low.endswith(".csv"):
            sheets = oracle.read_csv(path, oracle.table_of(fn[:-4]) or fn[:-4])
        else:
            continue
        for name, rows in sheets:
            table = oracle.table_of(name)
            if table not in SHEETS:
                continue
            rows = [r for r in rows if any(not empty(c) for c in r)]
            if not rows:
                continue
            header = [("" if empty(c) else (c[1] if c[0] == "str" else str(c[1]))) for c in rows[0]]
            headers, body = out.setdefault(table, ([], []))
            for r in rows[1:]:
                body.append({oracle.norm_header(h): (r[i] if i < len(r) else None)
                             for i, h in enumerate(header) if h})
            for h in header:
                if h and oracle.norm_header(h) not in headers:
                    headers.append(oracle.norm_header(h))
    return out


def template_sheets(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): oracle._resolve("xl", r.get("Target"))
            for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    shared = [oracle._si_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(NS + "si")]
    out = {}
    for s in wb.find(NS + "sheets"):
        rid = s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        out[s.get("name")] = rels[rid]
    return out, shared


def cell_text(c, shared):
    v = c.find(NS + "v")
    if c.get("t") == "s":
        return shared[int(v.text)]
    if c.get("t") == "inlineStr":
        return oracle._si_text(c.find(NS + "is"))
    return v.text if v is not None else ""


def number_text(x):
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return str(x.numerator)
        return format(Decimal(x.numerator) / Decimal(x.denominator), "f")
    return repr(x)


def cell_xml(ref, cell):
    kind, v = cell
    if kind == "str":
        return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(v))
    if kind == "bool":
        return '<c r="%s" t="b"><v>%d</v></c>' % (ref, 1 if v else 0)
    return '<c r="%s"><v>%s</v></c>' % (ref, number_text(v))


def main(argv):
    if len(argv) != 4:
        fail("usage: fill_template.py TEMPLATE.xlsx DATA_YEAR_DIR OUT.xlsx")
    template, year_dir, out_path = argv[1:]
    source = source_tables(year_dir)
    zin = zipfile.ZipFile(template)
    sheets, shared = template_sheets(zin)
    for name in SHEETS:
        if name not in sheets:
            fail("the template has no sheet %s" % name)
    replaced = {}
    for name in SHEETS:
        part = sheets[name]
        xml = zin.read(part).decode("utf-8")
        root = ET.fromstring(xml)
        data = root.find(NS + "sheetData")
        rows = list(data)
        header_cells = list(rows[0]) if rows else []
        columns = {}
        for c in header_cells:
            col, _ = oracle._col_index(c.get("r"))
            columns[oracle.norm_header(cell_text(c, shared))] = col
        code_col = columns.get(oracle.norm_header("Код ОО"))
        prefilled = []
        for r in rows[1:]:
            for c in r:
                col, _ = oracle._col_index(c.get("r"))
                if col == code_col:
                    prefilled.append(cell_text(c, shared))
        headers, body = source.get(name, ([], []))
        for h in headers:
            if h not in columns:
                fail("sheet %s: the example's column «%s» has no column in the template" % (name, h))
        if name in PER_SCHOOL:
            code_key = oracle.norm_header("Код ОО")
            by_code = {}
            for rec in body:
                code = rec.get(code_key)
                by_code[oracle.convert(code, oracle.TEXT)] = rec
            if sorted(prefilled) != sorted(by_code):
                fail("sheet %s: prefilled codes %s differ from the example's %s" % (name, prefilled, sorted(by_code)))
            body = [by_code[code] for code in prefilled]
            if name == "ОО":
                name_col = columns[oracle.norm_header("Наименование ОО")]
                for r, rec in zip(rows[1:], body):
                    names = [cell_text(c, shared) for c in r if oracle._col_index(c.get("r"))[0] == name_col]
                    want = oracle.convert(rec.get(oracle.norm_header("Наименование ОО")), oracle.TEXT)
                    if names != [want]:
                        fail("sheet ОО: prefilled name %s, the example has %r" % (names, want))
        out_rows = [ET.tostring(rows[0], encoding="unicode")] if rows else []
        for i, rec in enumerate(body):
            number = i + 2
            cells = []
            for h, col in sorted(columns.items(), key=lambda kv: kv[1]):
                cell = rec.get(h)
                if not empty(cell):
                    cells.append(cell_xml("%s%d" % (column_letters(col), number), cell))
            out_rows.append('<row r="%d">%s</row>' % (number, "".join(cells)))
        new_data = "<sheetData>" + "".join(out_rows) + "</sheetData>"
        # The header row re-serialised by ElementTree carries its namespace prefix; use the default one.
        new_data = re.sub(r"<(/?)ns\d+:", r"<\1", new_data).replace(' xmlns:ns0="%s"' % NS[1:-1], "")
        xml = re.sub(r"<sheetData>.*</sheetData>|<sheetData/>", lambda m: new_data, xml, count=1, flags=re.S)
        replaced[part] = xml.encode("utf-8")
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, replaced.get(item.filename, zin.read(item.filename)))
    print("filled %s: %s" % (out_path, ", ".join("%s %d" % (n, len(source.get(n, ([], []))[1])) for n in SHEETS)))


if __name__ == "__main__":
    main(sys.argv)
