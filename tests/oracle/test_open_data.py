#!/usr/bin/env python3
"""Hand-made cases for the oracle open_data.py.  Plain asserts, standard library only.

Run: python3 tests/oracle/test_open_data.py
"""

import os
import shutil
import sys
import tempfile
import traceback
import zipfile
from fractions import Fraction

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import open_data as od  # noqa: E402

# ---------------------------------------------------------------- helpers

KADRY = ["school_id", "teachers_total", "vacancies", "under_35", "young_0_3", "young_0_1",
         "young_with_mentor", "cat_highest", "cat_first", "higher_ed", "non_ped_ed",
         "retrained", "avg_age", "avg_load"]
RAZV = ["school_id", "diagnosed", "deficits_found", "with_iom", "iom_active", "courses",
        "courses_distance", "competitions", "network", "events_regional", "experts",
        "method_asset", "mentors", "mentoring_model", "burnout_events"]


def write_csv_table(path, header, rows, delim=";", encoding="utf-8"):
    def q(x):
        x = "" if x is None else str(x)
        if any(c in x for c in (delim, '"', "\n")):
            return '"' + x.replace('"', '""') + '"'
        return x
    text = "".join(delim.join(q(x) for x in r) + "\r\n" for r in [header] + rows)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


def make_year(root, year, schools, kadry, razv, teachers=None):
    """schools: list of (id, name, type, cluster); kadry/razv: dict id -> dict field -> value."""
    yd = os.path.join(root, str(year))
    os.makedirs(yd, exist_ok=True)
    write_csv_table(os.path.join(yd, "ОО.csv"),
                    ["Код ОО", "Наименование ОО", "Тип ОО", "Кластер"],
                    [list(s) for s in schools])
    write_csv_table(os.path.join(yd, "Кадры.csv"), KADRY,
                    [[sid] + [kadry[sid].get(f) for f in KADRY[1:]] for sid in kadry])
    write_csv_table(os.path.join(yd, "Развитие.csv"), RAZV,
                    [[sid] + [razv[sid].get(f) for f in RAZV[1:]] for sid in razv])
    if teachers is not None:
        write_csv_table(os.path.join(yd, "Педагоги.csv"),
                        ["Код педагога", "Код ОО", "Результат диагностики, %"],
                        [list(t) for t in teachers])
    return yd


def run_and_read(root, min_group=5):
    out = os.path.join(root, "_out")
    od.run(root, out, min_group)
    res = {}
    for name in ("indicators.csv", "schools.csv"):
        raw = open(os.path.join(out, name), "rb").read()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in raw, name
        res[name + ":raw"] = raw
        lines = raw[3:].decode("utf-8").split("\n")
        assert lines[-1] == ""
        res[name] = lines[:-1]
    ind = {}
    for line in res["indicators.csv"][1:]:
        p = line.split(",")
        ind[(p[0], p[1], p[2], p[3])] = p[4:]
    res["ind"] = ind
    return res


class TmpDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="oracle_test_")
        return self.path

    def __exit__(self, *a):
        shutil.rmtree(self.path, ignore_errors=True)


def base_k(tt, **kw):
    d = {"teachers_total": tt, "vacancies": 0}
    d.update(kw)
    return d


# ---------------------------------------------------------------- tests

def test_thresholds_exact():
    # 29 of 100 against a threshold of 29: exactly at the threshold.
    ind = dict(better="higher", t1=29, t2=50)
    assert od.level_of(ind, Fraction(29, 100) * 100) == "medium"
    assert od.level_of(ind, Fraction(2899, 10000) * 100) == "low"
    # float-looking cell value 0.28999999999999998 in a percent cell -> exactly 29
    assert od.exact_from_float_text("0.28999999999999998") * 100 == 29
    assert od.exact_from_float_text("0.29") == Fraction(29, 100)
    with TmpDir() as root:
        make_year(root, 2024, [("a", "A", "СОШ", "")],
                  {"a": base_k(100, vacancies=0, cat_highest=29, cat_first=11, under_35=25)},
                  {"a": dict(diagnosed=50, courses=33, competitions=5, experts=8, mentors=10,
                             network=80, events_regional=29)})
        r = run_and_read(root)["ind"]
        assert r[("2024", "school", "a", "diag_coverage")] == ["50.00", "50", "100", "medium", ""]
        assert r[("2024", "school", "a", "courses_share")] == ["33.00", "33", "100", "high", ""]
        assert r[("2024", "school", "a", "competitions_share")][3] == "medium"
        assert r[("2024", "school", "a", "experts_share")][3] == "high"
        assert r[("2024", "school", "a", "mentors_share")][3] == "high"
        assert r[("2024", "school", "a", "network_share")][3] == "high"
        assert r[("2024", "school", "a", "regional_events_share")][:4] == ["29.00", "29", "100", "medium"]
        assert r[("2024", "school", "a", "qualified_share")][:4] == ["40.00", "40", "100", "medium"]
        assert r[("2024", "school", "a", "under35_share")][3] == "high"
        assert r[("2024", "school", "a", "staffing_level")] == ["100.00", "100", "100", "high", ""]
        # cluster defaults to type
        assert ("2024", "cluster", "СОШ", "diag_coverage") in r


def test_suppression():
    with TmpDir() as root:
        schools = [("s4", "S4", "ООШ", "K1"), ("s5", "S5", "ООШ", "K2"),
                   ("s0", "S0", "ООШ", "K3"), ("s6", "S6", "ООШ", "K2")]
        kadry = {s[0]: base_k(10) for s in schools}
        razv = {"s4": dict(diagnosed=4, deficits_found=2),
                "s5": dict(diagnosed=5, deficits_found=1),
                "s0": dict(diagnosed=0, deficits_found=0),
                "s6": dict(diagnosed=6)}                       # deficits_found missing
        teachers = [("t1", "s4", "80"), ("t2", "s4", "60"), ("t3", "s4", ""),
                    ("t4", "s5", "50"), ("t5", "s5", "50"), ("t6", "s5", "50"),
                    ("t7", "s5", "50"), ("t8", "s5", "49")]
        make_year(root, 2025, schools, kadry, razv, teachers)
        res = run_and_read(root)
        r = res["ind"]
        S = ["", "", "", "", "suppressed"]
        N = ["", "", "", "", "no_data"]
        assert r[("2025", "school", "s4", "deficit_rate")] == S
        assert r[("2025", "cluster", "K1", "deficit_rate")] == S
        assert r[("2025", "school", "s5", "deficit_rate")] == ["20.00", "1", "5", "", ""]
        assert r[("2025", "school", "s0", "deficit_rate")] == N    # no_data before suppressed
        assert r[("2025", "school", "s6", "deficit_rate")] == N
        assert r[("2025", "cluster", "K2", "deficit_rate")] == ["20.00", "1", "5", "", ""]
        assert r[("2025", "cluster", "K3", "deficit_rate")] == N
        # municipality never suppressed: pooled 3/9
        assert r[("2025", "municipality", "municipality", "deficit_rate")] == ["33.33", "3", "9", "", ""]
        # diag_score_avg: s4 has 2 scored teachers -> suppressed; s5 has 5 -> published
        assert r[("2025", "school", "s4", "diag_score_avg")] == S
        assert r[("2025", "school", "s5", "diag_score_avg")] == ["49.80", "", "", "low", ""]
        assert r[("2025", "school", "s0", "diag_score_avg")] == N
        assert r[("2025", "cluster", "K2", "diag_score_avg")] == ["49.80", "", "", "low", ""]
        assert r[("2025", "municipality", "municipality", "diag_score_avg")] == ["55.57", "", "", "medium", ""]
        # composite uses the true (suppressed) value: s4 diag_score_avg 70 -> high (2),
        # diag_coverage 40 -> low (0), staffing_level 100 -> high (2): 4/3*50 = 66.67;
        # s6 (60 medium, staffing high) 75 ranks first
        sch = {l.split(",")[1]: l.split(",") for l in res["schools.csv"][1:]}
        assert sch["s4"][5:] == ["66.67", "medium", "2"], sch["s4"]
        assert sch["s6"][5:] == ["75.00", "high", "1"], sch["s6"]
        assert sch["s5"][5:] == ["50.00", "medium", "3"], sch["s5"]
        assert sch["s0"][5:] == ["50.00", "medium", "3"], sch["s0"]
        # min_group 2 publishes s4
        r2 = run_and_read(root, min_group=2)["ind"]
        assert r2[("2025", "school", "s4", "diag_score_avg")] == ["70.00", "", "", "high", ""]


def test_ranks_ties_and_groups():
    with TmpDir() as root:
        schools = [("d", "D", "СОШ", "X"), ("a", "A", "СОШ", "X"), ("b", "B", "СОШ", "X"),
                   ("c", "C", "СОШ", "X"), ("e", "E", "СОШ", "X")]
        # only diag_coverage and courses_share get values, all else missing.
        kadry = {"a": {"teachers_total": 10}, "b": {"teachers_total": 10},
                 "c": {"teachers_total": 10}, "d": {"teachers_total": 10},
                 "e": {"teachers_total": 0}}
        razv = {"a": dict(diagnosed=9, courses=4),    # high, high -> 100
                "b": dict(diagnosed=6, courses=1),    # medium, low -> 25
                "c": dict(diagnosed=6, courses=1),    # 25
                "d": dict(diagnosed=1, courses=0),    # low, low -> 0
                "e": dict(diagnosed=0, courses=0)}    # teachers_total 0 -> nothing
        make_year(root, 2023, schools, kadry, razv)
        res = run_and_read(root)
        sch = [l.split(",") for l in res["schools.csv"][1:]]
        assert [s[1] for s in sch] == ["a", "b", "c", "d", "e"]
        got = {s[1]: s[5:] for s in sch}
        assert got["a"] == ["100.00", "high", "1"]
        assert got["b"] == ["25.00", "low", "2"]
        assert got["c"] == ["25.00", "low", "2"]
        assert got["d"] == ["0.00", "low", "4"]
        assert got["e"] == ["", "", ""]
        r = res["ind"]
        assert r[("2023", "school", "e", "diag_coverage")] == ["", "", "", "", "no_data"]
        # staffing_level: vacancies missing everywhere -> no_data, vacancies sum no_data
        assert r[("2023", "municipality", "municipality", "staffing_level")][4] == "no_data"
        assert r[("2023", "municipality", "municipality", "vacancies")][4] == "no_data"
        # no Педагоги table -> no diag_score_avg rows at all
        assert not any(k[3] == "diag_score_avg" for k in r)
    # group boundaries on the exact composite: 70 -> high, 40 -> medium
    with TmpDir() as root:
        schools = [("p", "P", "СОШ", "X"), ("q", "Q", "СОШ", "X")]
        kadry = {"p": {"teachers_total": 100, "under_35": 20},      # no vacancies: no staffing
                 "q": {"teachers_total": 100, "under_35": 10}}
        razv = {"p": dict(diagnosed=80, courses=33, competitions=10, mentors=7),
                "q": dict(diagnosed=80, courses=25, competitions=10, mentors=1)}
        make_year(root, 2023, schools, kadry, razv)
        res = run_and_read(root)
        got = {l.split(",")[1]: l.split(",")[5:] for l in res["schools.csv"][1:]}
        # p: diag high 2, courses high 2, competitions medium 1, mentors medium 1,
        #    under35 medium 1 -> 7/5*50 = 70 exactly -> high
        assert got["p"] == ["70.00", "high", "1"], got
        # q: 2, 1, 1, 0, 0 -> 4/5*50 = 40 exactly -> medium
        assert got["q"] == ["40.00", "medium", "2"], got


def test_pooling_sums_means_share_of_schools():
    with TmpDir() as root:
        schools = [("a", "A", "СОШ", "C"), ("b", "B", "СОШ", "C"), ("c", "C", "СОШ", "C")]
        kadry = {"a": {"teachers_total": 10, "vacancies": 2, "avg_age": "40,5", "avg_load": "1.2",
                       "cat_highest": 3, "cat_first": 2, "young_0_1": 1},
                 "b": {"teachers_total": 30, "vacancies": 0, "avg_age": "50",
                       "cat_highest": 10, "young_0_1": ""},
                 "c": {"teachers_total": 20, "vacancies": 1, "cat_highest": 1, "cat_first": 1}}
        razv = {"a": dict(diagnosed=5, mentoring_model="да", network=0, burnout_events=3),
                "b": dict(diagnosed=20, mentoring_model="нет", network=4),
                "c": dict(mentoring_model="", network=1)}     # diagnosed missing
        make_year(root, 2024, schools, kadry, razv)
        r = run_and_read(root)["ind"]
        m = ("2024", "municipality", "municipality")
        # diag_coverage pools only a and b: 25/40
        assert r[m + ("diag_coverage",)] == ["62.50", "25", "40", "medium", ""]
        # qualified_share needs cat_highest, cat_first, teachers_total: a and c -> 7/30
        assert r[m + ("qualified_share",)] == ["23.33", "7", "30", "low", ""]
        assert r[("2024", "school", "b", "qualified_share")] == ["", "", "", "", "no_data"]
        # staffing_level (tt)/(tt+vac): 60/63
        assert r[m + ("staffing_level",)] == ["95.24", "60", "63", "medium", ""]
        assert r[("2024", "school", "a", "staffing_level")] == ["83.33", "10", "12", "low", ""]
        # sums
        assert r[m + ("vacancies",)] == ["3", "", "", "", ""]
        assert r[m + ("young_0_1_count",)] == ["1", "", "", "", ""]
        assert r[m + ("burnout_events",)] == ["3", "", "", "", ""]
        assert r[("2024", "school", "b", "burnout_events")] == ["", "", "", "", "no_data"]
        # weighted mean: (40.5*10 + 50*30)/40 = 47.625 -> 47.63 (half away from zero)
        assert r[m + ("avg_age",)] == ["47.63", "", "", "", ""]
        assert r[("2024", "school", "a", "avg_age")] == ["40.50", "", "", "", ""]
        assert r[m + ("avg_load",)] == ["1.20", "", "", "", ""]
        assert r[("2024", "school", "b", "avg_load")][4] == "no_data"
        # share of schools
        assert r[m + ("mentoring_model_schools",)] == ["50.00", "1", "2", "low", ""]
        assert r[m + ("network_schools",)] == ["66.67", "2", "3", "low", ""]
        assert r[("2024", "cluster", "C", "network_schools")] == ["66.67", "2", "3", "low", ""]
        assert ("2024", "school", "a", "network_schools") not in r
        # no value at all for deficits -> no_data everywhere
        assert r[m + ("iom_coverage",)][4] == "no_data"


def test_weighted_mean_zero_weight_at_school():
    # Section 5: a school whose weight (teachers_total) is 0 has no weighted mean
    # of its own, exactly as it adds nothing above the school.
    with TmpDir() as root:
        schools = [("a", "A", "СОШ", "C"), ("b", "B", "СОШ", "C"), ("z", "Z", "СОШ", "C")]
        kadry = {"a": {"teachers_total": 10, "vacancies": 0, "avg_age": "40", "avg_load": "1,5"},
                 "b": {"teachers_total": 30, "vacancies": 0, "avg_age": "50", "avg_load": "1"},
                 "z": {"teachers_total": 0, "vacancies": 2, "avg_age": "61", "avg_load": "2"}}
        razv = {"a": dict(diagnosed=10), "b": dict(diagnosed=30), "z": dict(diagnosed=0)}
        make_year(root, 2024, schools, kadry, razv)
        out = run_and_read(root)
        r = out["ind"]
        assert r[("2024", "school", "z", "avg_age")] == ["", "", "", "", "no_data"]
        assert r[("2024", "school", "z", "avg_load")] == ["", "", "", "", "no_data"]
        assert r[("2024", "school", "a", "avg_age")] == ["40.00", "", "", "", ""]
        # (40*10 + 50*30)/40 = 47.5, the same as without z; likewise (1.5*10 + 1*30)/40
        assert r[("2024", "municipality", "municipality", "avg_age")] == ["47.50", "", "", "", ""]
        assert r[("2024", "cluster", "C", "avg_age")] == ["47.50", "", "", "", ""]
        assert r[("2024", "municipality", "municipality", "avg_load")] == ["1.13", "", "", "", ""]
        # z's other values still count: vacancies are summed, staffing_level is 0 of 2
        assert r[("2024", "school", "z", "vacancies")] == ["2", "", "", "", ""]
        assert r[("2024", "school", "z", "staffing_level")] == ["0.00", "0", "2", "low", ""]
        # the composite of z comes from its rated values only (staffing_level: low)
        rows = {l.split(",")[1]: l.split(",") for l in out["schools.csv"][1:]}
        assert rows["z"][5:] == ["0.00", "low", "3"], rows["z"]
        # an empty weight is no weight either
        kadry["z"]["teachers_total"] = ""
        shutil.rmtree(os.path.join(root, "2024"))
        make_year(root, 2024, schools, kadry, razv)
        r = run_and_read(root)["ind"]
        assert r[("2024", "school", "z", "avg_age")] == ["", "", "", "", "no_data"]
        assert r[("2024", "municipality", "municipality", "avg_age")] == ["47.50", "", "", "", ""]


def _xlsx(path, sheets, shared, styles=None):
    """sheets: list of (name, sheetData xml)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    nsr = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml",
                   '<workbook %s %s><sheets>%s</sheets></workbook>' % (ns, nsr, "".join(
                       '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 10)
                       for i, (n, _) in enumerate(sheets))))
        rels = "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/'
                       'officeDocument/2006/relationships/worksheet" Target="%s"/>'
                       % (i + 10, "/xl/worksheets/s%d.xml" % i if i % 2 else "worksheets/s%d.xml" % i)
                       for i in range(len(sheets)))
        rels += ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                 '2006/relationships/sharedStrings" Target="strings.xml"/>')
        rels += ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
                 '2006/relationships/styles" Target="styles.xml"/>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">%s</Relationships>' % rels)
        z.writestr("xl/strings.xml", '<sst %s>%s</sst>' % (ns, "".join(shared)))
        z.writestr("xl/styles.xml", '<styleSheet %s>%s</styleSheet>' % (ns, styles or ""))
        for i, (_, data) in enumerate(sheets):
            z.writestr("xl/worksheets/s%d.xml" % i,
                       '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, data))


def test_xlsx_reading():
    shared = ['<si><t>Код ОО</t></si>',                                     # 0
              '<si><r><rPr><b/></rPr><t>Наименование</t></r><r><t xml:space="preserve"> ОО</t></r>'
              '<rPh><t>xx</t></rPh></si>',                                   # 1 rich text
              '<si><t>Тип ОО</t></si>',                                      # 2
              '<si><t>МБОУ "СОШ, № 1"</t></si>',                             # 3
              '<si><t>  ВСЕГО   педагогических работников: </t></si>',      # 4
              '<si><t>1,5</t></si>',                                         # 5
              '<si><t>Прошли диагностику профессиональных дефицитов</t></si>',  # 6
              '<si><t>Педагоги в возрасте до 35 лет</t></si>',               # 7
              '<si><t>Реализуется целевая модель наставничества</t></si>',   # 8
              ]
    styles = ('<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0&quot;x&quot;%"/>'
              '<numFmt numFmtId="171" formatCode="0.00"/></numFmts>'
              '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="170"/>'
              '<xf numFmtId="171"/></cellXfs>')
    # row 3: cells without r attribute -> A, B, C; D empty -> cluster defaults to type
    oo = ('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>'
          '<c r="C2" t="s"><v>2</v></c><c r="D2" t="inlineStr"><is><t>Кластер</t></is></c></row>'
          '<row r="3"><c t="str"><v>x1</v></c><c t="s"><v>3</v></c>'
          '<c t="inlineStr"><is><r><t>С</t></r><r><t>ОШ</t></r></is></c></row>')
    kadry = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>4</v></c>'
             '<c r="C1" t="inlineStr"><is><t>VACANCIES.</t></is></c>'
             '<c r="D1" t="s"><v>7</v></c><c r="E1" t="inlineStr"><is><t>avg_load</t></is></c>'
             '<c r="F1" t="inlineStr"><is><t>ФИО директора</t></is></c></row>'
             '<row r="2"><c r="A2" t="str"><v>x1</v></c><c r="B2" s="3"><v>100.0</v></c>'
             '<c r="C2"><v>0</v></c><c r="D2" t="str"><v>29</v></c><c r="E2" t="s"><v>5</v></c>'
             '<c r="F2" t="inlineStr"><is><t>Иванов</t></is></c></row>')
    razv = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>6</v></c>'
            '<c r="C1" t="s"><v>8</v></c></row>'
            '<row r="2"><c r="A2" t="str"><v>x1</v></c><c r="B2" s="1"><v>0.28999999999999998</v></c>'
            '<c r="C2" t="b"><v>1</v></c></row>')
    ped = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Код педагога</t></is></c>'
           '<c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Результат диагностики,%</t></is></c>'
           '<c r="D1" t="inlineStr"><is><t>Выявлен дефицит</t></is></c></row>' +
           "".join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>T%d</t></is></c>'
                   '<c r="B%d" t="str"><v>x1</v></c><c r="C%d" s="%d"><v>%s</v></c>'
                   '<c r="D%d" t="b"><v>0</v></c></row>'
                   % (i + 2, i + 2, i, i + 2, i + 2, s, v, i + 2)
                   for i, (s, v) in enumerate([(1, "0.73"), (2, "0.5"), (0, "60"),
                                               (1, "0.61"), (3, "76")])))
    with TmpDir() as root:
        yd = os.path.join(root, "2025")
        os.makedirs(yd)
        _xlsx(os.path.join(yd, "book.xlsx"),
              [(" оо ", oo), ("Кадры", kadry), ("РАЗВИТИЕ", razv), ("Педагоги", ped),
               ("Прочее", '<row r="1"><c r="A1"><v>1</v></c></row>')], shared, styles)
        # Excel lock file and hidden file are never read (they would break the run)
        open(os.path.join(yd, "~$book.xlsx"), "wb").write(b"garbage")
        open(os.path.join(yd, ".book.xlsx"), "wb").write(b"garbage")
        res = run_and_read(root)
        r = res["ind"]
        # diagnosed: percent-formatted count cell 0.28999999999999998 reads as exactly 29
        assert r[("2025", "school", "x1", "diag_coverage")] == ["29.00", "29", "100", "low", ""]
        assert r[("2025", "school", "x1", "under35_share")] == ["29.00", "29", "100", "high", ""]
        assert r[("2025", "school", "x1", "staffing_level")][:3] == ["100.00", "100", "100"]
        assert r[("2025", "school", "x1", "avg_load")] == ["1.50", "", "", "", ""]
        assert r[("2025", "municipality", "municipality", "mentoring_model_schools")] == \
            ["100.00", "1", "1", "high", ""]
        # diag scores 73, 50, 60, 61, 76 -> 64
        assert r[("2025", "school", "x1", "diag_score_avg")] == ["64.00", "", "", "medium", ""]
        assert r[("2025", "cluster", "СОШ", "diag_score_avg")] == ["64.00", "", "", "medium", ""]
        sch = res["schools.csv"]
        assert sch[1] == '2025,x1,"МБОУ ""СОШ, № 1""",СОШ,СОШ,62.50,medium,1', sch


def _ods(path, tables):
    head = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:spreadsheet>')
    body = "".join('<table:table table:name="%s">%s</table:table>' % t for t in tables)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", head + body + "</office:spreadsheet></office:body></office:document-content>")


def _s(t, rep=1):
    r = ' table:number-columns-repeated="%d"' % rep if rep > 1 else ""
    return '<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (r, t)


def _f(v, typ="float", rep=1):
    r = ' table:number-columns-repeated="%d"' % rep if rep > 1 else ""
    return '<table:table-cell office:value-type="%s" office:value="%s"%s><text:p>x</text:p></table:table-cell>' % (typ, v, r)


def _row(*cells, rep=1):
    r = ' table:number-rows-repeated="%d"' % rep if rep > 1 else ""
    return "<table:table-row%s>%s</table:table-row>" % (r, "".join(cells))


EMPTY_ROWS = ('<table:table-row table:number-rows-repeated="1048570">'
              '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')


def test_ods_reading():
    with TmpDir() as root:
        yd = os.path.join(root, "2024")
        os.makedirs(yd)
        oo = (_row('<table:table-cell/>') +
              _row(_s("Код ОО"), _s("Наименование ОО"), _s("Тип ОО"), _s("Кластер")) +
              _row(_s("o1"), _s("Школа <text:s text:c=\"2\"/>один"), _s("ООШ"),
                   '<table:covered-table-cell/>') +
              _row(_s("o2"), _s("Школа два"), _s("ООШ", 2)) + EMPTY_ROWS)
        kadry = (_row(_s("Код ОО"), _s("Всего педагогических работников"), _s("Вакансии"),
                      _s("Средний возраст"), '<table:table-cell table:number-columns-repeated="3"/>',
                      _s("Педагоги в возрасте до 35 лет")) +
                 _row(_s("o1"), _f(40), _f(0, rep=1), _f("44.4"),
                      '<table:table-cell table:number-columns-repeated="3"/>', _f("0.25", "percentage")) +
                 _row(_s("o2"), _f(10), _s("1"), _s("50,0")) + EMPTY_ROWS)
        razv = (_row(_s("Код ОО"), _s("Реализуется целевая модель наставничества"),
                     _s("Прошли диагностику профессиональных дефицитов")) +
                '<table:table-header-rows>' + '</table:table-header-rows>' +
                _row(_s("o1"), '<table:table-cell office:value-type="boolean" '
                     'office:boolean-value="true"><text:p>ИСТИНА</text:p></table:table-cell>', _f(32)) +
                _row(_s("o2"), _s("Нет"), _s("8")) + EMPTY_ROWS)
        _ods(os.path.join(yd, "f.ods"), [("ОО", oo), ("Кадры", kadry), ("Развитие", razv)])
        res = run_and_read(root)
        r = res["ind"]
        # percentage 0.25 of a count cell -> 25 (only o1 has under_35: 25/40)
        assert r[("2024", "school", "o1", "under35_share")] == ["62.50", "25", "40", "high", ""]
        assert r[("2024", "school", "o2", "under35_share")][4] == "no_data"
        assert r[("2024", "municipality", "municipality", "avg_age")] == ["45.52", "", "", "", ""]
        assert r[("2024", "municipality", "municipality", "diag_coverage")] == \
            ["80.00", "40", "50", "high", ""]
        assert r[("2024", "municipality", "municipality", "mentoring_model_schools")] == \
            ["50.00", "1", "2", "low", ""]
        assert r[("2024", "municipality", "municipality", "vacancies")][0] == "1"
        sch = {l.split(",")[1]: l.split(",") for l in res["schools.csv"][1:]}
        assert sch["o1"][2:5] == ["Школа   один", "ООШ", "ООШ"], sch["o1"]
        assert sch["o2"][2:5] == ["Школа два", "ООШ", "ООШ"], sch["o2"]


def test_csv_encodings_and_concatenation():
    with TmpDir() as root:
        yd = os.path.join(root, "2023")
        os.makedirs(yd)
        # ОО in Windows-1251 with ';' and quoted names; Кадры split over two files,
        # one UTF-8 with BOM and ',' (header text containing a comma, quoted),
        # one plain UTF-8 with ';'.
        write_csv_table(os.path.join(yd, "ОО.csv"),
                        ["Код ОО", "Наименование ОО", "Тип ОО", "Кластер", "Число обучающихся"],
                        [["b", 'МКОУ "Берёзовская"', "ООШ", "Сельские", "1\u00a0138"],
                         ["a", "A; тест", "СОШ", "", "1 200"]], ";", "cp1251")
        raw = ('\ufeffКод ОО,Всего педагогических работников,Вакансии,'
               '"Средняя учебная нагрузка, ставок",Телефон\r\n'
               'a,"1 000","5%","1,25",+7 900\r\n').encode("utf-8")
        open(os.path.join(yd, "кадры.csv"), "wb").write(raw)
        yd2 = os.path.join(root, "2023", "sub")  # subfolders are not read
        os.makedirs(yd2)
        write_csv_table(os.path.join(yd, "КАДРЫ .csv"), ["код оо", "TEACHERS_TOTAL", "вакансии"],
                        [["b", "10", ""]], ";")
        write_csv_table(os.path.join(yd, "Развитие.csv"),
                        ["Код ОО", "Прошли диагностику профессиональных дефицитов",
                         "Реализуется целевая модель наставничества", "Включены в сетевые "
                         "методические объединения  и  сообщества"],
                        [["a", "500", "д", "0"], ["b", "", "\u2212", "3"]], ";", "utf-8")
        write_csv_table(os.path.join(yd, "~$Развитие.csv"), ["junk"], [["junk"]])
        write_csv_table(os.path.join(yd, ".Развитие.csv"), ["Код ОО"], [["a"]])
        res = run_and_read(root)
        r = res["ind"]
        m = ("2023", "municipality", "municipality")
        assert r[("2023", "school", "a", "diag_coverage")] == ["50.00", "500", "1000", "medium", ""]
        assert r[("2023", "school", "b", "diag_coverage")][4] == "no_data"
        assert r[m + ("vacancies",)] == ["5", "", "", "", ""]
        assert r[m + ("staffing_level",)] == ["99.50", "1000", "1005", "medium", ""]
        assert r[m + ("avg_load",)] == ["1.25", "", "", "", ""]
        assert r[m + ("mentoring_model_schools",)] == ["50.00", "1", "2", "low", ""]
        assert r[m + ("network_schools",)] == ["50.00", "1", "2", "low", ""]
        sch = res["schools.csv"]
        assert sch[1] == '2023,a,A; тест,СОШ,СОШ,33.33,low,1', sch
        assert sch[2] == '2023,b,"МКОУ ""Берёзовская""",ООШ,Сельские,0.00,low,2', sch


def test_output_order_and_rounding():
    assert od.round_half_away(Fraction(1, 8), 2) == "0.13"
    assert od.round_half_away(Fraction(1005, 1000), 2) == "1.01"
    assert od.round_half_away(Fraction(2, 3) * 100, 2) == "66.67"
    assert od.round_half_away(Fraction(-1, 8), 2) == "-0.13"
    assert od.round_half_away(Fraction(-1, 1000), 2) == "0.00"
    assert od.round_half_away(Fraction(5, 2), 0) == "3"
    with TmpDir() as root:
        sch = [("z", "Z", "СОШ", "b"), ("Я", "Я", "СОШ", "Ёлки"), ("B", "Bb", "СОШ", "B"),
               ("a10", "A10", "СОШ", "a"), ("a9", "A9", "СОШ", "a")]
        k = {s[0]: base_k(10) for s in sch}
        rz = {s[0]: dict(diagnosed=5) for s in sch}
        make_year(root, 2025, sch, k, rz, teachers=[("t", "z", "")])
        make_year(root, 2024, sch[:2], {s: k[s] for s in ("z", "Я")}, {s: rz[s] for s in ("z", "Я")})
        os.makedirs(os.path.join(root, "notes"))        # not a year folder: ignored by the oracle
        res = run_and_read(root)
        lines = res["indicators.csv"]
        assert lines[0] == "year,scope,entity_id,indicator_id,value,numerator,denominator,level,note"
        keys = [tuple(l.split(",")[:4]) for l in lines[1:]]
        order = []
        for k_ in keys:
            if (k_[0], k_[1], k_[2]) not in order:
                order.append((k_[0], k_[1], k_[2]))
        assert order == [("2024", "municipality", "municipality"),
                         ("2024", "cluster", "b"), ("2024", "cluster", "Ёлки"),
                         ("2024", "school", "z"), ("2024", "school", "Я"),
                         ("2025", "municipality", "municipality"),
                         ("2025", "cluster", "B"), ("2025", "cluster", "a"),
                         ("2025", "cluster", "b"), ("2025", "cluster", "Ёлки"),
                         ("2025", "school", "B"), ("2025", "school", "a10"),
                         ("2025", "school", "a9"), ("2025", "school", "z"),
                         ("2025", "school", "Я")], order
        ids25 = [k_[3] for k_ in keys if k_[:3] == ("2025", "municipality", "municipality")]
        assert ids25 == [i["id"] for i in od.INDICATORS]
        ids24 = [k_[3] for k_ in keys if k_[:3] == ("2024", "municipality", "municipality")]
        assert ids24 == [i["id"] for i in od.INDICATORS if i["id"] != "diag_score_avg"]
        ids_school = [k_[3] for k_ in keys if k_[:3] == ("2025", "school", "z")]
        assert "mentoring_model_schools" not in ids_school and len(ids_school) == 23
        # year with Педагоги but nobody scored -> no_data rows
        assert res["ind"][("2025", "municipality", "municipality", "diag_score_avg")] == \
            ["", "", "", "", "no_data"]
        assert res["ind"][("2025", "school", "a9", "diag_score_avg")][4] == "no_data"
        assert len(lines) - 1 == (25 + 4 * 25 + 5 * 23) + (24 + 2 * 24 + 2 * 22)
        s = res["schools.csv"]
        assert [l.split(",")[:2] for l in s[1:]] == [["2024", "z"], ["2024", "Я"], ["2025", "B"],
                                                   ["2025", "a10"], ["2025", "a9"],
                                                   ["2025", "z"], ["2025", "Я"]]


def test_csv_writer_quoting():
    assert od.csv_field("a,b") == '"a,b"'
    assert od.csv_field('a"b') == '"a""b"'
    assert od.csv_field("a\nb") == '"a\nb"'
    assert od.csv_field("a;b «c»") == "a;b «c»"


# ---------------------------------------------------------------- runner

def main():
    tests = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, fn in tests:
        try:
            fn()
        except Exception:
            failed += 1
            print("FAIL", name)
            traceback.print_exc()
        else:
            passed += 1
            print("ok  ", name)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
