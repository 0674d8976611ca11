#!/usr/bin/env python3
"""Independent reference implementation (oracle) of data-contract sections 1, 2,
5, 6 (composite, group, rank) and 7 (indicators.csv, schools.csv).

Python 3.11 standard library only.  Exact arithmetic (fractions.Fraction)
throughout.  See README.md in this folder for the interpretations used.

Usage: python3 open_data.py DATA_DIR OUT_DIR [--min-group 5]
"""

import csv
import io
import math
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction

# --------------------------------------------------------------------------
# Contract: tables and fields (section 2)
# --------------------------------------------------------------------------

TEXT, COUNT, NUMBER, BOOL = "text", "count", "number", "bool"

TABLES = {
    "ОО": [
        ("school_id", "Код ОО", TEXT),
        ("name", "Наименование ОО", TEXT),
        ("short_name", "Краткое наименование", TEXT),
        ("type", "Тип ОО", TEXT),
        ("cluster", "Кластер", TEXT),
        ("locality", "Территория", TEXT),
        ("students", "Число обучающихся", COUNT),
    ],
    "Кадры": [
        ("school_id", "Код ОО", TEXT),
        ("teachers_total", "Всего педагогических работников", COUNT),
        ("vacancies", "Вакансии", COUNT),
        ("under_35", "Педагоги в возрасте до 35 лет", COUNT),
        ("young_0_3", "Молодые специалисты со стажем до 3 лет", COUNT),
        ("young_0_1", "Молодые специалисты со стажем до 1 года", COUNT),
        ("young_with_mentor", "Молодые специалисты, имеющие наставника", COUNT),
        ("cat_highest", "Высшая квалификационная категория", COUNT),
        ("cat_first", "Первая квалификационная категория", COUNT),
        ("higher_ed", "С высшим образованием", COUNT),
        ("non_ped_ed", "С непедагогическим образованием", COUNT),
        ("retrained", "Из них прошли профессиональную переподготовку", COUNT),
        ("avg_age", "Средний возраст", NUMBER),
        ("avg_load", "Средняя учебная нагрузка, ставок", NUMBER),
    ],
    "Развитие": [
        ("school_id", "Код ОО", TEXT),
        ("diagnosed", "Прошли диагностику профессиональных дефицитов", COUNT),
        ("deficits_found", "Выявлены профессиональные дефициты", COUNT),
        ("with_iom", "Имеют индивидуальный образовательный маршрут", COUNT),
        ("iom_active", "Участвуют в мероприятиях по ИОМ", COUNT),
        ("courses", "Прошли повышение квалификации за год", COUNT),
        ("courses_distance", "Из них в дистанционной форме", COUNT),
        ("competitions", "Участвовали в конкурсах профессионального мастерства", COUNT),
        ("network", "Включены в сетевые методические объединения и сообщества", COUNT),
        ("events_regional", "Участвовали в мероприятиях регионального и федерального уровня", COUNT),
        ("experts", "Эксперты предметных комиссий и аттестации", COUNT),
        ("method_asset", "Входят в муниципальный методический актив", COUNT),
        ("mentors", "Педагоги-наставники", COUNT),
        ("mentoring_model", "Реализуется целевая модель наставничества", BOOL),
        ("burnout_events", "Мероприятия по профилактике профессионального выгорания", COUNT),
    ],
    "Педагоги": [
        ("teacher_id", "Код педагога", TEXT),
        ("school_id", "Код ОО", TEXT),
        ("subject", "Предмет", TEXT),
        ("age", "Возраст", COUNT),
        ("experience", "Педагогический стаж, лет", NUMBER),
        ("category", "Категория", TEXT),
        ("diag_score", "Результат диагностики, %", NUMBER),
        ("deficit", "Выявлен дефицит", BOOL),
        ("iom", "ИОМ", BOOL),
        ("mentor", "Есть наставник", BOOL),
    ],
    # "Меры" is not needed for sections 5-7 and is not read.
}

# --------------------------------------------------------------------------
# Contract: indicators (section 5), catalogue order
# --------------------------------------------------------------------------
# kind: ratio (num fields summed / den fields summed), sum, wmean,
#       schools (share of schools), diag (mean of Педагоги.diag_score)


def R(i, num, den, unit, better, t1=None, t2=None, sensitive=False):
    return dict(id=i, kind="ratio", num=num, den=den, unit=unit, better=better,
                t1=t1, t2=t2, school=True, sensitive=sensitive)


INDICATORS = [
    R("diag_coverage", ["diagnosed"], ["teachers_total"], "%", "higher", 50, 80),
    R("deficit_rate", ["deficits_found"], ["diagnosed"], "%", "none", sensitive=True),
    dict(id="diag_score_avg", kind="diag", unit="%", better="higher", t1=50, t2=70,
         school=True, sensitive=True),
    R("iom_coverage", ["with_iom"], ["deficits_found"], "%", "higher", 50, 90),
    R("iom_activity", ["iom_active"], ["with_iom"], "%", "higher", 50, 90),
    R("courses_share", ["courses"], ["teachers_total"], "%", "higher", 20, 33),
    R("distance_share", ["courses_distance"], ["courses"], "%", "none"),
    R("competitions_share", ["competitions"], ["teachers_total"], "%", "higher", 5, 15),
    R("retraining_share", ["retrained"], ["non_ped_ed"], "%", "higher", 50, 90),
    R("mentor_coverage", ["young_with_mentor"], ["young_0_3"], "%", "higher", 70, 100),
    R("mentors_share", ["mentors"], ["teachers_total"], "%", "higher", 5, 10),
    R("under35_share", ["under_35"], ["teachers_total"], "%", "higher", 15, 25),
    dict(id="mentoring_model_schools", kind="schools", field="mentoring_model",
         cond=lambda v: v is True, unit="%", better="higher", t1=70, t2=100,
         school=False, sensitive=False),
    R("network_share", ["network"], ["teachers_total"], "%", "higher", 50, 80),
    dict(id="network_schools", kind="schools", field="network",
         cond=lambda v: v > 0, unit="%", better="higher", t1=70, t2=100,
         school=False, sensitive=False),
    R("regional_events_share", ["events_regional"], ["teachers_total"], "%", "higher", 10, 30),
    R("staffing_level", ["teachers_total"], ["teachers_total", "vacancies"], "%", "higher", 95, 100),
    dict(id="vacancies", kind="sum", field="vacancies", unit="count", better="none",
         t1=None, t2=None, school=True, sensitive=False),
    R("qualified_share", ["cat_highest", "cat_first"], ["teachers_total"], "%", "higher", 40, 60),
    dict(id="avg_age", kind="wmean", field="avg_age", unit="years", better="none",
         t1=None, t2=None, school=True, sensitive=False),
    dict(id="avg_load", kind="wmean", field="avg_load", unit="rates", better="none",
         t1=None, t2=None, school=True, sensitive=False),
    dict(id="young_0_1_count", kind="sum", field="young_0_1", unit="count", better="none",
         t1=None, t2=None, school=True, sensitive=False),
    R("experts_share", ["experts"], ["teachers_total"], "%", "higher", 3, 8),
    R("method_asset_share", ["method_asset"], ["diagnosed"], "%", "higher", 5, 15),
    dict(id="burnout_events", kind="sum", field="burnout_events", unit="count", better="none",
         t1=None, t2=None, school=True, sensitive=False),
]


class DataError(Exception):
    pass


# --------------------------------------------------------------------------
# Normalisation and value parsing (section 1)
# --------------------------------------------------------------------------

_TRAIL_PUNCT = ".,;:!?*%…"


def norm_header(s):
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")
    s = s.lower().replace("ё", "е")
    s = re.sub(r"\s+", " ", s).strip()
    while s and (s[-1] in _TRAIL_PUNCT or s[-1].isspace()):
        s = s[:-1]
    return s


def norm_table(s):
    return s.strip().lower()


def exact_from_float_text(text):
    """A number stored as binary-float text -> exact decimal Fraction."""
    x = float(text)
    d = Decimal(repr(x))
    if d.is_finite() and d.as_tuple().exponent < -9 and abs(d) < Decimal(10) ** 15:
        d = d.quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
    return Fraction(d)


_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number_text(text):
    t = text.strip()
    for sp in (" ", "\u00a0", "\u202f", "\u2007", "\u2009", "'"):
        t = t.replace(sp, "")
    pct = False
    if t.endswith("%"):
        t = t[:-1]
        pct = True
    t = t.replace("\u2212", "-").replace(",", ".")
    if not _NUM_RE.match(t):
        raise DataError("not a number: %r" % text)
    return Fraction(Decimal(t))  # a trailing % keeps the value in percent units


_TRUE = {"да", "д", "yes", "true", "1", "+", "истина"}
_FALSE = {"нет", "н", "no", "false", "0", "-", "\u2212", "\u2013", "ложь"}


def cell_is_empty(c):
    return c is None or (c[0] == "str" and c[1].strip() == "")


def convert(cell, ftype):
    """cell: None | ('str', s) | ('num', Fraction) | ('bool', b).  -> value or None."""
    if cell_is_empty(cell):
        return None
    kind, v = cell
    if ftype == TEXT:
        if kind == "str":
            return v.strip()
        if kind == "num":
            return str(v.numerator) if v.denominator == 1 else str(Decimal(v.numerator) / Decimal(v.denominator))
        return "TRUE" if v else "FALSE"
    if ftype in (COUNT, NUMBER):
        if kind == "num":
            x = v
        elif kind == "str":
            x = parse_number_text(v)
        else:
            raise DataError("boolean where a number is expected")
        if ftype == COUNT:
            if x.denominator != 1 or x < 0:
                raise DataError("not a count: %s" % x)
        return x
    if ftype == BOOL:
        if kind == "bool":
            return v
        if kind == "num":
            if v == 1:
                return True
            if v == 0:
                return False
            raise DataError("not a boolean: %s" % v)
        t = v.strip().lower()
        if t in _TRUE:
            return True
        if t in _FALSE:
            return False
        raise DataError("not a boolean: %r" % v)
    raise AssertionError(ftype)


# --------------------------------------------------------------------------
# Readers: each returns a list of (table_name, rows), rows = list of lists of cells
# --------------------------------------------------------------------------

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _col_index(ref):
    m = re.match(r"([A-Za-z]+)(\d+)?", ref)
    n = 0
    for ch in m.group(1).upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1, (int(m.group(2)) if m.group(2) else None)


def _resolve(base_dir, target):
    if target.startswith("/"):
        return target.lstrip("/")
    parts = (base_dir + "/" + target).split("/")
    out = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        elif p and p != ".":
            out.append(p)
    return "/".join(out)


def _si_text(si):
    # text of <t> directly in <si>/<is> or inside <r> runs; phonetic <rPh> excluded
    out = []
    for child in si:
        if child.tag == NS_MAIN + "t":
            out.append(child.text or "")
        elif child.tag == NS_MAIN + "r":
            for t in child.findall(NS_MAIN + "t"):
                out.append(t.text or "")
    return "".join(out)


def _is_percent_format(code):
    code = re.sub(r'"[^"]*"', "", code)
    code = re.sub(r"\\.", "", code)
    code = re.sub(r"\[[^\]]*\]", "", code)
    return "%" in code


def read_xlsx(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {}
    rel_types = {}
    rels_path = "xl/_rels/workbook.xml.rels"
    if rels_path in names:
        for r in ET.fromstring(z.read(rels_path)):
            rels[r.get("Id")] = _resolve("xl", r.get("Target"))
            rel_types[r.get("Type", "").rsplit("/", 1)[-1]] = _resolve("xl", r.get("Target"))
    sst_path = rel_types.get("sharedStrings", "xl/sharedStrings.xml")
    shared = []
    if sst_path in names:
        for si in ET.fromstring(z.read(sst_path)).findall(NS_MAIN + "si"):
            shared.append(_si_text(si))
    styles_path = rel_types.get("styles", "xl/styles.xml")
    pct_styles = set()
    if styles_path in names:
        st = ET.fromstring(z.read(styles_path))
        custom_pct = set()
        nf = st.find(NS_MAIN + "numFmts")
        if nf is not None:
            for f in nf.findall(NS_MAIN + "numFmt"):
                if _is_percent_format(f.get("formatCode", "")):
                    custom_pct.add(int(f.get("numFmtId")))
        cx = st.find(NS_MAIN + "cellXfs")
        if cx is not None:
            for i, xf in enumerate(cx.findall(NS_MAIN + "xf")):
                fid = int(xf.get("numFmtId", "0"))
                if fid in (9, 10) or fid in custom_pct:
                    pct_styles.add(i)
    result = []
    sheets = wb.find(NS_MAIN + "sheets")
    for sh in (sheets if sheets is not None else []):
        name = sh.get("name")
        rid = sh.get(NS_REL + "id")
        target = rels.get(rid)
        if target is None or target not in names:
            continue
        root = ET.fromstring(z.read(target))
        sd = root.find(NS_MAIN + "sheetData")
        rows = {}
        last_r = 0
        for row in (sd if sd is not None else []):
            if row.tag != NS_MAIN + "row":
                continue
            r = int(row.get("r")) if row.get("r") else last_r + 1
            last_r = r
            cells = {}
            last_c = -1
            for c in row.findall(NS_MAIN + "c"):
                ref = c.get("r")
                if ref:
                    ci, _ = _col_index(ref)
                else:
                    ci = last_c + 1
                last_c = ci
                t = c.get("t", "n")
                v = c.find(NS_MAIN + "v")
                vt = v.text if v is not None else None
                val = None
                if t == "s":
                    if vt is not None:
                        val = ("str", shared[int(vt)])
                elif t == "inlineStr":
                    is_ = c.find(NS_MAIN + "is")
                    if is_ is not None:
                        val = ("str", _si_text(is_))
                elif t == "str":
                    if vt is not None:
                        val = ("str", vt)
                elif t == "b":
                    if vt is not None:
                        val = ("bool", vt.strip() in ("1", "true"))
                elif t == "e":
                    val = None
                else:  # n (or d, unexpected)
                    if vt is not None and vt.strip() != "":
                        x = exact_from_float_text(vt)
                        if int(c.get("s", "0")) in pct_styles:
                            x = x * 100
                        val = ("num", x)
                cells[ci] = val
            width = (max(cells) + 1) if cells else 0
            rows[r] = [cells.get(i) for i in range(width)]
        result.append((name, [rows[k] for k in sorted(rows)]))
    return result


NS_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
NS_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
NS_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _odf_text(el):
    out = []
    if el.text:
        out.append(el.text)
    for ch in el:
        if ch.tag == NS_X + "s":
            out.append(" " * int(ch.get(NS_X + "c", "1")))
        elif ch.tag == NS_X + "tab":
            out.append("\t")
        elif ch.tag == NS_X + "line-break":
            out.append("\n")
        else:
            out.append(_odf_text(ch))
        if ch.tail:
            out.append(ch.tail)
    return "".join(out)


def _ods_cell(c):
    vt = c.get(NS_O + "value-type")
    if vt in ("float", "currency"):
        return ("num", exact_from_float_text(c.get(NS_O + "value")))
    if vt == "percentage":
        return ("num", exact_from_float_text(c.get(NS_O + "value")) * 100)
    if vt == "boolean":
        return ("bool", c.get(NS_O + "boolean-value", "").strip().lower() == "true")
    ps = c.findall(NS_X + "p")
    if vt == "string" and c.get(NS_O + "string-value") is not None:
        return ("str", c.get(NS_O + "string-value"))
    if ps:
        return ("str", "\n".join(_odf_text(p) for p in ps))
    return None


def _ods_rows(el, out):
    for ch in el:
        if ch.tag == NS_T + "table-row":
            rep = int(ch.get(NS_T + "number-rows-repeated", "1"))
            cells = []
            for c in ch:
                if c.tag not in (NS_T + "table-cell", NS_T + "covered-table-cell"):
                    continue
                crep = int(c.get(NS_T + "number-columns-repeated", "1"))
                val = _ods_cell(c)
                if cell_is_empty(val):
                    cells.append((None, crep))
                else:
                    cells.append((val, crep))
            # drop trailing empty cells, expand the rest
            while cells and cells[-1][0] is None:
                cells.pop()
            row = []
            for val, crep in cells:
                row.extend([val] * crep)
            if not row:
                out.append([])  # one empty row stands for any number of them
            else:
                for _ in range(rep):
                    out.append(list(row))
        elif ch.tag in (NS_T + "table-header-rows", NS_T + "table-rows", NS_T + "table-row-group"):
            _ods_rows(ch, out)


def read_ods(path):
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read("content.xml"))
    result = []
    for tbl in root.iter(NS_T + "table"):
        rows = []
        _ods_rows(tbl, rows)
        result.append((tbl.get(NS_T + "name"), rows))
    return result


def _decode_csv(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def read_csv(path, table_name):
    text = _decode_csv(open(path, "rb").read())
    known = set()
    for fid, hdr, _ in TABLES.get(table_name, []):
        known.add(norm_header(fid))
        known.add(norm_header(hdr))
    best = None
    for delim in (";", ","):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
        header = next((r for r in rows if any(f.strip() for f in r)), [])
        score = (sum(1 for f in header if norm_header(f) in known), len(header), delim == ";")
        if best is None or score > best[0]:
            best = (score, rows)
    rows = [[("str", f) if f.strip() else None for f in r] for r in best[1]]
    return [(table_name, rows)]


# --------------------------------------------------------------------------
# Loading one year
# --------------------------------------------------------------------------

def table_of(name):
    n = norm_table(name)
    for t in TABLES:
        if norm_table(t) == n:
            return t
    if n == norm_table("Меры"):
        return "Меры"
    return None


def rows_to_records(table, rows):
    fields = TABLES[table]
    lookup = {}
    for fid, hdr, ftype in fields:
        lookup[norm_header(fid)] = (fid, ftype)
        lookup[norm_header(hdr)] = (fid, ftype)
    it = iter(rows)
    header = None
    for r in it:
        if any(not cell_is_empty(c) for c in r):
            header = r
            break
    if header is None:
        return []
    colmap = {}
    for i, c in enumerate(header):
        if cell_is_empty(c):
            continue
        h = c[1] if c[0] == "str" else str(c[1])
        m = lookup.get(norm_header(h))
        if m:
            colmap[i] = m
    recs = []
    for r in it:
        if not any(not cell_is_empty(c) for c in r):
            continue
        rec = {}
        for i, (fid, ftype) in colmap.items():
            cell = r[i] if i < len(r) else None
            rec[fid] = convert(cell, ftype)
        recs.append(rec)
    return recs


def load_year(ydir):
    tables = {t: None for t in TABLES}
    for fn in sorted(os.listdir(ydir)):
        if fn.startswith("~$") or fn.startswith("."):
            continue
        path = os.path.join(ydir, fn)
        if not os.path.isfile(path):
            continue
        low = fn.lower()
        if low.endswith(".xlsx"):
            sheets = read_xlsx(path)
        elif low.endswith(".ods"):
            sheets = read_ods(path)
        elif low.endswith(".csv"):
            stem = fn[:-4]
            t = table_of(stem)
            sheets = read_csv(path, t) if t in TABLES else []
        else:
            continue
        for name, rows in sheets:
            t = table_of(name)
            if t not in TABLES:
                continue
            recs = rows_to_records(t, rows)
            if tables[t] is None:
                tables[t] = []
            tables[t].extend(recs)
    for req in ("ОО", "Кадры", "Развитие"):
        if tables[req] is None:
            raise DataError("%s: required table %s missing" % (ydir, req))
    schools = {}
    for rec in tables["ОО"]:
        sid = rec.get("school_id")
        s = dict(rec)
        if not s.get("short_name"):
            s["short_name"] = s.get("name")
        if not s.get("cluster"):
            s["cluster"] = s.get("type")
        schools[sid] = s
    data = {sid: {} for sid in schools}
    for t in ("Кадры", "Развитие"):
        for rec in tables[t]:
            sid = rec.get("school_id")
            if sid not in data:
                raise DataError("%s: school_id %r of %s not in ОО" % (ydir, sid, t))
            for k, v in rec.items():
                if k != "school_id":
                    data[sid][k] = v
    teachers = tables["Педагоги"]  # None when the year has no Педагоги table
    return schools, data, teachers


# --------------------------------------------------------------------------
# Computation (section 5)
# --------------------------------------------------------------------------

def compute(ind, sids, data, teachers, school_scope):
    """Returns dict(value=Fraction|None, num=int|None, den=int|None, privacy_den=...)."""
    k = ind["kind"]
    if k == "ratio":
        fields = ind["num"] + ind["den"]
        N = D = 0
        any_ = False
        for sid in sids:
            d = data[sid]
            if all(d.get(f) is not None for f in fields):
                any_ = True
                N += sum(d[f] for f in ind["num"])
                D += sum(d[f] for f in ind["den"])
        if not any_ or D == 0:
            return None
        return dict(value=Fraction(N) / D * 100, num=int(N), den=int(D), pden=D)
    if k == "sum":
        vals = [data[s][ind["field"]] for s in sids if data[s].get(ind["field"]) is not None]
        if not vals:
            return None
        return dict(value=Fraction(sum(vals)), num=None, den=None, pden=None)
    if k == "wmean":
        f = ind["field"]
        if school_scope:
            # Section 5: the school's own value only when its weight is above 0;
            # an average over no teachers has no value, as it adds nothing above.
            v = data[sids[0]].get(f)
            w = data[sids[0]].get("teachers_total")
            if v is None or w is None or w <= 0:
                return None
            return dict(value=Fraction(v), num=None, den=None, pden=None)
        S = W = 0
        for sid in sids:
            d = data[sid]
            if d.get(f) is not None and d.get("teachers_total") is not None:
                S += d[f] * d["teachers_total"]
                W += d["teachers_total"]
        if W == 0:
            return None
        return dict(value=Fraction(S) / W, num=None, den=None, pden=None)
    if k == "schools":
        f = ind["field"]
        have = [data[s][f] for s in sids if data[s].get(f) is not None]
        if not have:
            return None
        n = sum(1 for v in have if ind["cond"](v))
        return dict(value=Fraction(n, len(have)) * 100, num=n, den=len(have), pden=len(have))
    if k == "diag":
        ss = set(sids)
        scores = [t["diag_score"] for t in teachers
                  if t.get("school_id") in ss and t.get("diag_score") is not None]
        if not scores:
            return None
        return dict(value=Fraction(sum(scores)) / len(scores), num=None, den=None,
                    pden=len(scores))
    raise AssertionError(k)


def level_of(ind, v):
    b = ind["better"]
    if b == "higher":
        if v < ind["t1"]:
            return "low"
        if v >= ind["t2"]:
            return "high"
        return "medium"
    if b == "lower":
        if v <= ind["t1"]:
            return "high"
        if v > ind["t2"]:
            return "low"
        return "medium"
    return ""


def round_half_away(x, places):
    """Exact Fraction -> string with `places` decimals, half away from zero."""
    x = Fraction(x)
    neg = x < 0
    a = abs(x) * (10 ** places)
    n = math.floor(a + Fraction(1, 2))
    if places == 0:
        s = str(n)
    else:
        s = "%d.%0*d" % (n // 10 ** places, places, n % 10 ** places)
    return ("-" + s) if neg and n != 0 else s


def fmt_value(ind, v):
    if ind["unit"] == "count":
        return round_half_away(v, 0)
    return round_half_away(v, 2)


def utf8_key(s):
    return s.encode("utf-8")


def process_year(year, schools, data, teachers, min_group):
    has_teachers = teachers is not None
    teachers = teachers or []
    sids_all = sorted(schools, key=utf8_key)
    clusters = {}
    for sid in sids_all:
        clusters.setdefault(schools[sid]["cluster"], []).append(sid)
    inds = [i for i in INDICATORS if i["kind"] != "diag" or has_teachers]
    rows = []
    true_values = {}  # (sid, ind_id) -> Fraction

    def emit(scope, entity, ind, res):
        if res is None:
            rows.append([year, scope, entity, ind["id"], "", "", "", "", "no_data"])
            return
        v = res["value"]
        if (ind["sensitive"] and scope in ("school", "cluster")
                and res["pden"] is not None and res["pden"] < min_group):
            rows.append([year, scope, entity, ind["id"], "", "", "", "", "suppressed"])
            return
        num = "" if res["num"] is None else str(res["num"])
        den = "" if res["den"] is None else str(res["den"])
        rows.append([year, scope, entity, ind["id"], fmt_value(ind, v), num, den,
                     level_of(ind, v), ""])

    for ind in inds:
        emit("municipality", "municipality", ind, compute(ind, sids_all, data, teachers, False))
    for cname in sorted(clusters, key=utf8_key):
        for ind in inds:
            emit("cluster", cname, ind, compute(ind, clusters[cname], data, teachers, False))
    for sid in sids_all:
        for ind in inds:
            if not ind["school"]:
                continue
            res = compute(ind, [sid], data, teachers, True)
            if res is not None:
                true_values[(sid, ind["id"])] = res["value"]
            emit("school", sid, ind, res)

    # Composite, group, rank (section 6)
    score = {"low": 0, "medium": 1, "high": 2}
    comp = {}
    for sid in sids_all:
        sc = []
        for ind in inds:
            if ind["school"] and ind["better"] != "none" and (sid, ind["id"]) in true_values:
                sc.append(score[level_of(ind, true_values[(sid, ind["id"])])])
        comp[sid] = Fraction(sum(sc), len(sc)) * 50 if sc else None
    srows = []
    for sid in sids_all:
        c = comp[sid]
        if c is None:
            cs = grp = rk = ""
        else:
            cs = round_half_away(c, 2)
            grp = "high" if c >= 70 else ("medium" if c >= 40 else "low")
            rk = str(1 + sum(1 for o in comp.values() if o is not None and o > c))
        s = schools[sid]
        srows.append([year, sid, s.get("name") or "", s.get("type") or "", s.get("cluster") or "",
                      cs, grp, rk])
    return rows, srows


# --------------------------------------------------------------------------
# Output (section 7)
# --------------------------------------------------------------------------

def csv_field(s):
    s = str(s)
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def inert(s):
    """A text no spreadsheet runs as a formula (OWASP CSV injection): a leading '."""
    s = str(s)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def write_csv(path, header, rows, texts):
    """texts: the columns holding texts from the data (names, ids), made inert."""
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf")
        f.write((",".join(csv_field(x) for x in header) + "\n").encode("utf-8"))
        for r in rows:
            f.write((",".join(csv_field(inert(x) if header[i] in texts else x) for i, x in enumerate(r)) + "\n")
                    .encode("utf-8"))


SCOPE_ORDER = {"municipality": 0, "cluster": 1, "school": 2}


def run(data_dir, out_dir, min_group=5):
    all_rows, all_srows = [], []
    years = sorted(d for d in os.listdir(data_dir)
                   if os.path.isdir(os.path.join(data_dir, d)) and re.fullmatch(r"\d{4}", d))
    for y in years:
        schools, data, teachers = load_year(os.path.join(data_dir, y))
        rows, srows = process_year(y, schools, data, teachers, min_group)
        all_rows.extend(rows)
        all_srows.extend(srows)
    cat = {ind["id"]: i for i, ind in enumerate(INDICATORS)}
    all_rows.sort(key=lambda r: (r[0], SCOPE_ORDER[r[1]], utf8_key(r[2]), cat[r[3]]))
    all_srows.sort(key=lambda r: (r[0], utf8_key(r[1])))
    os.makedirs(out_dir, exist_ok=True)
    write_csv(os.path.join(out_dir, "indicators.csv"),
              ["year", "scope", "entity_id", "indicator_id", "value", "numerator",
               "denominator", "level", "note"], all_rows, {"entity_id"})
    write_csv(os.path.join(out_dir, "schools.csv"),
              ["year", "school_id", "name", "type", "cluster", "composite", "group", "rank"],
              all_srows, {"school_id", "name", "type", "cluster"})
    return len(all_rows), len(all_srows)


def main(argv):
    args = list(argv[1:])
    min_group = 5
    if "--min-group" in args:
        i = args.index("--min-group")
        min_group = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 64
    try:
        n, m = run(args[0], args[1], min_group)
    except DataError as e:
        sys.stderr.write("error: %s\n" % e)
        return 2
    print("indicators.csv: %d rows, schools.csv: %d rows" % (n, m))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
