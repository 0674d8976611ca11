#!/usr/bin/env python3
"""Writes the invalid-data fixtures of tests/invalid/.

Every case is a folder tests/invalid/<case>/ holding

  data/<year>/...   a complete small data folder (three schools; tables ОО,
                    Кадры, Развитие and sometimes Педагоги, Меры) that is valid
                    except for the one defect the case is about;
  expected.txt      lines that must appear (as substrings) in the error output
                    of `monsite check --data data`, which must exit with 2
                    (tests/run_invalid_case.sh);
  status.txt, args.txt, content/, themes/
                    optional: another exit status (1 for the configuration
                    and site-file cases), extra arguments, the site's pages and themes.

The spreadsheets are made by hand here, with the standard library only: XLSX
and ODS are small zip packages written part by part, with fixed timestamps, so
that running the script again gives the same bytes. Run it from anywhere:

    python3 tests/invalid/make_cases.py            # rewrite every case folder
    python3 tests/invalid/make_cases.py --valid D  # also write the defect-free
                                                   # data in every layout to D/<layout>/data
                                                   # (to check that it passes)

The script owns only the folders named in CASES; it deletes and rewrites them.
"""

import argparse
import io
import os
import shutil
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = "2025"
ZIP_TIME = (2025, 9, 1, 0, 0, 0)

# --------------------------------------------------------------------------- cell values


class Pct:
    """A number shown with a percent format (Excel stores the fraction)."""

    def __init__(self, fraction):
        self.fraction = fraction


# --------------------------------------------------------------------------- the valid data

SCHOOLS = ["sch01", "sch02", "sch03"]


def base_tables():
    """The defect-free year: three schools, every part within its whole."""
    return {
        "ОО": [
            ["Код ОО", "Наименование ОО", "Краткое наименование", "Тип ОО", "Кластер", "Территория",
             "Число обучающихся"],
            ["sch01", "МБОУ «Средняя общеобразовательная школа № 1»", "СОШ № 1", "СОШ", "Город", "город", 820],
            ["sch02", "МБОУ «Гимназия № 2»", "Гимназия № 2", "гимназия", "Город", "город", 640],
            ["sch03", "МКОУ «Берёзовская основная общеобразовательная школа»", "Берёзовская ООШ", "ООШ", "Село",
             "село", 95],
        ],
        # B teachers_total, C vacancies, D under_35, E young_0_3, F young_0_1,
        # G young_with_mentor, H cat_highest, I cat_first, J higher_ed, K avg_age
        "Кадры": [
            ["Код ОО", "Всего педагогических работников", "Вакансии", "Педагоги в возрасте до 35 лет",
             "Молодые специалисты со стажем до 3 лет", "Молодые специалисты со стажем до 1 года",
             "Молодые специалисты, имеющие наставника", "Высшая квалификационная категория",
             "Первая квалификационная категория", "С высшим образованием", "Средний возраст"],
            ["sch01", 52, 3, 11, 6, 2, 5, 18, 20, 48, 44.5],
            ["sch02", 41, 1, 9, 4, 1, 4, 17, 15, 41, 46.2],
            ["sch03", 12, 2, 2, 1, 1, 1, 3, 5, 9, 51],
        ],
        # B diagnosed, C deficits_found, D with_iom, E iom_active, F courses,
        # G courses_distance, H mentors, I mentoring_model
        "Развитие": [
            ["Код ОО", "Прошли диагностику профессиональных дефицитов", "Выявлены профессиональные дефициты",
             "Имеют индивидуальный образовательный маршрут", "Участвуют в мероприятиях по ИОМ",
             "Прошли повышение квалификации за год", "Из них в дистанционной форме", "Педагоги-наставники",
             "Реализуется целевая модель наставничества"],
            ["sch01", 40, 15, 12, 10, 20, 8, 6, "да"],
            ["sch02", 35, 10, 10, 9, 14, 5, 4, "да"],
            ["sch03", 10, 6, 4, 3, 4, 4, 1, "нет"],
        ],
    }


def teachers_table():
    # A teacher_id, B school_id, C subject, D age, E experience, F category,
    # G diag_score, H deficit, I iom, J mentor
    return [
        ["Код педагога", "Код ОО", "Предмет", "Возраст", "Педагогический стаж, лет", "Категория",
         "Результат диагностики, %", "Выявлен дефицит", "ИОМ", "Есть наставник"],
        ["П-0101", "sch01", "Математика", 34, 9, "первая", 72, "нет", "нет", "нет"],
        ["П-0102", "sch01", "Русский язык", 27, 2, "без категории", 48, "да", "да", "да"],
        ["П-0103", "sch01", "Физика", 51, 28, "высшая", 81, "нет", "нет", "нет"],
        ["П-0201", "sch02", "История", 45, 20, "высшая", 66, "да", "да", "нет"],
        ["П-0202", "sch02", "Биология", 24, 1, "без категории", None, None, None, "да"],
    ]


def measures_table():
    # A measure, B kind, C direction, D indicator, E school_id, F period, G responsible, H document
    return [
        ["Мероприятие", "Вид решения", "Направление", "Показатель", "Код ОО", "Срок", "Ответственный",
         "Документ"],
        ["Муниципальный семинар «Диагностика профессиональных дефицитов»", "организующее", "diagnostics",
         "diag_coverage", None, "октябрь 2025", "Муниципальная методическая служба", "Приказ УО № 112"],
        ["Закрепление наставников за молодыми специалистами", "контролирующее",
         "Поддержка молодых педагогов и наставничество", "mentor_coverage", "sch03", "сентябрь 2025",
         "Директор ОО", "Приказ ОО № 45"],
        ["Муниципальный конкурс «Педагог года»", "стимулирующее", "mastery", "competitions_share", None,
         "февраль 2026", "Управление образования", "Положение о конкурсе"],
    ]


def find_row(table, key):
    for row in table[1:]:
        if row and row[0] == key:
            return row
    raise KeyError(key)


def column(table, header):
    return table[0].index(header)


def put(tables, name, key, header, value):
    """Sets one cell: table `name`, the row whose first cell is `key`, column `header`."""
    table = tables[name]
    row = find_row(table, key)
    col = column(table, header)
    while len(row) <= col:
        row.append(None)
    row[col] = value


# --------------------------------------------------------------------------- zip packages


def zip_bytes(parts, stored=()):
    """A zip with fixed timestamps and attributes; `parts` is a list of (name, bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 0
            info.external_attr = 0
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=6 if name not in stored else None)
    return out.getvalue()


def col_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def number_text(v):
    if isinstance(v, bool):
        raise TypeError("booleans are written as text here")
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer()):
        return str(int(v))
    return repr(v)


# --------------------------------------------------------------------------- XLSX

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

STYLES_XML = (XML_DECL +
              f'<styleSheet xmlns="{NS_MAIN}">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')


def sheet_xml(rows, strings):
    """A worksheet part. `strings` is the shared string list, extended in place."""
    lines = [XML_DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row, start=1):
            ref = f"{col_letters(c)}{r}"
            if v is None:
                continue
            if isinstance(v, Pct):
                cells.append(f'<c r="{ref}" s="1"><v>{number_text(v.fraction)}</v></c>')
            elif isinstance(v, str):
                if v not in strings:
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{strings.index(v)}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{number_text(v)}</v></c>')
        if cells:
            lines.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    lines.append("</sheetData></worksheet>")
    return "\n".join(lines)


def shared_strings_xml(strings):
    items = []
    for s in strings:
        space = ' xml:space="preserve"' if s != s.strip() else ""
        items.append(f"<si><t{space}>{escape(s)}</t></si>")
    return (XML_DECL + f'<sst xmlns="{NS_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">' +
            "".join(items) + "</sst>")


def xlsx_parts(sheets):
    """The parts of a workbook, as a dict name -> text (ordered as written).

    `sheets` is a list of (sheet name, rows); sheet i is xl/worksheets/sheet<i>.xml.
    """
    strings = []
    bodies = [sheet_xml(rows, strings) for _, rows in sheets]
    n = len(sheets)
    content_types = (XML_DECL +
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
                     "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                             for i in range(1, n + 1)) +
                     '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                     '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                     '</Types>')
    package_rels = (XML_DECL + f'<Relationships xmlns="{NS_PKG_REL}">'
                    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
                    '</Relationships>')
    workbook = (XML_DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>' +
                "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                        for i, (name, _) in enumerate(sheets, start=1)) +
                "</sheets></workbook>")
    workbook_rels = (XML_DECL + f'<Relationships xmlns="{NS_PKG_REL}">' +
                     "".join(f'<Relationship Id="rId{i}" Type="{NS_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                             for i in range(1, n + 1)) +
                     f'<Relationship Id="rId{n + 1}" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/>'
                     f'<Relationship Id="rId{n + 2}" Type="{NS_REL}/styles" Target="styles.xml"/>'
                     "</Relationships>")
    parts = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
    }
    for i, body in enumerate(bodies, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = body
    parts["xl/sharedStrings.xml"] = shared_strings_xml(strings)
    parts["xl/styles.xml"] = STYLES_XML
    return parts


def sheet_part(sheets, name):
    for i, (n, _) in enumerate(sheets, start=1):
        if n == name:
            return f"xl/worksheets/sheet{i}.xml"
    raise KeyError(name)


def pack_xlsx(parts):
    return zip_bytes([(k, v.encode("utf-8") if isinstance(v, str) else v) for k, v in parts.items()])


def xlsx(sheets, edit=None):
    """A workbook file; `edit(parts)` may change the parts before they are zipped."""
    parts = xlsx_parts(sheets)
    if edit:
        edit(parts)
    return pack_xlsx(parts)


# --------------------------------------------------------------------------- ODS

NS_ODS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def ods_content(sheets):
    ns = " ".join(f'xmlns:{k}="{v}"' for k, v in NS_ODS.items())
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<office:document-content {ns} office:version="1.2">',
             "<office:body><office:spreadsheet>"]
    for name, rows in sheets:
        lines.append(f'<table:table table:name="{escape(name)}">')
        for row in rows:
            cells = []
            for v in row:
                if v is None:
                    cells.append("<table:table-cell/>")
                elif isinstance(v, str):
                    cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
                                 "</table:table-cell>")
                elif isinstance(v, Pct):
                    cells.append(f'<table:table-cell office:value-type="percentage" office:value="{number_text(v.fraction)}">'
                                 f"<text:p>{number_text(v.fraction * 100)} %</text:p></table:table-cell>")
                else:
                    t = number_text(v)
                    cells.append(f'<table:table-cell office:value-type="float" office:value="{t}">'
                                 f"<text:p>{t.replace('.', ',')}</text:p></table:table-cell>")
            lines.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        lines.append("</table:table>")
    lines.append("</office:spreadsheet></office:body></office:document-content>")
    return "\n".join(lines) + "\n"


ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">\n'
                f' <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{ODS_MIME}"/>\n'
                ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
                "</manifest:manifest>\n")


def ods(sheets, edit_content=None):
    """An OpenDocument spreadsheet: mimetype first and stored, then the manifest and content.xml."""
    content = ods_content(sheets)
    if edit_content:
        content = edit_content(content)
    return zip_bytes([("mimetype", ODS_MIME.encode()),
                      ("META-INF/manifest.xml", ODS_MANIFEST.encode()),
                      ("content.xml", content.encode("utf-8"))], stored=("mimetype",))


# --------------------------------------------------------------------------- CSV


def csv_text(rows, delimiter=";"):
    """CSV as Excel with Russian settings writes it: `;`, CRLF, quotes where needed."""
    out = []
    for row in rows:
        fields = []
        for v in row:
            if v is None:
                s = ""
            elif isinstance(v, str):
                s = v
            else:
                s = number_text(v).replace(".", ",")
            if any(ch in s for ch in (delimiter, '"', "\n", "\r")):
                s = '"' + s.replace('"', '""') + '"'
            fields.append(s)
        out.append(delimiter.join(fields))
    return "\r\n".join(out) + "\r\n"


def csv_bytes(rows, bom=True):
    return (b"\xef\xbb\xbf" if bom else b"") + csv_text(rows).encode("utf-8")


# --------------------------------------------------------------------------- layouts
#
# A layout turns the tables of a year into files: a dict of file name -> bytes.

INSTRUCTION = [["Заполните листы ОО, Кадры и Развитие по состоянию на 1 сентября 2025 года."]]
ORDER = ["ОО", "Кадры", "Развитие", "Педагоги", "Меры"]


def book_sheets(tables):
    return [("Инструкция", INSTRUCTION)] + [(n, tables[n]) for n in ORDER if n in tables]


def layout_book(tables, edit=None):
    """The department's single workbook мониторинг.xlsx (with an instruction sheet, ignored)."""
    return {"мониторинг.xlsx": xlsx(book_sheets(tables), edit)}


SCHOOL_TABLES = ["Кадры", "Развитие", "Педагоги"]


def school_sheets(tables, school):
    """Sheets of one school's own file: its rows of Кадры, Развитие (and Педагоги)."""
    sheets = []
    for name in SCHOOL_TABLES:
        if name not in tables:
            continue
        table = tables[name]
        key = column(table, "Код ОО")
        rows = [r for r in table[1:] if len(r) > key and r[key] == school]
        sheets.append((name, [table[0]] + rows))
    return sheets


def schools_of(tables):
    """Schools that have a file: every school_id in Кадры or Развитие, in order of first appearance."""
    seen = []
    for name in ("Кадры", "Развитие"):
        for row in tables.get(name, [[]])[1:]:
            if row and row[0] not in seen:
                seen.append(row[0])
    return seen


def layout_schools(tables, edits=None, ods_schools=()):
    """реестр.xlsx (ОО, Меры) from the department, and школа_<n>.xlsx from each school."""
    edits = edits or {}
    reg = [(n, tables[n]) for n in ("ОО", "Меры") if n in tables]
    files = {"реестр.xlsx": xlsx(reg, edits.get("реестр.xlsx"))}
    for school in schools_of(tables):
        n = int(school[3:])
        sheets = school_sheets(tables, school)
        if school in ods_schools:
            files[f"школа_{n}.ods"] = ods(sheets, edits.get(f"школа_{n}.ods"))
        else:
            files[f"школа_{n}.xlsx"] = xlsx(sheets, edits.get(f"школа_{n}.xlsx"))
    return files


def layout_csv(tables):
    """One CSV per table, named by the table."""
    return {f"{n}.csv": csv_bytes(tables[n]) for n in ORDER if n in tables}


# --------------------------------------------------------------------------- cases

D = f"data/{YEAR}"  # how monsite names the year folder in messages
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def errors(n):
    """The summary line: exactly n errors (the fixture has no other defect)."""
    return f"Найдено ошибок: {n},"


def year(files):
    """Files of the single year folder."""
    return {f"{YEAR}/{name}": data for name, data in files.items()}


# ---- section 4: tables and columns


@case
def missing_required_table():
    t = base_tables()
    del t["Развитие"]
    return year(layout_book(t)), [
        f"{D}: нет таблицы «Развитие»: ожидался лист «Развитие» в одной из книг или файл «Развитие.csv»",
        errors(1),
    ]


@case
def missing_required_column():
    t = base_tables()
    col = column(t["Кадры"], "Вакансии")
    for row in t["Кадры"]:
        del row[col]
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры, строка 1: нет обязательного столбца «Вакансии»",
        errors(1),
    ]


@case
def duplicate_header():
    t = base_tables()
    # Column J repeats column C, written differently: case, double space, trailing colon.
    t["Развитие"][0].append("выявлены  профессиональные Дефициты:")
    for row in t["Развитие"][1:]:
        row.append(row[2])
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Развитие!J1: столбец «Выявлены профессиональные дефициты» встречается дважды "
        "(первый раз — C1)",
        errors(1),
    ]


# ---- keys and references


@case
def duplicate_school_id():
    t = base_tables()
    t["ОО"].append(["sch02", "МБОУ «Лицей № 4»", "Лицей № 4", "лицей", "Город", "город", 530])
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: ОО!A5: код ОО «sch02» повторяется в таблице «ОО» "
        f"(впервые: {D}/мониторинг.xlsx: ОО!A3)",
        errors(1),
    ]


@case
def duplicate_teacher_id():
    t = base_tables()
    t["Педагоги"] = teachers_table()
    # sch02's file reuses a code already given to a teacher of sch01.
    find_row(t["Педагоги"], "П-0202")[0] = "П-0102"
    return year(layout_schools(t)), [
        f"{D}/школа_2.xlsx: Педагоги!A3: код педагога «П-0102» повторяется "
        f"(впервые: {D}/школа_1.xlsx: Педагоги!A3)",
        errors(1),
    ]


@case
def unknown_school_in_staff():
    t = base_tables()
    # A fourth school sent its file, but the register has no row for it.
    t["Кадры"].append(["sch04", 23, 0, 5, 2, 1, 2, 6, 9, 20, 43])
    t["Развитие"].append(["sch04", 20, 7, 5, 5, 6, 2, 2, "да"])
    return year(layout_schools(t)), [
        f"{D}/школа_4.xlsx: Кадры!A2: школы с кодом «sch04» нет в таблице «ОО»",
        f"{D}/школа_4.xlsx: Развитие!A2: школы с кодом «sch04» нет в таблице «ОО»",
        errors(2),
    ]


@case
def unknown_school_in_measures():
    t = base_tables()
    t["Меры"] = measures_table()
    put(t, "Меры", "Закрепление наставников за молодыми специалистами", "Код ОО", "sch07")
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Меры!E3: школы с кодом «sch07» нет в таблице «ОО»",
        errors(1),
    ]


@case
def school_without_staff_row():
    t = base_tables()
    # School 3 sent a file with the Развитие sheet only.
    t["Кадры"].remove(find_row(t["Кадры"], "sch03"))
    return year(layout_schools(t)), [
        f"{D}/реестр.xlsx: ОО!A4: для школы «sch03» нет строки в таблице «Кадры»",
        errors(1),
    ]


@case
def school_without_development_row():
    t = base_tables()
    t["Развитие"].remove(find_row(t["Развитие"], "sch02"))
    return year(layout_csv(t)), [
        f"{D}/ОО.csv: строка 3, столбец 1: для школы «sch02» нет строки в таблице «Развитие»",
        errors(1),
    ]


# ---- values


@case
def text_in_count():
    t = base_tables()
    put(t, "Кадры", "sch02", "Вакансии", "много")
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры!C3 («Вакансии», школа sch02): ожидалось целое число ≥ 0, найдено «много»",
        errors(1),
    ]


@case
def negative_count():
    t = base_tables()
    put(t, "Развитие", "sch03", "Прошли повышение квалификации за год", -2)
    put(t, "Развитие", "sch03", "Из них в дистанционной форме", 0)
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Развитие!F4 («Прошли повышение квалификации за год», школа sch03): "
        "ожидалось целое число ≥ 0, найдено «-2»",
        errors(1),
    ]


@case
def fractional_count():
    t = base_tables()
    put(t, "Кадры", "sch03", "Всего педагогических работников", 12.5)
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры!B4 («Всего педагогических работников», школа sch03): "
        "ожидалось целое число ≥ 0, найдено «12.5»",
        errors(1),
    ]


@case
def diag_score_out_of_range():
    t = base_tables()
    t["Педагоги"] = teachers_table()
    put(t, "Педагоги", "П-0102", "Результат диагностики, %", 120)
    put(t, "Педагоги", "П-0201", "Результат диагностики, %", Pct(1.15))  # shown as 115 % in Excel
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Педагоги!G3 («Результат диагностики, %», школа sch01): "
        "ожидалось число от 0 до 100, найдено «120»",
        f"{D}/мониторинг.xlsx: Педагоги!G5 («Результат диагностики, %», школа sch02): "
        "ожидалось число от 0 до 100, найдено «115 %»",
        errors(2),
    ]


@case
def unknown_decision_kind():
    t = base_tables()
    t["Меры"] = measures_table()
    put(t, "Меры", "Муниципальный конкурс «Педагог года»", "Вид решения", "поощряющее")
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Меры!B4 («Вид решения»): ожидалось одно из значений: организующее, активизирующее, "
        "координирующее, контролирующее, стимулирующее, найдено «поощряющее»",
        errors(1),
    ]


@case
def unknown_direction():
    t = base_tables()
    t["Меры"] = measures_table()
    put(t, "Меры", "Закрепление наставников за молодыми специалистами", "Направление", "Цифровизация образования")
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Меры!C3 («Направление», школа sch03): ожидался код направления (diagnostics, mastery, young, communities, "
        "network, staffing, support) или его название, найдено «Цифровизация образования»",
        errors(1),
    ]


@case
def unknown_indicator():
    t = base_tables()
    t["Меры"] = measures_table()
    put(t, "Меры", "Муниципальный семинар «Диагностика профессиональных дефицитов»", "Показатель",
        "diagnostic_coverage")
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Меры!D2 («Показатель»): ожидался код показателя из каталога, найдено «diagnostic_coverage»",
        errors(1),
    ]


@case
def empty_required_value():
    t = base_tables()
    put(t, "ОО", "sch02", "Тип ОО", " ")  # a cell holding only a space is empty
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: ОО!D3 («Тип ОО», школа sch02): обязательное поле не заполнено",
        errors(1),
    ]


# ---- parts and wholes


@case
def part_larger_than_whole():
    t = base_tables()
    put(t, "Развитие", "sch02", "Прошли диагностику профессиональных дефицитов", 45)
    return year(layout_schools(t)), [
        f"{D}/школа_2.xlsx: Развитие!B2: «Прошли диагностику профессиональных дефицитов» (45) больше, чем "
        f"«Всего педагогических работников» (41, {D}/школа_2.xlsx: Кадры!B2)",
        errors(1),
    ]


@case
def deficits_larger_than_diagnosed():
    t = base_tables()
    put(t, "Развитие", "sch01", "Выявлены профессиональные дефициты", 42)
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Развитие!C2: «Выявлены профессиональные дефициты» (42) больше, чем "
        "«Прошли диагностику профессиональных дефицитов» (40, B2)",
        errors(1),
    ]


@case
def categories_larger_than_total():
    t = base_tables()
    put(t, "Кадры", "sch03", "Высшая квалификационная категория", 7)
    put(t, "Кадры", "sch03", "Первая квалификационная категория", 6)
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры!I4: «Высшая квалификационная категория» и «Первая квалификационная "
        "категория» вместе (13) больше, чем «Всего педагогических работников» (12, B4)",
        errors(1),
    ]


@case
def several_errors_at_once():
    t = base_tables()
    put(t, "Кадры", "sch01", "Вакансии", "две")                                 # school 1: text in a count
    put(t, "Развитие", "sch01", "Прошли повышение квалификации за год", 60)      # school 1: 60 > 52 teachers
    put(t, "Развитие", "sch03", "Реализуется целевая модель наставничества", "в проекте")  # school 3: not a yes/no
    return year(layout_schools(t)), [
        f"{D}/школа_1.xlsx: Кадры!C2 («Вакансии», школа sch01): ожидалось целое число ≥ 0, найдено «две»",
        f"{D}/школа_1.xlsx: Развитие!F2: «Прошли повышение квалификации за год» (60) больше, чем "
        f"«Всего педагогических работников» (52, {D}/школа_1.xlsx: Кадры!B2)",
        f"{D}/школа_3.xlsx: Развитие!I2 («Реализуется целевая модель наставничества», школа sch03): "
        "ожидалось «да» или «нет», найдено «в проекте»",
        errors(3),
    ]


# ---- broken files


@case
def truncated_zip():
    files = layout_schools(base_tables())
    data = files["школа_2.xlsx"]
    files["школа_2.xlsx"] = data[: len(data) * 2 // 3]  # the copy stopped two thirds in
    return year(files), [
        f"{D}/школа_2.xlsx: файл повреждён",
    ]


@case
def not_a_zip():
    t = base_tables()
    files = layout_schools(t)
    # A CSV export renamed to .xlsx.
    files["школа_2.xlsx"] = csv_bytes(school_sheets(t, "sch02")[0][1])
    return year(files), [
        f"{D}/школа_2.xlsx: файл не является книгой Excel или OpenDocument (это не zip-архив)",
    ]


@case
def empty_file():
    files = layout_schools(base_tables())
    files["школа_2.xlsx"] = b""
    return year(files), [
        f"{D}/школа_2.xlsx: файл пуст",
    ]


@case
def malformed_xml():
    sheets = school_sheets(base_tables(), "sch02")

    def edit(parts):
        # The closing </c> of B2 is lost: the row ends inside a cell.
        name = sheet_part(sheets, "Кадры")
        parts[name] = parts[name].replace('<c r="B2"><v>41</v></c>', '<c r="B2"><v>41</v>', 1)

    files = layout_schools(base_tables(), edits={"школа_2.xlsx": edit})
    return year(files), [
        f"{D}/школа_2.xlsx: Кадры: повреждённый XML в части xl/worksheets/sheet1.xml (строка 4,",
    ]


@case
def shared_string_out_of_range():
    def edit(parts):
        # C3 (Краткое наименование of sch02) points past the end of sharedStrings.xml.
        name = "xl/worksheets/sheet1.xml"
        head, sep, tail = parts[name].partition('<c r="C3" t="s"><v>')
        assert sep, "C3 not found"
        parts[name] = head + sep + "999" + tail[tail.index("</v>"):]

    files = layout_schools(base_tables(), edits={"реестр.xlsx": edit})
    return year(files), [
        f"{D}/реестр.xlsx: ОО!C3: ссылка на общую строку с индексом 999",
    ]


@case
def cell_ref_beyond_grid():
    t = base_tables()

    def beyond_columns(parts):
        # A cell one column right of XFD, the last column.
        name = sheet_part(school_sheets(t, "sch01"), "Кадры")
        parts[name] = parts[name].replace("</sheetData>", '<row r="5"><c r="XFE5"><v>1</v></c></row></sheetData>')

    def beyond_rows(parts):
        # A row one below 1048576, the last row.
        name = sheet_part(school_sheets(t, "sch02"), "Развитие")
        parts[name] = parts[name].replace(
            "</sheetData>", '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')

    files = layout_schools(t, edits={"школа_1.xlsx": beyond_columns, "школа_2.xlsx": beyond_rows})
    return year(files), [
        f"{D}/школа_1.xlsx: Кадры, строка 5: на листе «Кадры» ссылка на ячейку «XFE5» неверна или за пределами листа",
        f"{D}/школа_2.xlsx: Развитие: на листе «Развитие» номер строки «1048577» неверен или за пределами листа",
    ]


@case
def formula_without_cached_value():
    t = base_tables()

    def edit(parts):
        # Vacancies of sch02 as a formula whose result was never stored (files written by scripts).
        name = sheet_part(book_sheets(t), "Кадры")
        parts[name] = parts[name].replace('<c r="C3"><v>1</v></c>', '<c r="C3"><f>SUM(A1:A2)</f></c>', 1)
        assert "SUM(A1:A2)" in parts[name]

    return year(layout_book(t, edit)), [
        f"{D}/мониторинг.xlsx: Кадры!C3: формула без сохранённого значения",
    ]


@case
def year_folder_not_a_year():
    files = year(layout_book(base_tables()))
    # Last year's copy, kept "just in case" next to the year folders.
    files.update({f"{YEAR}_старое/{name}": data for name, data in layout_book(base_tables()).items()})
    return files, [
        f"data/{YEAR}_старое: папка «{YEAR}_старое» не является годом мониторинга: ожидалось название из "
        "четырёх цифр, например 2025",
    ]


@case
def csv_unterminated_quote():
    t = base_tables()
    files = layout_csv(t)
    m = measures_table()
    lines = csv_text(m).split("\r\n")
    # Line 3: the document field opens a quote that is never closed
    # (no other quote follows in the file).
    assert '"' not in "".join(lines[2:])
    lines[2] = lines[2].replace("Приказ ОО № 45", '"Приказ ОО № 45 О наставничестве')
    files["Меры.csv"] = b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8")
    return year(files), [
        f"{D}/Меры.csv: строка 3, столбец 8: незакрытая кавычка: поле, начатое в строке 3, не закрыто до конца файла",
    ]


@case
def ods_malformed_content():
    def edit(content):
        # A paragraph closed by the cell's end tag: a mismatched tag on the third row line.
        old = '<text:p>10</text:p></table:table-cell>'
        assert old in content
        return content.replace(old, '<text:p>10</table:table-cell>', 1)

    files = layout_schools(base_tables(), edits={"школа_3.ods": edit}, ods_schools=("sch03",))
    return year(files), [
        f"{D}/школа_3.ods: повреждённый XML в части content.xml (строка ",
    ]


BILLION_LAUGHS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


@case
def xml_with_doctype():
    t = base_tables()

    def edit(parts):
        # The sheet starts with a billion-laughs DTD and uses the entity in a cell.
        name = sheet_part(school_sheets(t, "sch02"), "Кадры")
        body = parts[name].split("\n", 1)[1]
        body = body.replace("</sheetData>", '<row r="3"><c r="L3" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
                                            "</sheetData>")
        parts[name] = BILLION_LAUGHS + body

    files = layout_schools(t, edits={"школа_2.xlsx": edit})
    return year(files), [
        f"{D}/школа_2.xlsx: Кадры: повреждённый XML в части xl/worksheets/sheet1.xml",
        "объявление DTD (<!DOCTYPE>) не допускается",
    ]


# ---- configuration and the site's own files (exit status 1): site.toml, content/, themes/
#
# These cases return a third item: files of the case folder beside data/ (status.txt,
# args.txt, content/..., themes/...), see tests/run_invalid_case.sh.

USAGE = {"status.txt": b"1\n"}


def site_toml(*lines):
    """data/site.toml of the example site's kind, with `lines` after two ordinary ones."""
    text = 'municipality = "Заречный муниципальный округ"\nmin_group = 5\n' + "".join(line + "\n" for line in lines)
    return {"site.toml": text.encode("utf-8")}


@case
def base_url_full_address():
    files = year(layout_book(base_tables()))
    files.update(site_toml('base_url = "https://edu.example.ru/monitoring/"'))
    return files, [
        'data/site.toml: строка 3: base_url должен быть путём на сайте, например "/monitoring/"; '
        "полный адрес укажите в site_url",
    ], USAGE


@case
def site_url_not_absolute():
    files = year(layout_book(base_tables()))
    files.update(site_toml('base_url = "/monitoring/"', 'site_url = "edu.example.ru/monitoring/"'))
    return files, [
        "data/site.toml: строка 4: site_url должен быть полным адресом сайта, начинающимся с https:// или http://, "
        'например "https://edu.example.ru/monitoring/"',
    ], USAGE


@case
def language_unknown():
    files = year(layout_book(base_tables()))
    files.update(site_toml('language = "de"'))
    return files, [
        'data/site.toml: строка 3: неизвестный язык «de» в language; допустимые значения: "ru", "en" '
        "(на других языках интерфейса сайта пока нет)",
    ], USAGE


@case
def years_given_twice():
    files = year(layout_book(base_tables()))
    files.update(site_toml("years = [2025, 2025]"))
    return files, [
        "data/site.toml: строка 3: год 2025 указан в years дважды; каждый год публикуется один раз",
    ], USAGE


@case
def content_page_collides():
    extras = dict(USAGE)
    extras["content/about.md"] = "+++\ntitle = \"О мониторинге\"\n+++\nО мониторинге.\n".encode("utf-8")
    # The department's own list of schools would replace (or be replaced by) the generated one.
    extras["content/schools.md"] = "+++\ntitle = \"Школы\"\n+++\nСписок школ округа.\n".encode("utf-8")
    return year(layout_book(base_tables())), [
        "content/schools.md: имя страницы «schools» занято: такой раздел или файл сайта создаёт сам генератор; "
        "переименуйте файл (заняты имена 404, assets, clusters, data, decisions, directions, groups, index, indicators, "
        "methodology, open-data, rating, schools, sitemap, subjects и годы, например 2025)",
    ], extras


def recommendation(name, text):
    """A site's recommendation rule (content/recommendations/<name>), as the department writes it."""
    extras = dict(USAGE)
    extras["content/recommendations/" + name] = text.encode("utf-8")
    return extras


@case
def recommendation_unknown_indicator():
    # A misspelt indicator id in a rule: found before any data is read, with a hint.
    return year(layout_book(base_tables())), [
        "content/recommendations/young-low.md: строка 5: неизвестный показатель «mentor_coverge» в indicator; "
        "возможно, имелось в виду «mentor_coverage»",
    ], recommendation("young-low.md", (
        '+++\ntitle = "Закрепить наставника"\naddressee = "school_head"\n[when]\nindicator = "mentor_coverge"\n'
        'indicator_level = "low"\n+++\nВ {{school}} наставника имеют {{value}} молодых специалистов.\n'))


@case
def recommendation_never_met():
    # A lowest-group school cannot have just moved up: the rule would never apply.
    return year(layout_book(base_tables())), [
        'content/recommendations/group-up.md: строка 6: group = "low" и group_change = "up" не выполняются вместе: '
        "школа, перешедшая вверх, не может оказаться в низшей группе",
    ], recommendation("group-up.md", (
        '+++\ntitle = "Поддержать рост"\naddressee = "school_head"\n[when]\ngroup = "low"\ngroup_change = "up"\n'
        "+++\nОтметить успехи {{school}}.\n"))


@case
def recommendation_front_matter():
    # The closing "+++" forgotten: the whole file would be read as parameters.
    return year(layout_book(base_tables())), [
        "content/recommendations/staffing.md: строка 1: блок параметров рекомендации не закрыт строкой +++",
    ], recommendation("staffing.md", (
        '+++\ntitle = "Укомплектовать штат"\naddressee = "department"\n\nЗакрыть вакансии в {{schools}}.\n'))


@case
def i18n_unknown_key():
    # A site's own texts (i18n/ru.toml beside data/) with a misspelt key: found
    # before any data is read, by check and build alike.
    extras = dict(USAGE)
    extras["i18n/ru.toml"] = "# our words\nnav_school = \"Организации\"\n".encode("utf-8")
    return year(layout_book(base_tables())), [
        "i18n/ru.toml: строка 2: неизвестный ключ текста «nav_school»; возможно, имелось в виду «nav_schools»",
    ], extras


@case
def unknown_partial():
    files = year(layout_book(base_tables()))
    files.update(site_toml('theme = "broken"'))
    extras = dict(USAGE)
    extras["themes/broken/templates/home.mustache"] = (
        "<h1>{{municipality}}, {{year}}</h1>\n<p>{{> nope}}</p>\n".encode("utf-8"))
    return files, [
        "themes/broken/templates/home.mustache: строка 2: неизвестный шаблон {{> nope}}: в теме нет файла "
        "«nope.mustache» (ни в своей теме, ни в теме default)",
    ], extras


@case
def strict_warning():
    t = base_tables()
    # A column the contract does not have: a warning, which --strict makes an error (exit 2).
    t["Кадры"][0].append("Примечание")
    for row in t["Кадры"][1:]:
        row.append("нет")
    return year(layout_csv(t)), [
        f"{D}/Кадры.csv: строка 1, столбец 12: ошибка (строгий режим): столбец «Примечание»",
        # build also counts the chart scripts' warning where node_modules is missing
        ", из них предупреждений в строгом режиме: ",
    ], {"args.txt": b"--strict\n"}

# ---- issue 10 (values): strict numbers, unreadable formats, look-alike codes, folded messages

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the start of every .xls (and .doc) file
EXCEL_RESAVE = ("сохраните файл в Excel как «Книга Excel (*.xlsx)» (Файл → Сохранить как) или в LibreOffice "
                "Calc: «Файл → Сохранить как… → .xlsx или .ods»")


def rename_school(tables, old, new):
    """Gives a school another code in every table."""
    for table in tables.values():
        for row in table[1:]:
            for i, v in enumerate(row):
                if v == old:
                    row[i] = new


@case
def count_with_space_digits():
    t = base_tables()
    put(t, "Кадры", "sch02", "Всего педагогических работников", "4 1")  # 41 or 4 and 1?
    put(t, "ОО", "sch01", "Число обучающихся", "1 200")                  # a thousands group: 1200
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры!B3 («Всего педагогических работников», школа sch02): ожидалось целое число "
        "≥ 0, найдено «4 1»: пробел внутри числа допустим только между группами из трёх цифр («1 200»), иначе "
        "неясно, какое число имелось в виду",
        errors(1),
    ]


@case
def percent_in_count():
    t = base_tables()
    put(t, "Кадры", "sch01", "Вакансии", "45%")      # typed into a text cell
    put(t, "Кадры", "sch02", "Вакансии", Pct(0.45))  # typed as 45% into a number cell: Excel keeps 0.45
    put(t, "Кадры", "sch03", "Вакансии", Pct(0.02))
    return year(layout_schools(t, ods_schools=("sch03",))), [
        f"{D}/школа_1.xlsx: Кадры!C2 («Вакансии», школа sch01): в столбце количества знак % недопустим: укажите "
        "число, например 45, найдено «45%»",
        f"{D}/школа_2.xlsx: Кадры!C2 («Вакансии», школа sch02): в столбце количества знак % недопустим: укажите "
        "число, например 45 (ячейка в процентном формате: смените формат на числовой), найдено «45 %»",
        f"{D}/школа_3.ods: Кадры!C2 («Вакансии», школа sch03): в столбце количества знак % недопустим: укажите "
        "число, например 2 (ячейка в процентном формате: смените формат на числовой), найдено «2 %»",
        errors(3),
    ]


@case
def count_with_unit():
    t = base_tables()
    put(t, "Кадры", "sch03", "Вакансии", "2 шт")
    return year(layout_csv(t)), [
        f"{D}/Кадры.csv: строка 4, столбец 3 («Вакансии», школа sch03): ожидалось целое число ≥ 0, найдено «2 шт»: "
        "в ячейке должно быть только число, без слов, единиц измерения и других знаков",
        errors(1),
    ]


def school_file_replaced(name, data):
    """School 2 sends its file in a format monsite does not read, instead of школа_2.xlsx."""
    files = layout_schools(base_tables())
    del files["школа_2.xlsx"]
    files[name] = data
    return year(files)


@case
def xls_file():
    return school_file_replaced("школа_2.xls", OLE2_MAGIC + bytes(504)), [
        f"{D}/школа_2.xls: файл старого формата Excel (.xls) не читается: " + EXCEL_RESAVE,
        errors(1),  # the school's missing rows follow from it and are not reported again
    ]


@case
def xlsb_file():
    data = zip_bytes([("[Content_Types].xml", b"<Types/>"), ("xl/workbook.bin", bytes(64))])
    return school_file_replaced("школа_2.xlsb", data), [
        f"{D}/школа_2.xlsb: двоичная книга Excel (.xlsb) не читается: " + EXCEL_RESAVE,
        errors(1),
    ]


@case
def numbers_file():
    data = zip_bytes([("Index/Document.iwa", bytes(64)), ("Metadata/Properties.plist", b"<plist/>")])
    return school_file_replaced("школа_2.numbers", data), [
        f"{D}/школа_2.numbers: файл Apple Numbers (.numbers) не читается: откройте файл в Numbers, выберите «Файл → "
        "Экспортировать в → Excel…» и положите в папку года получившийся файл .xlsx вместо этого",
        errors(1),
    ]


@case
def xlsm_not_xlsx():
    # An old .xls renamed to .xlsm: not a zip, no workbook part.
    return school_file_replaced("школа_2.xlsm", OLE2_MAGIC + bytes(504)), [
        f"{D}/школа_2.xlsm: файл .xlsm не является книгой Excel формата .xlsx (Office Open XML) и не читается: " +
        EXCEL_RESAVE,
        errors(1),
    ]


@case
def lookalike_code_cyrillic_o():
    t = base_tables()
    rename_school(t, "sch02", "650025")
    find_row(t["Кадры"], "650025")[0] = "65О025"  # a Cyrillic О typed for the digit 0
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры!A3: школы с кодом «65О025» нет в таблице «ОО»; похоже на «650025»: 3-й знак — "
        "кириллическая буква «О», а не цифра «0»",
        f"{D}/мониторинг.xlsx: ОО!A3: для школы «650025» нет строки в таблице «Кадры»; похоже, её строка записана с "
        f"кодом «65О025» ({D}/мониторинг.xlsx: Кадры!A3)",
        errors(2),
    ]


@case
def lookalike_code_case():
    t = base_tables()
    rename_school(t, "sch01", "sosh1")
    find_row(t["Развитие"], "sosh1")[0] = "SOSH1"
    return year(layout_csv(t)), [
        f"{D}/Развитие.csv: строка 2, столбец 1: школы с кодом «SOSH1» нет в таблице «ОО»; похоже на «sosh1»: "
        "различается только регистр букв (заглавные и строчные)",
        f"{D}/ОО.csv: строка 2, столбец 1: для школы «sosh1» нет строки в таблице «Развитие»; похоже, её строка "
        f"записана с кодом «SOSH1» ({D}/Развитие.csv: строка 2, столбец 1)",
        errors(2),
    ]


@case
def school_missing_from_register_folded():
    t = base_tables()
    t["Педагоги"] = teachers_table()
    # A fourth school sent its file with 55 teachers, but the register has no row for it.
    t["Кадры"].append(["sch04", 55, 0, 12, 5, 2, 4, 20, 21, 50, 42])
    t["Развитие"].append(["sch04", 50, 20, 15, 12, 20, 6, 5, "да"])
    for i in range(1, 56):
        t["Педагоги"].append([f"П-04{i:02d}", "sch04", "Математика", 30 + i % 30, 5, "первая", 60, "нет", "нет",
                              "нет"])
    return year(layout_schools(t)), [
        f"{D}/школа_4.xlsx: Кадры!A2: школы с кодом «sch04» нет в таблице «ОО»",
        f"{D}/школа_4.xlsx: Развитие!A2: школы с кодом «sch04» нет в таблице «ОО»",
        f"{D}/школа_4.xlsx: Педагоги!B2: школы с кодом «sch04» нет в таблице «ОО»; и ещё 54 строки с этим кодом: "
        "B3, B4, B5, B6, B7, …",
        errors(3),
    ]


@case
def repeated_errors_folded():
    t = base_tables()
    # School 2 writes a dash for "none" in five count cells; school 3 in one.
    for header in ["Педагоги в возрасте до 35 лет", "Молодые специалисты со стажем до 3 лет",
                   "Молодые специалисты со стажем до 1 года", "Молодые специалисты, имеющие наставника",
                   "Высшая квалификационная категория"]:
        put(t, "Кадры", "sch02", header, "—")
    put(t, "Кадры", "sch03", "Педагоги в возрасте до 35 лет", "—")
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры!D3 («Педагоги в возрасте до 35 лет», школа sch02): ожидалось целое число ≥ 0, "
        "найдено «—»; и ещё 4 ячейки того же вида: E3, F3, G3, H3",
        f"{D}/мониторинг.xlsx: Кадры!D4 («Педагоги в возрасте до 35 лет», школа sch03): ожидалось целое число ≥ 0, "
        "найдено «—»",
        errors(2),
    ]


# ---- headers (issue 10): the header row is looked for among the first rows


@case
def header_row_not_found():
    """An old form: Кадры's captions are worded differently, so no row among the
    first 20 holds «Код ОО» or two contract columns; the error says where it looked."""
    t = base_tables()
    t["Кадры"] = ([["Сведения о кадрах на 01.09.2025"], ["Школа", "Педагогов всего", "Вакансий"]] +
                  [row[:3] for row in t["Кадры"][1:]])
    return year(layout_book(t)), [
        f"{D}/мониторинг.xlsx: Кадры: нет обязательного столбца «Код ОО»: строка заголовков не найдена среди "
        "первых 20 непустых строк листа (в строке заголовков ожидались обязательные столбцы «Код ОО», "
        "«Всего педагогических работников», «Вакансии»)",
        errors(1),
    ]


# --------------------------------------------------------------------------- writing


def write_tree(root, files):
    for rel, data in sorted(files.items()):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def write_case(name, fn):
    files, expected, *more = fn()
    folder = os.path.join(HERE, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    write_tree(os.path.join(folder, "data"), files)
    with open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8", newline="\n") as f:
        for line in expected:
            f.write(line + "\n")
    if more:
        write_tree(folder, more[0])  # status.txt, args.txt, content/, themes/ beside data/


def write_valid(root):
    """The defect-free data in every layout, to check that each passes."""
    t = base_tables()
    full = base_tables()
    full["Педагоги"] = teachers_table()
    full["Меры"] = measures_table()
    layouts = {
        "book": layout_book(t),
        "book_full": layout_book(full),
        "schools": layout_schools(full),
        "schools_ods": layout_schools(t, ods_schools=("sch03",)),
        "csv": layout_csv(full),
    }
    for name, files in layouts.items():
        folder = os.path.join(root, name)
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        write_tree(os.path.join(folder, "data"), year(files))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--valid", metavar="DIR", help="also write the defect-free data to DIR/<layout>/data")
    parser.add_argument("cases", nargs="*", help="cases to write (default: all)")
    args = parser.parse_args()
    names = args.cases or list(CASES)
    for name in names:
        if name not in CASES:
            sys.exit(f"unknown case {name}")
        write_case(name, CASES[name])
    if args.valid:
        write_valid(args.valid)
    print(f"wrote {len(names)} cases" + (f" and valid layouts in {args.valid}" if args.valid else ""))


if __name__ == "__main__":
    main()
