#!/usr/bin/env python3
"""Writes the warning fixtures of tests/warnings/.

Every case is a folder tests/warnings/<case>/ holding

  data/<year>/...   a small data folder (made with tests/invalid/make_cases.py's
                    helpers) that passes the check, with the slip the case is about;
  expected.txt      lines that must appear (as substrings) in the output of
                    `monsite check --data data [args]` (tests/run_warning_case.sh);
  absent.txt        (optional) lines that must not appear in it;
  args.txt          (optional) more arguments, e.g. -v;
  status.txt        (optional) the exit status, 0 if absent.

Run it from anywhere: python3 tests/warnings/make_warning_cases.py [case ...]
The script owns only the folders named in CASES; it deletes and rewrites them.
"""

import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "invalid"))
import make_cases as mc  # noqa: E402

CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def years(**by_year):
    """Files of several year folders: years(y2024={...}, y2025={...})."""
    out = {}
    for key, files in by_year.items():
        for name, data in files.items():
            out[f"{key[1:]}/{name}"] = data
    return out


def add_merges(sheet_names, merges_by_sheet):
    """An edit for mc.xlsx(): a <mergeCells> block after the sheet data of each named sheet."""
    def edit(parts):
        for name, refs in merges_by_sheet.items():
            part = mc.sheet_part(sheet_names, name)
            block = f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs) + \
                "</mergeCells>"
            parts[part] = parts[part].replace("</sheetData>", "</sheetData>" + block, 1)
    return edit


def with_rows_above(table, rows_above):
    """The table with `rows_above` (title lines, blank rows, notes) above its header."""
    return [list(r) for r in rows_above] + table


OK = "Ошибок нет: данные соответствуют формату."


# ---- headers helper (issue 10): missing columns, header slips, header rows

@case
def missing_column_cat_highest():
    """«Высшая квалификационная категория» deleted from Кадры in 2025 (2024 had it):
    a warning naming the column, the file and sheet, the indicator that loses its value."""
    t24 = mc.base_tables()
    t25 = mc.base_tables()
    col = mc.column(t25["Кадры"], "Высшая квалификационная категория")
    for row in t25["Кадры"]:
        del row[col]
    files = years(y2024={"мониторинг.xlsx": mc.xlsx(mc.book_sheets(t24))},
                  y2025={"мониторинг.xlsx": mc.xlsx(mc.book_sheets(t25))})
    return files, {
        "expected": [
            "data/2025/мониторинг.xlsx: Кадры: предупреждение: нет столбца «Высшая квалификационная категория», "
            "хотя в данных 2024 года он заполнен; без него для школ из этой таблицы не будет рассчитан показатель "
            "«Доля педагогов с высшей и первой квалификационными категориями»",
            OK,
        ],
        "absent": ["data/2024/мониторинг.xlsx: Кадры: предупреждение: нет столбца «Высшая"],
    }


@case
def header_slip_mentors():
    """«Педагоги наставники» for «Педагоги-наставники»: the unknown column gets a
    suggestion, and the missing one names the indicator it feeds and the close column."""
    t = mc.base_tables()
    dev = t["Развитие"]
    dev[0][mc.column(dev, "Педагоги-наставники")] = "Педагоги наставники"
    return mc.year(mc.layout_book(t)), {
        "expected": [
            "data/2025/мониторинг.xlsx: Развитие!H1: предупреждение: столбец «Педагоги наставники» не предусмотрен "
            "форматом данных и пропущен; возможно, имелся в виду столбец «Педагоги-наставники»",
            "data/2025/мониторинг.xlsx: Развитие: предупреждение: нет столбца «Педагоги-наставники»; без него для "
            "школ из этой таблицы не будет рассчитан показатель «Доля педагогов-наставников»; возможно, это "
            "столбец «Педагоги наставники» (H1)",
            OK,
        ],
    }


TITLE_2024 = "Сведения о кадрах общеобразовательных организаций Заречного округа на 01.09.2024"
TITLE_2025 = "Сведения о кадрах общеобразовательных организаций\nЗаречного муниципального округа на 01.09.2025"


@case
def title_rows_above_header():
    """Real forms: a title row (merged in XLSX, two lines of text), a blank row and
    a note above the header. 2024 as CSV files, 2025 as one workbook, same values:
    both read with no error and no unknown column; -v says where each header was."""
    t = mc.base_tables()
    above_csv = [[TITLE_2024], [], ["Заполняет ОО"]]
    csv_tables = {name: with_rows_above(rows, above_csv) for name, rows in t.items()}
    # Excel pads every line of a `;` file to the sheet's width; a hand-made file does not (ОО, Развитие).
    width = len(t["Кадры"][0])
    csv_tables["Кадры"] = with_rows_above(t["Кадры"], [[TITLE_2024] + [None] * (width - 1), [None] * width,
                                                       ["Заполняет ОО"] + [None] * (width - 1)])
    files24 = mc.layout_csv(csv_tables)

    above_book = [[TITLE_2025], [], ["Заполняет общеобразовательная организация", None, None, "форма 1"]]
    book_tables = {name: with_rows_above(rows, above_book) for name, rows in t.items()}
    book_tables["ОО"] = with_rows_above(t["ОО"], [["Реестр общеобразовательных организаций"], []])
    sheets = mc.book_sheets(book_tables)
    merges = {"ОО": ["A1:G1"], "Кадры": ["A1:K1"], "Развитие": ["A1:I1", "A3:C3"]}
    files25 = {"мониторинг.xlsx": mc.xlsx(sheets, add_merges(sheets, merges))}
    return years(y2024=files24, y2025=files25), {
        "args": "-v",
        "expected": [
            "data/2024/Кадры.csv: строка заголовков — 4",
            "data/2024/ОО.csv: строка заголовков — 4",
            "data/2024/Развитие.csv: строка заголовков — 4",
            "data/2025/мониторинг.xlsx: ОО: строка заголовков — 3",
            "data/2025/мониторинг.xlsx: Кадры: строка заголовков — 4",
            "data/2025/мониторинг.xlsx: Развитие: строка заголовков — 4",
            "2024: 3 школы, 3 файла; строк: ОО — 3, Кадры — 3, Развитие — 3",
            "2025: 3 школы, 1 файл; строк: ОО — 3, Кадры — 3, Развитие — 3",
            OK,
        ],
        "absent": ["не предусмотрен форматом данных", "нет обязательного столбца"],
    }


YOUNG = ["Молодые специалисты со стажем до 3 лет", "Молодые специалисты со стажем до 1 года",
         "Молодые специалисты, имеющие наставника"]
YOUNG_SUB = ["со стажем до 3 лет", "со стажем до 1 года", "имеющие наставника"]


def two_row_staff(table):
    """Кадры with a two-row header: «Молодые специалисты» over its three sub-captions,
    every other caption on the upper row alone (merged down over both rows in XLSX)."""
    header = table[0]
    first = header.index(YOUNG[0])
    assert header[first:first + 3] == YOUNG
    upper = list(header)
    lower = [None] * len(header)
    upper[first:first + 3] = ["Молодые специалисты", None, None]
    lower[first:first + 3] = YOUNG_SUB
    return [upper, lower] + table[1:], first + 1  # the 1-based column of the group


@case
def two_row_header():
    """A two-row header: a group caption over three sub-captions. 2025: a workbook
    with merged cells (the group merged across, the others merged down) under a
    title row; 2024: CSV, where the group caption stands in its first column only
    (no merges) and is carried to the right. Every column is found."""
    t = mc.base_tables()
    staff, group = two_row_staff(t["Кадры"])
    files24 = mc.layout_csv(dict(t, **{"Кадры": staff}))

    staff25 = [["Сведения о кадрах на 01.09.2025"]] + staff
    sheets = mc.book_sheets(dict(t, **{"Кадры": staff25}))
    width = len(staff[0])
    refs = [f"A1:{mc.col_letters(width)}1"]
    for c in range(1, width + 1):
        if c == group:
            refs.append(f"{mc.col_letters(c)}2:{mc.col_letters(c + 2)}2")
        elif not group < c <= group + 2:
            refs.append(f"{mc.col_letters(c)}2:{mc.col_letters(c)}3")
    files25 = {"мониторинг.xlsx": mc.xlsx(sheets, add_merges(sheets, {"Кадры": refs}))}
    return years(y2024=files24, y2025=files25), {
        "args": "-v",
        "expected": [
            "data/2024/Кадры.csv: строки заголовков — 1–2",
            "data/2025/мониторинг.xlsx: Кадры: строки заголовков — 2–3",
            "2024: 3 школы, 3 файла; строк: ОО — 3, Кадры — 3, Развитие — 3",
            "2025: 3 школы, 1 файл; строк: ОО — 3, Кадры — 3, Развитие — 3",
            OK,
        ],
        "absent": ["не предусмотрен форматом данных", "нет столбца «Молодые специалисты",
                   "нет обязательного столбца"],
    }


# --------------------------------------------------------------------------- writing


def write_case(name, fn):
    files, spec = fn()
    folder = os.path.join(HERE, name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    mc.write_tree(os.path.join(folder, "data"), files)

    def lines(file_name, items):
        with open(os.path.join(folder, file_name), "w", encoding="utf-8", newline="\n") as f:
            for line in items:
                f.write(line + "\n")

    lines("expected.txt", spec["expected"])
    if spec.get("absent"):
        lines("absent.txt", spec["absent"])
    if spec.get("args"):
        lines("args.txt", [spec["args"]])
    if spec.get("status"):
        lines("status.txt", [str(spec["status"])])


def main():
    names = sys.argv[1:] or list(CASES)
    for name in names:
        if name not in CASES:
            sys.exit(f"unknown case {name}")
        write_case(name, CASES[name])
    print(f"wrote {len(names)} cases")


if __name__ == "__main__":
    main()
