#!/usr/bin/env python3
"""Writes the hostile-input cases of tests/hostile/ (standard library only).

Each case is a function that writes a complete data folder, <dir>/data/2025/...,
holding the tables ОО, Кадры and Развитие (valid, from tests/invalid/make_cases.py)
except for the one hostile part the case is about, and returns what monsite
must do with it (the runner, run_hostile_case.py, asserts it):

  status     (or a list of allowed statuses)
             2: `monsite check` and `monsite build` both exit with 2, print
                every line of `stderr` (substrings naming file, sheet, cell or
                line), and leave the temporary folder, an earlier public/
                included, exactly as it was;
             0: both succeed; every published file has a safe path inside
                public/, nothing else in the temporary folder changed, no
                markup from the data is in any page, JSON is valid, CSV parses
                back to the same texts;
  stderr     substrings of the error output (both commands);
  absent     strings that must not appear in any output file (monitoring.xlsx
             unzipped) nor in the messages; absent_outputs: in no output file;
  markup     the pages must not carry any of RAW_MARKUP as is;
  distinct_school_pages  how many folders schools/ must hold (no page overwritten);
  roundtrip  texts that must come back unchanged from site.json, schools.csv
             and monitoring.xlsx;
  outside    absolute paths that must not exist afterwards (zip entries named
             ../ or with absolute paths: monsite never extracts);
  seconds, rss_mib  bounds for each command (wall time, peak resident memory);
  no_network  where strace is installed, the build must open no network socket.

Large inputs (a gigabyte of zeros, a million rows) are generated at test time
into a temporary folder and never committed; compressed they are a few MiB.

    python3 tests/hostile/make_hostile.py --list
    python3 tests/hostile/make_hostile.py CASE DIR     # writes DIR/data and DIR/expect.json
"""

import io
import json
import os
import struct
import sys
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "invalid"))
import make_cases as mc  # noqa: E402  (the helpers of the invalid-data suite)

YEAR = mc.YEAR
D = f"data/{YEAR}"
MIB = 1 << 20
GIB = 1 << 30

# --------------------------------------------------------------------------- a zip writer with full control
#
# Python's zipfile cannot write a part whose declared size differs from its real
# size, nor stream a gigabyte of repeated bytes without compressing all of it.


class Repeated:
    """A part made of prefix + unit * count + suffix, deflated without building it."""

    def __init__(self, prefix, unit, count, suffix):
        self.prefix, self.unit, self.count, self.suffix = prefix, unit, count, suffix

    def size(self):
        return len(self.prefix) + len(self.unit) * self.count + len(self.suffix)

    def crc(self):
        crc = zlib.crc32(self.prefix)
        for _ in range(self.count):
            crc = zlib.crc32(self.unit, crc)
        return zlib.crc32(self.suffix, crc)

    def deflated(self):
        """Chunks of one raw deflate stream. After a full flush the compressor
        starts afresh, so every unit compresses to the same bytes: compress it
        twice and repeat the second result."""
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        yield c.compress(self.prefix) + c.flush(zlib.Z_FULL_FLUSH)
        if self.count:
            first = c.compress(self.unit) + c.flush(zlib.Z_FULL_FLUSH)
            yield first
            if self.count > 1:
                block = c.compress(self.unit) + c.flush(zlib.Z_FULL_FLUSH)
                for _ in range(self.count - 1):
                    yield block
        yield c.compress(self.suffix) + c.flush(zlib.Z_FINISH)


DOS_TIME = ((2025 - 1980) << 25) | (9 << 21) | (1 << 16)  # 2025-09-01 00:00, date in the high half


def write_zip(path, entries):
    """entries: list of (name, data) or (name, data, options); data is bytes, str or Repeated.

    options: stored (bool), declared_size (the uncompressed size written in the
    headers instead of the real one), crc (override)."""
    central = []
    with open(path, "wb") as f:
        for entry in entries:
            name, data = entry[0], entry[1]
            opts = entry[2] if len(entry) > 2 else {}
            if isinstance(data, str):
                data = data.encode("utf-8")
            raw_name = name.encode("utf-8")
            offset = f.tell()
            if isinstance(data, Repeated):
                method, crc, size = 8, data.crc(), data.size()
            else:
                method = 0 if opts.get("stored") else 8
                crc, size = zlib.crc32(data), len(data)
            crc = opts.get("crc", crc)
            declared = opts.get("declared_size", size)
            # Local header with sizes 0 and a data descriptor flag would hide the
            # sizes; write them in place instead, patching after the data.
            header_at = f.tell()
            f.write(struct.pack("<IHHHIIIIHH", 0x04034B50, 20, 0x0800, method, DOS_TIME, 0, 0, 0, len(raw_name), 0))
            f.write(raw_name)
            start = f.tell()
            if isinstance(data, Repeated):
                for chunk in data.deflated():
                    f.write(chunk)
            elif method == 8:
                c = zlib.compressobj(6, zlib.DEFLATED, -15)
                f.write(c.compress(data) + c.flush())
            else:
                f.write(data)
            end = f.tell()
            csize = end - start
            f.seek(header_at + 14)
            f.write(struct.pack("<III", crc, csize, declared))
            f.seek(end)
            central.append((raw_name, method, crc, csize, declared, offset))
        cd_start = f.tell()
        for raw_name, method, crc, csize, declared, offset in central:
            f.write(struct.pack("<IHHHHIIIIHHHHHII", 0x02014B50, 20, 20, 0x0800, method, DOS_TIME, crc, csize,
                                declared, len(raw_name), 0, 0, 0, 0, 0, offset))
            f.write(raw_name)
        cd_size = f.tell() - cd_start
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), cd_size, cd_start, 0))


# --------------------------------------------------------------------------- data folders


def year_dir(root):
    d = os.path.join(root, "data", YEAR)
    os.makedirs(d, exist_ok=True)
    return d


def write_files(root, files):
    """files: file name -> bytes, written into the year folder."""
    d = year_dir(root)
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def write_parts(root, file_name, parts, extra=(), options=None):
    """A workbook from its parts (dict name -> text/bytes/Repeated), through write_zip."""
    options = options or {}
    entries = [(name, data, options.get(name, {})) for name, data in parts.items()]
    entries.extend(extra)
    write_zip(os.path.join(year_dir(root), file_name), entries)


def school_book_parts(school="sch02", tables=None):
    """The parts of школа_<n>.xlsx (Кадры, Развитие of one school)."""
    return mc.xlsx_parts(mc.school_sheets(tables or mc.base_tables(), school))


def valid_rest(root, except_school="sch02", tables=None):
    """реестр.xlsx and every school's workbook except one, which the case writes."""
    tables = tables or mc.base_tables()
    files = mc.layout_schools(tables)
    del files[f"школа_{int(except_school[3:])}.xlsx"]
    write_files(root, files)


def ods_parts(sheets, content=None):
    content = content if content is not None else mc.ods_content(sheets)
    return {"mimetype": (mc.ODS_MIME, {"stored": True}), "META-INF/manifest.xml": mc.ODS_MANIFEST,
            "content.xml": content}


def write_ods(root, file_name, sheets, content=None, extra=()):
    parts = ods_parts(sheets, content)
    entries = []
    for name, value in parts.items():
        if isinstance(value, tuple):
            entries.append((name, value[0], value[1]))
        else:
            entries.append((name, value))
    entries.extend(extra)
    write_zip(os.path.join(year_dir(root), file_name), entries)


def expect(status, stderr=(), **kw):
    out = {"status": status, "stderr": list(stderr)}
    out.update(kw)
    return out


CASES = {}


def case(heavy=False, timeout=None):
    def wrap(fn):
        fn.heavy = heavy
        fn.timeout = timeout
        CASES[fn.__name__] = fn
        return fn
    return wrap


# --------------------------------------------------------------------------- zip bombs

SHEET_OPEN = (mc.XML_DECL + f'<worksheet xmlns="{mc.NS_MAIN}" xmlns:r="{mc.NS_REL}"><sheetData>').encode()
SHEET_CLOSE = b"</sheetData></worksheet>"


def kadry_rows_xml():
    """The <row> elements of sch02's Кадры sheet (and the shared strings they use)."""
    strings = []
    body = mc.sheet_xml(mc.school_sheets(mc.base_tables(), "sch02")[0][1], strings)
    start = body.index("<sheetData>") + len("<sheetData>")
    return body[start:body.index("</sheetData>")].encode(), strings


@case(heavy=True, timeout=300)
def zip_bomb_ratio():
    """Кадры of one school: its real rows followed by 1 GiB of white space inside
    <sheetData>, well-formed XML at a ratio of ~1000:1 (a 1 MiB file). Only the
    cap on decompressed bytes stops it, and it must stop it without holding it."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        rows, _ = kadry_rows_xml()
        parts["xl/worksheets/sheet1.xml"] = Repeated(SHEET_OPEN + rows, b" " * MIB, 1024, SHEET_CLOSE)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: часть xl/worksheets/sheet1.xml после распаковки больше 512 МиБ"],
                      seconds=60, rss_mib=256)
    return write


@case(heavy=True, timeout=300)
def zip_bomb_file_total():
    """Three sheets of 400 MiB each (white space): each under the part cap, the
    file over the 1 GiB cap on all decompressed bytes."""
    def write(root):
        valid_rest(root)
        t = mc.base_tables()
        parts = school_book_parts(tables=t)
        rows, _ = kadry_rows_xml()
        parts["xl/worksheets/sheet1.xml"] = Repeated(SHEET_OPEN + rows, b" " * MIB, 400, SHEET_CLOSE)
        body = parts["xl/worksheets/sheet2.xml"].encode()
        cut = body.index(b"</sheetData>")
        parts["xl/worksheets/sheet2.xml"] = Repeated(body[:cut], b"\n" * MIB, 400, body[cut:])
        # A third wanted sheet: Педагоги, empty but for the white space.
        parts = add_sheet(parts, "Педагоги", Repeated(SHEET_OPEN, b"\t" * MIB, 400, SHEET_CLOSE))
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: файл после распаковки больше 1024 МиБ"], seconds=90, rss_mib=256)
    return write


def add_sheet(parts, name, body):
    """Adds a worksheet to the parts made by make_cases.xlsx_parts."""
    n = sum(1 for p in parts if p.startswith("xl/worksheets/sheet")) + 1
    part = f"xl/worksheets/sheet{n}.xml"
    rid = f"rId{100 + n}"
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        "</sheets>", f'<sheet name="{escape(name)}" sheetId="{n}" r:id="{rid}"/></sheets>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{mc.NS_REL}/worksheet" Target="worksheets/sheet{n}.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.'
                    'spreadsheetml.worksheet+xml"/></Types>')
    parts[part] = body
    return parts


@case()  # a gigabyte, but refused or skipped at once
def zip_bomb_zeros():
    """1 GiB of zero bytes as the Кадры sheet: not XML, refused at the first
    chunk; nothing close to a gigabyte is ever held."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        parts["xl/worksheets/sheet1.xml"] = Repeated(b"", b"\0" * MIB, 1024, b"")
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Кадры: повреждённый XML в части xl/worksheets/sheet1.xml"],
                      seconds=30, rss_mib=256)
    return write


@case()  # a gigabyte, but refused or skipped at once
def zip_bomb_unread_part():
    """1 GiB of zeros in a part no relationship points to (xl/media/image1.png)
    and in an ODS Thumbnails/ entry: monsite reads only the parts it needs, so
    the build succeeds at once."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        del files["школа_2.xlsx"], files["школа_3.ods"]
        write_files(root, files)
        bomb = Repeated(b"", b"\0" * MIB, 1024, b"")
        write_parts(root, "школа_2.xlsx", school_book_parts(tables=t), extra=[("xl/media/image1.png", bomb)])
        write_ods(root, "школа_3.ods", mc.school_sheets(t, "sch03"), extra=[("Thumbnails/thumbnail.png", bomb)])
        return expect(0, seconds=30, rss_mib=512)
    return write


@case(heavy=True, timeout=300)
def zip_declared_size_tiny():
    """The headers say the Кадры part is 1,000 bytes; it inflates to 1 GiB of
    well-formed white space. Declared sizes are never trusted: refused (the cap,
    or the size/CRC check), not allocated."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        rows, _ = kadry_rows_xml()
        parts["xl/worksheets/sheet1.xml"] = Repeated(SHEET_OPEN + rows, b" " * MIB, 1024, SHEET_CLOSE)
        write_parts(root, "школа_2.xlsx", parts, options={"xl/worksheets/sheet1.xml": {"declared_size": 1000}})
        return expect(2, [f"{D}/школа_2.xlsx"], seconds=60, rss_mib=256)
    return write


@case()
def zip_declared_size_huge():
    """The headers say the Кадры part is 4,000,000,000 bytes; it is the real
    sheet of a few hundred bytes (CRC right). No buffer is sized from the
    declaration: the part is streamed as it is and the build succeeds in a few
    MiB of memory."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        write_parts(root, "школа_2.xlsx", parts, options={"xl/worksheets/sheet1.xml": {"declared_size": 4_000_000_000}})
        return expect(0, seconds=10, rss_mib=256)
    return write


# --------------------------------------------------------------------------- entities

LAUGHS = "".join(
    [' <!ENTITY lol "lol">\n'] +
    [f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)])


def billion_laughs(root_element):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE {root_element} [\n{LAUGHS}]>\n'


def xxe(root_element):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<!DOCTYPE {root_element} [\n <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n')


def xxe_parameter(root_element):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<!DOCTYPE {root_element} [\n <!ENTITY % ext SYSTEM "file:///etc/passwd">\n %ext;\n]>\n')


def strip_decl(text):
    return text.split("\n", 1)[1] if text.startswith("<?xml") else text


PASSWD = ["root:x:0:0", "/bin/bash", "/usr/sbin/nologin"]


def dtd_case(kind, where, ref):
    """kind: billion_laughs / xxe / xxe_parameter; where: shared_strings, workbook, sheet, rels, ods."""
    doctype = {"billion_laughs": billion_laughs, "xxe": xxe, "xxe_parameter": xxe_parameter}[kind]

    def write(root):
        t = mc.base_tables()
        if where == "ods":
            files = mc.layout_schools(t, ods_schools=("sch03",))
            del files["школа_3.ods"]
            write_files(root, files)
            content = mc.ods_content(mc.school_sheets(t, "sch03"))
            content = content.replace("<text:p>sch03</text:p>", f"<text:p>{ref}</text:p>", 1)
            write_ods(root, "школа_3.ods", None, content=doctype("office:document-content") + strip_decl(content))
            return expect(2, [f"{D}/школа_3.ods: повреждённый XML в части content.xml", "не допускается"],
                          absent=PASSWD + ["lollollol"], seconds=10, rss_mib=256, no_network=True)
        valid_rest(root)
        parts = school_book_parts(tables=t)
        if where == "shared_strings":
            name, root_el = "xl/sharedStrings.xml", "sst"
            parts[name] = parts[name].replace("<t>sch02</t>", f"<t>{ref}</t>", 1)
            located = f"{D}/школа_2.xlsx: повреждённый XML в части xl/sharedStrings.xml"
        elif where == "workbook":
            name, root_el = "xl/workbook.xml", "workbook"
            parts[name] = parts[name].replace('name="Кадры"', f'name="Кадры{ref}"', 1)
            located = f"{D}/школа_2.xlsx: повреждённый XML в части xl/workbook.xml"
        elif where == "rels":
            name, root_el = "xl/_rels/workbook.xml.rels", "Relationships"
            parts[name] = parts[name].replace('Target="worksheets/sheet1.xml"',
                                              f'Target="worksheets/sheet1.xml{ref}"', 1)
            located = f"{D}/школа_2.xlsx: повреждённый XML в части xl/_rels/workbook.xml.rels"
        else:
            name, root_el = "xl/worksheets/sheet1.xml", "worksheet"
            parts[name] = parts[name].replace("</sheetData>",
                                              f'<row r="3"><c r="L3" t="inlineStr"><is><t>{ref}</t></is></c></row>'
                                              "</sheetData>")
            located = f"{D}/школа_2.xlsx: Кадры: повреждённый XML в части xl/worksheets/sheet1.xml"
        parts[name] = doctype(root_el) + strip_decl(parts[name])
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [located, "не допускается"], absent=PASSWD + ["lollollol"], seconds=10, rss_mib=256,
                      no_network=True)
    return write


for _kind, _ref in (("billion_laughs", "&lol9;"), ("xxe", "&xxe;")):
    for _where in ("shared_strings", "workbook", "sheet", "rels", "ods"):
        _fn = (lambda k, w, r: (lambda: dtd_case(k, w, r)))(_kind, _where, _ref)
        _fn.__name__ = f"{_kind}_{_where}"
        _fn.__doc__ = f"{_kind} DTD in {_where}: refused (no DTD is ever read), nothing expanded or loaded."
        case()(_fn)


@case()
def xxe_parameter_entity_shared_strings():
    """An external parameter entity (%ext;) in sharedStrings.xml: refused with the DTD."""
    return dtd_case("xxe_parameter", "shared_strings", "sch02")


@case()
def undeclared_entity_sheet():
    """&xxe; used with no DTD at all: an undefined entity, a damaged part."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/worksheets/sheet1.xml"
        parts[name] = parts[name].replace(
            "</sheetData>", '<row r="3"><c r="L3" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData>')
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Кадры: повреждённый XML в части xl/worksheets/sheet1.xml"],
                      absent=PASSWD)
    return write


# --------------------------------------------------------------------------- zip entry names

SLIP_NAME = "monsite-hostile-zip-slip.txt"
SLIP_PATHS = ["/tmp/" + SLIP_NAME, "/" + SLIP_NAME, "/tmp/monsite-hostile-abs.txt"]


@case()
def zip_slip_entry_names():
    """Entries named ../../…, /tmp/… and ..\\..\\… next to the real parts of an
    XLSX and an ODS: monsite never extracts, so nothing is written anywhere and
    the build succeeds; the entries' text is not published."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        del files["школа_2.xlsx"], files["школа_3.ods"]
        write_files(root, files)
        payload = "monsite-zip-slip-payload"
        extra = [("../../../../../../../../tmp/" + SLIP_NAME, payload), ("../" + SLIP_NAME, payload),
                 ("/tmp/monsite-hostile-abs.txt", payload), ("..\\..\\..\\" + SLIP_NAME, payload),
                 ("xl/../../" + SLIP_NAME, payload)]
        write_parts(root, "школа_2.xlsx", school_book_parts(tables=t), extra=extra)
        write_ods(root, "школа_3.ods", mc.school_sheets(t, "sch03"), extra=extra)
        return expect(0, absent=[payload], outside=SLIP_PATHS)
    return write


@case()
def zip_slip_relationship_targets():
    """The sheet's relationship points to ../../../../etc/passwd: resolved inside
    the package (clamped at its root), not found there: refused, nothing read."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace('Target="worksheets/sheet1.xml"', 'Target="../../../../../../etc/passwd"', 1)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Кадры: в файле нет части «etc/passwd» с листом «Кадры»"],
                      absent=PASSWD)
    return write


@case()
def external_relationship_target():
    """The shared strings relationship is External with Target file:///etc/passwd: never followed."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace('Target="sharedStrings.xml"',
                                          'Target="file:///etc/passwd" TargetMode="External"', 1)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: в файле нет части «file:///etc/passwd», на которую указывает "
                          "xl/_rels/workbook.xml.rels"], absent=PASSWD, no_network=True)
    return write


# --------------------------------------------------------------------------- nesting

DEEP = 100_000


def deep(tag="x"):
    return f"<{tag}>" * DEEP + f"</{tag}>" * DEEP


@case()
def xml_deep_sheet():
    """100,000 nested elements inside <sheetData>: the depth cap (256) stops it."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/worksheets/sheet1.xml"
        parts[name] = parts[name].replace("</sheetData>", deep() + "</sheetData>")
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Кадры: повреждённый XML в части xl/worksheets/sheet1.xml",
                          "вложенность элементов глубже 256"], seconds=10, rss_mib=256)
    return write


@case()
def xml_deep_shared_strings():
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/sharedStrings.xml"
        parts[name] = parts[name].replace("<si><t>sch02</t></si>", "<si>" + deep("r") + "<t>sch02</t></si>", 1)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: повреждённый XML в части xl/sharedStrings.xml",
                          "вложенность элементов глубже 256"], seconds=10, rss_mib=256)
    return write


@case()
def xml_deep_workbook():
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/workbook.xml"
        parts[name] = parts[name].replace("<sheets>", deep("bookViews") + "<sheets>", 1)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: повреждённый XML в части xl/workbook.xml",
                          "вложенность элементов глубже 256"], seconds=10, rss_mib=256)
    return write


@case()
def xml_deep_ods_content():
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        del files["школа_3.ods"]
        write_files(root, files)
        content = mc.ods_content(mc.school_sheets(t, "sch03"))
        content = content.replace("<text:p>sch03</text:p>", "<text:p>" + deep("text:span") + "sch03</text:p>", 1)
        write_ods(root, "школа_3.ods", None, content=content)
        return expect(2, [f"{D}/школа_3.ods: повреждённый XML в части content.xml", "вложенность элементов глубже 256"],
                      seconds=10, rss_mib=256)
    return write


# --------------------------------------------------------------------------- wide, long, big


@case()
def header_16384_columns():
    """Кадры's header row fills every column A..XFD (16,384): the contract
    columns, then 16,373 unknown ones (one warning each), and the data rows."""
    def write(root):
        valid_rest(root)
        t = mc.base_tables()
        kadry = t["Кадры"]
        width = len(kadry[0])
        kadry[0] += [f"Доп{i}" for i in range(width + 1, 16385)]
        parts = school_book_parts(tables=t)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(0, stderr=[f"{D}/школа_2.xlsx: Кадры!XFD1: предупреждение: столбец «Доп16384» не "
                                 "предусмотрен форматом данных и пропущен"], seconds=30, rss_mib=512)
    return write


@case()
def header_beyond_last_column():
    """A header cell at XFE1, one right of the last column: refused, naming sheet and row."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/worksheets/sheet1.xml"
        parts[name] = parts[name].replace('<c r="A1" t="s">', '<c r="XFE1" t="inlineStr"><is><t>Лишний</t></is></c>'
                                          '<c r="A1" t="s">', 1)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Кадры, строка 1: на листе «Кадры» ссылка на ячейку «XFE1» неверна"])
    return write


@case()
def csv_header_100000_columns():
    """A CSV header of 100,000 fields (more than a sheet may have): read, every
    unknown column warned about, the build succeeds."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_csv(t)
        kadry = t["Кадры"]
        kadry[0] += [f"x{i}" for i in range(len(kadry[0]) + 1, 100_001)]
        files["Кадры.csv"] = mc.csv_bytes(kadry)
        write_files(root, files)
        return expect(0, stderr=[f"{D}/Кадры.csv: строка 1, столбец 100000: предупреждение: столбец «x100000»"],
                      seconds=30, rss_mib=512)
    return write


BIG = 4 * MIB  # characters


def big_text():
    return "Ж" * (BIG // 2) + "z" * (BIG // 2)  # 4 Mi characters, 6 MiB of UTF-8


@case()
def cell_4mb_inline_string():
    """ОО!B3 (the name of sch02) holds 4 Mi characters as an inline string: an
    error at that cell, the other cells still checked."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t)
        del files["реестр.xlsx"]
        write_files(root, files)
        mc.put(t, "ОО", "sch02", "Наименование ОО", "PLACEHOLDER-NAME")
        parts = mc.xlsx_parts([("ОО", t["ОО"])])
        index = _shared_list(parts["xl/sharedStrings.xml"]).index("PLACEHOLDER-NAME")
        sheet = parts["xl/worksheets/sheet1.xml"]
        old = f'<c r="B3" t="s"><v>{index}</v></c>'
        assert old in sheet, old
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(old, f'<c r="B3" t="inlineStr"><is><t>{big_text()}</t></is></c>')
        write_parts(root, "реестр.xlsx", parts)
        return expect(2, [f"{D}/реестр.xlsx: ОО!B3: текст ячейки длиннее 32767 символов", "Найдено ошибок: 1,"],
                      seconds=10, rss_mib=256)
    return write


def _shared_list(sst_xml):
    import xml.etree.ElementTree as ET
    ns = {"m": mc.NS_MAIN}
    return ["".join(t.text or "" for t in si.iter(f"{{{mc.NS_MAIN}}}t")) for si in ET.fromstring(sst_xml.encode()).findall("m:si", ns)]


@case()
def cell_4mb_shared_string():
    """The same 4 Mi characters as a shared string, as Excel stores text: the
    error names the cell that uses it (ОО!B3), not just the file."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t)
        del files["реестр.xlsx"]
        write_files(root, files)
        mc.put(t, "ОО", "sch02", "Наименование ОО", "PLACEHOLDER-NAME")
        parts = mc.xlsx_parts([("ОО", t["ОО"])])
        sst = "xl/sharedStrings.xml"
        parts[sst] = parts[sst].replace("<t>PLACEHOLDER-NAME</t>", f"<t>{big_text()}</t>", 1)
        write_parts(root, "реестр.xlsx", parts)
        return expect(2, [f"{D}/реестр.xlsx: ОО!B3: текст ячейки длиннее 32767 символов", "Найдено ошибок: 1,"],
                      seconds=10, rss_mib=256)
    return write


@case()
def cell_4mb_ods():
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        del files["школа_3.ods"]
        write_files(root, files)
        mc.put(t, "Развитие", "sch03", "Реализуется целевая модель наставничества", big_text())
        write_ods(root, "школа_3.ods", mc.school_sheets(t, "sch03"))
        return expect(2, [f"{D}/школа_3.ods: Развитие!I2: в ячейке больше 32767 символов", "Найдено ошибок: 1,"],
                      seconds=10, rss_mib=256)
    return write


@case()
def cell_4mb_csv():
    def write(root):
        t = mc.base_tables()
        mc.put(t, "ОО", "sch03", "Краткое наименование", big_text())
        write_files(root, mc.layout_csv(t))
        return expect(2, [f"{D}/ОО.csv: строка 4, столбец 3: в поле больше 32767 символов", "Найдено ошибок: 1,"],
                      seconds=10, rss_mib=256)
    return write


@case()
def shared_string_amplification():
    """One shared string of 32,767 characters used by 400,000 cells of unknown
    columns (a 100 KiB file): 26 GB if every cell held a copy. Each use counts
    against the 256 MiB a file's text may expand to: refused at the cell where
    the budget runs out, having held at most that."""
    def write(root):
        t = mc.base_tables()
        t["Меры"] = mc.measures_table()
        write_files(root, mc.layout_book(t))  # the valid book; the hostile file comes beside it
        rows = [["Мероприятие", "Вид решения", "Направление", "Примечание"]]
        parts = mc.xlsx_parts([("Меры", rows)])
        long = "Ы" * 32767
        parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(
            "</sst>", f"<si><t>{long}</t></si></sst>")
        index = len(_shared_list(parts["xl/sharedStrings.xml"])) - 1
        body = parts["xl/worksheets/sheet1.xml"].encode()
        cut = body.index(b"</sheetData>")
        # 4,000 rows of 100 cells each, every cell the long string (columns D..CY).
        row_cells = "".join(f'<c r="{mc.col_letters(c)}{{r}}" t="s"><v>{index}</v></c>' for c in range(4, 104))
        rows_xml = "".join(f'<row r="{r}">' + row_cells.replace("{r}", str(r)) + "</row>" for r in range(2, 4002))
        parts["xl/worksheets/sheet1.xml"] = body[:cut] + rows_xml.encode() + body[cut:]
        write_parts(root, "заметки.xlsx", parts)
        return expect(2, [f"{D}/заметки.xlsx: Меры!", ": в файле больше 50000000 непустых ячеек или 256 МиБ текста "
                          "(общая строка считается в каждой ячейке, где она стоит)"], seconds=30, rss_mib=512)
    return write


@case()
def shared_string_amplification_in_text_field():
    """The same long shared string as the text of a contract field (Меры.Документ)
    of 200,000 measure rows: 200,000 × 64 KiB = 12.5 GiB if expanded. Refused by
    the cap on text a file may expand to, naming the file."""
    def write(root):
        t = mc.base_tables()
        write_files(root, mc.layout_book(t))
        rows = [["Мероприятие", "Документ"]]
        parts = mc.xlsx_parts([("Меры", rows)])
        long = "Ы" * 32767
        parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(
            "</sst>", f"<si><t>Семинар</t></si><si><t>{long}</t></si></sst>")
        index = len(_shared_list(parts["xl/sharedStrings.xml"])) - 1
        body = parts["xl/worksheets/sheet1.xml"].encode()
        cut = body.index(b"</sheetData>")
        rows_xml = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>{index - 1}</v></c><c r="B{r}" t="s"><v>{index}</v></c>'
                           "</row>" for r in range(2, 200_002))
        parts["xl/worksheets/sheet1.xml"] = body[:cut] + rows_xml.encode() + body[cut:]
        write_parts(root, "меры.xlsx", parts)
        return expect(2, [f"{D}/меры.xlsx: Меры!B4097: в файле больше 50000000 непустых ячеек или 256 МиБ текста"],
                      seconds=30, rss_mib=512)
    return write


@case()
def ods_repeat_bomb():
    """ODS: one row of a 32,000-character text repeated over 16,384 columns and
    1,048,575 rows (a few KiB of XML): refused by the expansion budget."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        del files["школа_3.ods"]
        write_files(root, files)
        content = mc.ods_content(mc.school_sheets(t, "sch03"))
        long = "Щ" * 32000
        bomb = ('<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated='
                f'"16384" office:value-type="string"><text:p>{long}</text:p></table:table-cell></table:table-row>')
        content = content.replace("</table:table>", bomb + "</table:table>", 1)
        write_ods(root, "школа_3.ods", None, content=content)
        return expect(2, [f"{D}/школа_3.ods: в файле больше 50000000 непустых ячеек или"], seconds=10, rss_mib=256)
    return write


def teacher_rows(n):
    """n anonymous teachers spread over the three schools (small rows)."""
    subjects = ["Математика", "Русский язык", "История", "Физика", "Биология"]
    for i in range(n):
        yield (f"П{i + 1:07d}", mc.SCHOOLS[i % 3], subjects[i % 5], 25 + i % 40)


def teachers_sheet_repeated(n, age=None):
    """The Педагоги sheet of n teachers as bytes; `age` (text) replaces every age if given."""
    strings_index = {"sch01": 4, "sch02": 5, "sch03": 6, "Математика": 7, "Русский язык": 8, "История": 9,
                     "Физика": 10, "Биология": 11}
    out = io.BytesIO()
    out.write(SHEET_OPEN)
    out.write(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
              b'<c r="D1" t="s"><v>3</v></c></row>')
    age_text = age
    for r, (tid, school, subject, age) in enumerate(teacher_rows(n), start=2):
        out.write((f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{tid}</t></is></c><c r="B{r}" t="s"><v>'
                  f'{strings_index[school]}</v></c><c r="C{r}" t="s"><v>{strings_index[subject]}</v></c>'
                  + (f'<c r="D{r}"><v>{age}</v></c></row>' if age_text is None else
                     f'<c r="D{r}" t="inlineStr"><is><t>{age_text}</t></is></c></row>')).encode())
    out.write(SHEET_CLOSE)
    strings = ["Код педагога", "Код ОО", "Предмет", "Возраст", "sch01", "sch02", "sch03", "Математика",
               "Русский язык", "История", "Физика", "Биология"]
    return out.getvalue(), strings


@case(heavy=True, timeout=600)
def rows_1048576():
    """Педагоги fills every row of the grid: a header and 1,048,575 teachers of
    four small cells. Read, validated and built within 60 s and 2 GiB each."""
    def write(root):
        t = mc.base_tables()
        write_files(root, mc.layout_book(t))
        body, strings = teachers_sheet_repeated(1_048_575)
        parts = mc.xlsx_parts([("Педагоги", [["x"]])])
        parts["xl/worksheets/sheet1.xml"] = body
        parts["xl/sharedStrings.xml"] = mc.shared_strings_xml(strings)
        write_parts(root, "педагоги.xlsx", parts)
        return expect(0, seconds=60, rss_mib=2048)
    return write


@case(heavy=True, timeout=600)
def rows_1048576_every_row_invalid():
    """The full grid of teachers again, each with «много» as the age: over a
    million errors of one kind for three schools, folded into one line per
    school (its first cell, the count and the next cells), in bounded time and
    memory. (The cap of 1,000 lines a table is tested in test_site_row_errors.)"""
    def write(root):
        t = mc.base_tables()
        write_files(root, mc.layout_book(t))
        body, strings = teachers_sheet_repeated(1_048_575, age="много")
        parts = mc.xlsx_parts([("Педагоги", [["x"]])])
        parts["xl/worksheets/sheet1.xml"] = body
        parts["xl/sharedStrings.xml"] = mc.shared_strings_xml(strings)
        write_parts(root, "педагоги.xlsx", parts)
        return expect(2, [f"{D}/педагоги.xlsx: Педагоги!D2 («Возраст», школа sch01): ожидалось целое число ≥ 0, "
                          "найдено «много»; и ещё 349524 ячейки того же вида: D5, D8, D11, D14, D17, …",
                          f"{D}/педагоги.xlsx: Педагоги!D3 («Возраст», школа sch02): ожидалось целое число ≥ 0, "
                          "найдено «много»; и ещё 349524 ячейки того же вида: D6, D9, D12, D15, D18, …",
                          f"{D}/педагоги.xlsx: Педагоги!D4 («Возраст», школа sch03): ожидалось целое число ≥ 0, "
                          "найдено «много»; и ещё 349524 ячейки того же вида: D7, D10, D13, D16, D19, …",
                          "Найдено ошибок: 3,"], seconds=60, rss_mib=2048)
    return write


def teachers_csv(n, extra=()):
    lines = ["Код педагога;Код ОО;Предмет;Возраст"]
    lines += [f"{tid};{school};{subject};{age}" for tid, school, subject, age in teacher_rows(n)]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


@case(heavy=True, timeout=600)
def csv_rows_1048576():
    """Педагоги.csv with as many lines as a sheet has rows: read and built."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_csv(t)
        files["Педагоги.csv"] = teachers_csv(1_048_575)
        write_files(root, files)
        return expect(0, seconds=60, rss_mib=2048)
    return write


@case()
def csv_rows_beyond_grid():
    """Педагоги.csv with 2,000,000 short lines (30 MB): a table is at most a
    sheet, so it is refused at line 1,048,577 before a record is made for
    each line (a record costs far more than its 15 bytes of text)."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_csv(t)
        files["Педагоги.csv"] = teachers_csv(1_999_999)
        write_files(root, files)
        return expect(2, [f"{D}/Педагоги.csv: строка 1048577: в файле больше 1048576 строк"], seconds=30,
                      rss_mib=512)
    return write


def fast_sheet_xml(rows):
    """make_cases.sheet_xml for many rows: shared strings looked up in a dict."""
    index = {}
    strings = []
    out = [SHEET_OPEN.decode()]
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row, start=1):
            ref = f"{mc.col_letters(c)}{r}"
            if isinstance(v, str):
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
            elif v is not None:
                cells.append(f'<c r="{ref}"><v>{mc.number_text(v)}</v></c>')
        out.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    out.append(SHEET_CLOSE.decode())
    return "".join(out).encode(), strings


@case(heavy=True, timeout=600)
def rows_100000_by_20_columns():
    """Педагоги of 100,000 teachers × 20 columns (the 10 of the contract and 10
    more that are skipped): the (b) figure of the README's limits."""
    def write(root):
        t = mc.base_tables()
        write_files(root, mc.layout_book(t))
        header = mc.teachers_table()[0] + [f"Доп. {i}" for i in range(1, 11)]
        cats = ["высшая", "первая", "соответствие", "без категории"]
        rows = [header]
        for i, (tid, school, subject, age) in enumerate(teacher_rows(100_000)):
            rows.append([tid, school, subject, age, i % 30, cats[i % 4], 40 + i % 60, "да" if i % 3 else "нет",
                         "да" if i % 5 else "нет", "нет"] + [f"заметка {i % 97}"] * 5 + [i % 1000] * 5)
        parts = mc.xlsx_parts([("Педагоги", [["x"]])])
        body, strings = fast_sheet_xml(rows)
        parts["xl/worksheets/sheet1.xml"] = body
        parts["xl/sharedStrings.xml"] = mc.shared_strings_xml(strings)
        write_parts(root, "педагоги.xlsx", parts)
        return expect(0, seconds=60, rss_mib=2048)
    return write


@case()
def row_beyond_grid():
    """Rows and cells past the grid and references too long to be numbers."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/worksheets/sheet2.xml"
        parts[name] = parts[name].replace(
            "</sheetData>", '<row r="99999999999999999999"><c r="A99999999999999999999"><v>1</v></c></row></sheetData>')
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Развитие: на листе «Развитие» номер строки «99999999999999999999» "
                          "неверен или за пределами листа"])
    return write


@case()
def cell_ref_overflow():
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        name = "xl/worksheets/sheet1.xml"
        parts[name] = parts[name].replace(
            "</sheetData>", '<row r="3"><c r="ZZZZZZZZZZZZZZZZZZ3"><v>1</v></c></row></sheetData>')
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx: Кадры, строка 3: на листе «Кадры» ссылка на ячейку «ZZZZZZZZZZZZZZZZZZ3» неверна или за пределами листа"])
    return write


@case(heavy=True, timeout=600)
def ods_measures_repeated_1048575():
    """ODS: one measure row repeated 1,048,575 times (a 2 KiB file), the rest
    valid: a million measures read, validated and published in bounded time
    and memory."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        write_files(root, files)
        m = mc.measures_table()[:1] + [["Семинар", "организующее", "diagnostics", "diag_coverage", None, "2025",
                                        "УО", "Приказ"]]
        content = mc.ods_content([("Меры", m)])
        content = content.replace("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Семинар",
                                  "<table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell "
                                  "office:value-type=\"string\"><text:p>Семинар", 1)
        assert "1048575" in content
        write_ods(root, "меры.ods", None, content=content)
        # Peak memory depends on whether the two page threads hold the two
        # largest school pages at once: 1.6 to 2.2 GiB measured.
        return expect(0, seconds=120, rss_mib=3072)
    return write


@case()
def ods_rows_beyond_grid():
    """ODS: a non-empty row repeated past row 1,048,576."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t, ods_schools=("sch03",))
        del files["школа_3.ods"]
        write_files(root, files)
        content = mc.ods_content(mc.school_sheets(t, "sch03"))
        row = ('<table:table-row table:number-rows-repeated="2000000"><table:table-cell office:value-type="string">'
               "<text:p>x</text:p></table:table-cell></table:table-row>")
        content = content.replace("</table:table>", row + "</table:table>", 1)
        write_ods(root, "школа_3.ods", None, content=content)
        return expect(2, [f"{D}/школа_3.ods: Кадры: на листе «Кадры» есть непустые ячейки ниже строки 1048576"])
    return write


# --------------------------------------------------------------------------- relationships and sheet lists


def rel_case(edit, message):
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        edit(parts)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(2, [f"{D}/школа_2.xlsx" + message])
    return write


@case()
def rels_missing_part():
    """No xl/_rels/workbook.xml.rels at all: the sheets point nowhere."""
    def edit(parts):
        del parts["xl/_rels/workbook.xml.rels"]
    return rel_case(edit, ": Кадры: лист «Кадры» ссылается на связь «rId1», которой нет в части "
                          "xl/_rels/workbook.xml.rels")


@case()
def rels_missing_relationship():
    def edit(parts):
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace('Id="rId2"', 'Id="rId9"', 1)
    return rel_case(edit, ": Развитие: лист «Развитие» ссылается на связь «rId2», которой нет")


@case()
def rels_duplicate_id():
    def edit(parts):
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace('Id="rId2"', 'Id="rId1"', 1)
    return rel_case(edit, ": в части xl/_rels/workbook.xml.rels связь «rId1» указана дважды")


@case()
def rels_shared_strings_twice():
    def edit(parts):
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace(
            "</Relationships>",
            f'<Relationship Id="rId77" Type="{mc.NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    return rel_case(edit, ": в части xl/_rels/workbook.xml.rels связь sharedStrings указана дважды")


@case()
def rels_office_document_twice():
    def edit(parts):
        rels = "_rels/.rels"
        parts[rels] = parts[rels].replace(
            "</Relationships>",
            f'<Relationship Id="rId9" Type="{mc.NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    return rel_case(edit, ": в части _rels/.rels книга (связь officeDocument) указана дважды")


@case()
def rels_target_missing_part():
    def edit(parts):
        del parts["xl/worksheets/sheet2.xml"]
    return rel_case(edit, ": Развитие: в файле нет части «xl/worksheets/sheet2.xml» с листом «Развитие»")


@case()
def sheet_listed_twice():
    """workbook.xml lists «Кадры» twice (a second time as «кадры »)."""
    def edit(parts):
        wb = "xl/workbook.xml"
        parts[wb] = parts[wb].replace("</sheets>", '<sheet name="кадры" sheetId="9" r:id="rId2"/></sheets>', 1)
    return rel_case(edit, ": кадры: лист «кадры» указан в книге дважды")


@case()
def two_sheets_one_part():
    """«Кадры» and «Развитие» both point to the same part: it is read twice,
    as each sheet; as Развитие its columns are unknown (warnings) and the
    school's development row is empty: the build goes on, nothing doubled."""
    def write(root):
        valid_rest(root)
        parts = school_book_parts()
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/sheet1.xml"', 1)
        write_parts(root, "школа_2.xlsx", parts)
        return expect(0, [f"{D}/школа_2.xlsx: Развитие!B1: предупреждение: столбец «Всего педагогических работников» "
                          "не предусмотрен форматом данных и пропущен"])
    return write


# --------------------------------------------------------------------------- CSV encodings and syntax


def csv_case(name, data, messages, status=2):
    def write(root):
        t = mc.base_tables()
        files = mc.layout_csv(t)
        files[name] = data(t) if callable(data) else data
        write_files(root, files)
        return expect(status, messages)
    return write


@case()
def csv_utf16_le():
    return csv_case("Кадры.csv", lambda t: "\ufeff".encode("utf-16-le") + mc.csv_text(t["Кадры"]).encode("utf-16-le"),
                    [f"{D}/Кадры.csv: кодировка UTF-16 не поддерживается"])


@case()
def csv_utf16_be():
    return csv_case("Кадры.csv", lambda t: mc.csv_text(t["Кадры"]).encode("utf-16"),
                    [f"{D}/Кадры.csv: кодировка UTF-16 не поддерживается"])


@case()
def csv_utf16_without_bom():
    return csv_case("Кадры.csv", lambda t: mc.csv_text(t["Кадры"]).encode("utf-16-le"),
                    [f"{D}/Кадры.csv: строка 1: в строке 1 есть нулевой байт"])


@case()
def csv_invalid_utf8_with_bom():
    def data(t):
        text = mc.csv_text(t["ОО"]).encode("utf-8")
        lines = text.split(b"\r\n")
        lines[2] = lines[2] + b"\xff\xfe\xc0\x80"  # invalid bytes and an overlong NUL
        return b"\xef\xbb\xbf" + b"\r\n".join(lines)
    return csv_case("ОО.csv", data, [f"{D}/ОО.csv: строка 3: файл помечен как UTF-8, но в строке 3 есть байты не в UTF-8"])


@case()
def csv_invalid_utf8_without_bom():
    """Without a BOM, bytes that are not UTF-8 mean Windows-1251; an overlong
    NUL (C0 80) then reads as two letters, never as a NUL."""
    def data(t):
        text = mc.csv_text(t["ОО"]).encode("utf-8")
        lines = text.split(b"\r\n")
        lines[2] = lines[2].replace(b"sch02", b"sch02\xc0\x80", 1)
        return b"\r\n".join(lines)
    # The register's sch02 is now another code: Кадры/Развитие rows of sch02 have no school.
    return csv_case("ОО.csv", data, [f"{D}/Кадры.csv: строка 3, столбец 1: школы с кодом «sch02» нет в таблице «ОО»"])


@case()
def csv_nul_byte():
    def data(t):
        return mc.csv_bytes(t["Развитие"]).replace(b"sch03", b"sch\x0003", 1)
    return csv_case("Развитие.csv", data, [f"{D}/Развитие.csv: строка 4: в строке 4 есть нулевой байт"])


@case()
def csv_unterminated_quote_huge_tail():
    """A quote opened on line 2 of Кадры.csv and never closed, followed by
    200,000 lines: one error naming line 2, found in one pass."""
    def data(t):
        lines = mc.csv_text(t["Кадры"]).split("\r\n")
        lines[1] = lines[1].replace("sch01", '"sch01', 1)
        tail = "\r\n".join("строка без кавычек;1;2;3" for _ in range(200_000))
        return b"\xef\xbb\xbf" + ("\r\n".join(lines) + tail).encode("utf-8")
    return csv_case("Кадры.csv", data, [f"{D}/Кадры.csv: строка 2, столбец 1: незакрытая кавычка"])


@case()
def csv_lone_carriage_returns():
    """Old Mac line ends (CR only) and a CR inside a quoted field: lines counted right."""
    def data(t):
        rows = t["Кадры"]
        rows[2][0] = "много"  # sch02 becomes an unknown code…
        return mc.csv_text(rows).replace("\r\n", "\r").encode("utf-8")
    return csv_case("Кадры.csv", data, [f"{D}/Кадры.csv: строка 3, столбец 1: школы с кодом «много» нет в таблице «ОО»"])


# --------------------------------------------------------------------------- markup in texts

MARKUP = [
    "<script>alert('monsite-xss-1')</script>",
    "<img src=x onerror=alert('monsite-xss-2')>",
    '"><b class="monsite-xss-3">жирный</b><a href="javascript:alert(\'monsite-xss-4\')">ссылка</a>',
    "' onmouseover='alert(\"monsite-xss-5\")' x='",
    "**monsite-md** _курсив_ [ссылка](javascript:alert('monsite-xss-6')) <!-- monsite-comment -->",
    "{{monsite_mustache}} {{{monsite_triple}}} {{#monsite_section}}x{{/monsite_section}} {{> layout}}",
    "</script><script>alert('monsite-xss-7')</script> </style></textarea>]]>&amp;&lt;&#x3c;",
    "=HYPERLINK(\"http://example.invalid\";\"x\"), @SUM(1+1) ;\" -2+3 +cmd|' /C calc'!A0",
]
# What must never appear as is in a page: the tags and handlers the texts carry.
RAW_MARKUP = ["<script>alert", "<img src=x", '<b class="monsite-xss-3">', "<a href=\"javascript:",
              "' onmouseover='", "<strong>monsite-md", "<!-- monsite-comment", "</script><script>",
              "</textarea>", "</style>"]


def markup_tables():
    t = mc.base_tables()
    t["Педагоги"] = mc.teachers_table()
    t["Меры"] = mc.measures_table()
    put = mc.put
    put(t, "ОО", "sch01", "Наименование ОО", "МБОУ " + MARKUP[0] + " " + MARKUP[3])
    put(t, "ОО", "sch01", "Краткое наименование", MARKUP[1])
    put(t, "ОО", "sch02", "Наименование ОО", MARKUP[2])
    put(t, "ОО", "sch02", "Краткое наименование", MARKUP[5])
    put(t, "ОО", "sch03", "Наименование ОО", MARKUP[4])
    put(t, "ОО", "sch03", "Краткое наименование", MARKUP[6])
    put(t, "ОО", "sch01", "Кластер", "Город " + MARKUP[0])
    put(t, "ОО", "sch02", "Кластер", "Город " + MARKUP[0])
    put(t, "ОО", "sch03", "Кластер", MARKUP[7])
    put(t, "ОО", "sch03", "Тип ОО", "ООШ " + MARKUP[1])
    put(t, "ОО", "sch02", "Территория", MARKUP[5])
    for row in t["Педагоги"][1:]:
        row[2] = MARKUP[int(row[0][-1]) % len(MARKUP)]
    m = t["Меры"]
    for k, row in enumerate(m[1:]):
        row[0] = MARKUP[k] + " " + row[0]
        row[5] = MARKUP[k + 3]
        row[6] = MARKUP[k + 4]
        row[7] = MARKUP[(k + 5) % len(MARKUP)]
    # Published as they are: name, type and cluster (schools.csv, site.json, monitoring.xlsx).
    oo = t["ОО"]
    cols = [mc.column(oo, h) for h in ("Наименование ОО", "Тип ОО", "Кластер")]
    texts = sorted({row[c] for row in oo[1:] for c in cols})
    return t, texts


@case()
def markup_in_texts_xlsx():
    """School names, short names, types, clusters, localities, subjects and
    measures holding HTML, <script>, quotes, Markdown, {{mustache}}, formulas:
    the build succeeds and publishes them only as text."""
    def write(root):
        t, texts = markup_tables()
        mc.put(t, "ОО", "sch01", "Территория", "http://example.invalid/x.png")
        write_files(root, mc.layout_book(t))
        return expect(0, roundtrip=texts, markup=True, no_network=True)
    return write


@case()
def markup_in_texts_csv():
    def write(root):
        t, texts = markup_tables()
        write_files(root, mc.layout_csv(t))
        return expect(0, roundtrip=texts, markup=True)
    return write


@case()
def markup_in_texts_ods():
    def write(root):
        t, texts = markup_tables()
        files = mc.layout_schools(t, ods_schools=("sch01", "sch02", "sch03"))
        write_files(root, files)
        return expect(0, roundtrip=[s for s in texts], markup=True)
    return write


@case()
def markup_in_file_and_sheet_names():
    """A school's file named with markup, a line break and a terminal escape,
    and an unknown sheet named with markup: the build succeeds and neither name
    is published (they appear in messages only)."""
    def write(root):
        t = mc.base_tables()
        files = mc.layout_schools(t)
        name = "<img src=x onerror=alert('monsite-xss-9')>\nОшибок нет\x1b[2J.xlsx"
        files[name] = files.pop("школа_2.xlsx")
        files["школа_3.xlsx"] = mc.xlsx(mc.school_sheets(t, "sch03") +
                                        [("<script>alert('monsite-xss-10')</script>", [["x"]])])
        write_files(root, files)
        return expect(0, markup=True, absent_outputs=["monsite-xss-9", "monsite-xss-10"])
    return write


# --------------------------------------------------------------------------- hostile school ids

HOSTILE_IDS = ["../../../../tmp/monsite-hostile-id", "a/b\\c", "..", ".", "CON", "nul", "Com1", "lpt9", "index.html",
               "assets", "data", "%2e%2e%2f", "sch 1", "<script>x</script>", "~root", "-rf", "x" * 300, "ОО № 1",
               "Sch1", "sch1", "SCH1"]


def ids_tables(ids):
    """One school per id, each with its Кадры and Развитие rows (copied from sch01)."""
    t = mc.base_tables()
    oo, kadry, razv = t["ОО"], t["Кадры"], t["Развитие"]
    base_oo, base_k, base_r = oo[1], kadry[1], razv[1]
    oo[1:], kadry[1:], razv[1:] = [], [], []
    for i, sid in enumerate(ids):
        oo.append([sid, f"Школа {i}"] + base_oo[2:])
        kadry.append([sid] + base_k[1:])
        razv.append([sid] + base_r[1:])
    return t


@case()
def hostile_school_ids_xlsx():
    """School codes made of ../, slashes, dots, reserved names (CON, NUL,
    index.html, assets, data), 300 characters, markup: every page path is
    derived safely inside public/ and every code is published only as text."""
    def write(root):
        write_files(root, mc.layout_book(ids_tables(HOSTILE_IDS)))
        return expect(0, outside=["/tmp/monsite-hostile-id"], roundtrip=list(HOSTILE_IDS), markup=True,
                      distinct_school_pages=len(HOSTILE_IDS))
    return write


@case()
def hostile_school_ids_csv():
    def write(root):
        write_files(root, mc.layout_csv(ids_tables(HOSTILE_IDS)))
        return expect(0, outside=["/tmp/monsite-hostile-id"], roundtrip=list(HOSTILE_IDS), markup=True,
                      distinct_school_pages=len(HOSTILE_IDS))
    return write


def fnv_hash(text):
    """util::slug's hash of a code (FNV-1a, 64 bits, 8 hex digits low nibble first)."""
    h = 1469598103934665603
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return "".join("0123456789abcdef"[(h >> (4 * i)) & 0xF] for i in range(8))


@case()
def school_id_forging_another_page():
    """A school code chosen to be the page name another code is given
    ("sch 1" is published as sch-1-<hash>): one school would overwrite the
    other's page. Refused, naming both cells."""
    def write(root):
        forged = "sch-1-" + fnv_hash("sch 1")
        write_files(root, mc.layout_book(ids_tables(["sch 1", forged])))
        return expect(2, [f"{D}/мониторинг.xlsx: ОО!A3: код ОО «{forged}» даёт то же имя страницы школы («{forged}»), "
                          f"что и код «sch 1» ({D}/мониторинг.xlsx: ОО!A2); измените один из кодов"])
    return write


@case()
def school_id_forging_across_years():
    """The same forgery across years: 2024 has «sch 1», 2025 the forged code."""
    def write(root):
        forged = "sch-1-" + fnv_hash("sch 1")
        write_files(root, mc.layout_book(ids_tables([forged])))
        earlier = os.path.join(root, "data", "2024")
        os.makedirs(earlier)
        for name, data in mc.layout_book(ids_tables(["sch 1"])).items():
            with open(os.path.join(earlier, name), "wb") as f:
                f.write(data)
        return expect(2, [f"{D}/мониторинг.xlsx: ОО!A2: код ОО «{forged}» даёт то же имя страницы школы"])
    return write


@case()
def control_characters_in_texts_xlsx():
    """_x0000_ (NUL) and _x0007_ (BEL) escapes in a name, a short name and a
    school code: a NUL cuts a text short in other programs (monitoring.xlsx
    included): each is an error naming the cell."""
    def write(root):
        t = mc.base_tables()
        mc.put(t, "ОО", "sch02", "Наименование ОО", "МБОУ_x0000_Гимназия")
        mc.put(t, "ОО", "sch03", "Краткое наименование", "Берёзовская_x0007_ООШ")
        mc.find_row(t["Кадры"], "sch03")[0] = "sch03_x0000_"  # a school code with a NUL
        write_files(root, mc.layout_book(t))
        return expect(2, [f"{D}/мониторинг.xlsx: ОО!B3 («Наименование ОО», школа sch02): в тексте есть управляющий символ U+0000",
                          f"{D}/мониторинг.xlsx: ОО!C4 («Краткое наименование», школа sch03): в тексте есть управляющий символ U+0007",
                          f"{D}/мониторинг.xlsx: Кадры!A4 («Код ОО»): в тексте есть управляющий символ U+0000",
                          f"{D}/мониторинг.xlsx: ОО!A4: для школы «sch03» нет строки в таблице «Кадры»",
                          "Найдено ошибок: 4,"])
    return write


@case()
def control_characters_in_texts_csv():
    def write(root):
        t = mc.base_tables()
        mc.put(t, "ОО", "sch02", "Наименование ОО", "МБОУ\x1bГимназия")
        t["Меры"] = mc.measures_table()
        mc.put(t, "Меры", "Муниципальный конкурс «Педагог года»", "Документ", "Положение\x7f")
        write_files(root, mc.layout_csv(t))
        return expect(2, [f"{D}/ОО.csv: строка 3, столбец 2 («Наименование ОО», школа sch02): в тексте есть управляющий символ U+001B",
                          f"{D}/Меры.csv: строка 4, столбец 8 («Документ»): в тексте есть управляющий символ U+007F",
                          "Найдено ошибок: 2,"])
    return write


@case()
def school_ids_same_slug():
    """Codes that differ only where a path could not show it (case, spaces,
    punctuation) still get distinct pages: nothing overwritten."""
    def write(root):
        ids = ["sch 1", "sch-1", "sch_1", "SCH-1", "sch.1", "sch/1", "sch\\1", "sch%201"]
        write_files(root, mc.layout_book(ids_tables(ids)))
        return expect(0, roundtrip=ids, distinct_school_pages=len(ids))
    return write


# --------------------------------------------------------------------------- personal data

PERSONAL = {
    "ФИО директора": ["Иванова Мария Петровна", "Петров Сергей Иванович", "Сидорова Анна Викторовна"],
    "СНИЛС": ["123-456-789 01", "234-567-890 12", "345-678-901 23"],
    "Телефон": ["+7 (912) 345-67-89", "8-912-000-11-22", "+79120001133"],
    "E-mail": ["ivanova.mp@school1.example", "petrov@school2.example", "sidorova@school3.example"],
    "Дата рождения": ["12.03.1978", "01.01.1965", "30.11.1980"],
    "Электронная почта": ["mail1@school.example", "mail2@school.example", "mail3@school.example"],
    "Адрес проживания": ["г. Заречный, ул. Ленина, д. 1, кв. 2", "с. Берёзовка, ул. Мира, 5", "ул. Садовая, 7"],
}


def personal_tables():
    t = mc.base_tables()
    for table in ("ОО", "Кадры"):
        rows = t[table]
        for header, values in PERSONAL.items():
            rows[0].insert(1, header)
            for row, value in zip(rows[1:], values):
                row.insert(1, value)
    t["Педагоги"] = mc.teachers_table()
    teachers = t["Педагоги"]
    teachers[0] += ["ФИО", "Дата рождения"]
    fio = ["Кузнецова Ольга Ивановна", "Смирнов Павел Андреевич", "Орлова Ирина Сергеевна", "Волков Денис Олегович",
           "Зайцева Юлия Романовна"]
    for row, name in zip(teachers[1:], fio):
        row += [name, "05.06.1990"]
    values = [v for vs in PERSONAL.values() for v in vs] + fio + ["05.06.1990"]
    return t, values


@case()
def personal_data_columns():
    """ФИО, СНИЛС, телефон, e-mail, дата рождения, адрес next to valid data in
    ОО, Кадры and Педагоги: the build succeeds, each column is named in a
    warning, and no personal value appears in any output file or message."""
    def write(root):
        t, values = personal_tables()
        write_files(root, mc.layout_book(t))
        warnings = []
        for header in PERSONAL:
            warnings.append(f"столбец «{header}» содержит персональные данные; он не читается и не публикуется")
        warnings.append(f"{D}/мониторинг.xlsx: Педагоги!K1: предупреждение: столбец «ФИО» содержит персональные данные")
        return expect(0, stderr=warnings, absent=values + ["12345678901", "79123456789", "9123456789"])
    return write


@case()
def personal_data_columns_csv():
    def write(root):
        t, values = personal_tables()
        write_files(root, mc.layout_csv(t))
        return expect(0, stderr=[f"{D}/ОО.csv: строка 1, столбец 2: предупреждение: столбец «Адрес проживания» содержит "
                                 "персональные данные"], absent=values)
    return write


# --------------------------------------------------------------------------- main


def list_cases():
    return [(name, fn.heavy, fn.timeout) for name, fn in CASES.items()]


def generate(name, folder):
    os.makedirs(folder, exist_ok=True)
    writer = CASES[name]()
    expectation = json.loads(json.dumps(writer(folder)))  # as the runner reads it: lists, not tuples
    with open(os.path.join(folder, "expect.json"), "w", encoding="utf-8") as f:
        json.dump(expectation, f, ensure_ascii=False, indent=1)
    return expectation


def main():
    args = sys.argv[1:]
    if args == ["--list"]:
        for name, heavy, timeout in list_cases():
            print(name, "heavy" if heavy else "light", timeout or "")
        return
    if len(args) != 2 or args[0] not in CASES:
        sys.exit(__doc__)
    generate(args[0], args[1])


if __name__ == "__main__":
    main()
