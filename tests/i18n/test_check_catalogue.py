#!/usr/bin/env python3
"""Self-test of check_catalogue.py: a small correct tree passes, and each broken
variant (a missing key, an unused key, wrong plural forms, a key in one language
only, a key used by C++ but missing) is rejected. Exit status 0 when the checker
behaves, 1 otherwise."""

import pathlib
import subprocess
import sys
import tempfile

CHECKER = pathlib.Path(__file__).resolve().parent / "check_catalogue.py"

RU = '''nav_schools = "Школы"
direction_a = "А"
[school_count]
one = "{count} школа"
few = "{count} школы"
many = "{count} школ"
other = "{count} школы"
'''
EN = '''nav_schools = "Schools"
direction_a = "A"
[school_count]
one = "{count} school"
other = "{count} schools"
'''
TEMPLATE = "<a>{{t.nav_schools}}</a>\n"
CPP = 'std::string f(const T& texts, std::string id) {\n    return texts.plural("school_count", 2) + texts.text("direction_" + id);\n}\n'


def run(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = subprocess.run([sys.executable, str(CHECKER), "--root", str(root)], capture_output=True, text=True)
        return result.returncode, result.stdout + result.stderr


def tree(**changes):
    files = {"i18n/ru.toml": RU, "i18n/en.toml": EN, "themes/default/templates/page.mustache": TEMPLATE,
             "generator/src/monsite/render/page.cpp": CPP}
    files.update(changes)
    return files


CASES = [
    ("a correct catalogue", tree(), 0, None),
    ("a template key missing from the catalogue",
     tree(**{"themes/default/templates/page.mustache": TEMPLATE + "{{t.nav_rating}}\n"}), 1, "nav_rating"),
    ("a C++ key missing from the catalogue",
     tree(**{"generator/src/monsite/render/page.cpp": CPP + 'auto x = texts.text("col_rank");\n'}), 1, "col_rank"),
    ("a key nothing uses", tree(**{"i18n/ru.toml": 'unused_key = "x"\n' + RU, "i18n/en.toml": 'unused_key = "x"\n' + EN}),
     1, "unused_key"),
    ("a Russian plural without the form few", tree(**{"i18n/ru.toml": RU.replace('few = "{count} школы"\n', "")}), 1,
     "school_count"),
    ("an English plural with a Russian form", tree(**{"i18n/en.toml": EN + 'few = "{count} schools"\n'}), 1,
     "school_count"),
    ("a key in Russian only", tree(**{"i18n/ru.toml": 'nav_rating = "Рейтинг"\n' + RU,
                                      "themes/default/templates/page.mustache": TEMPLATE + "{{t.nav_rating}}\n"}),
     1, "nav_rating"),
]


def main():
    failures = 0
    for name, files, expected, mention in CASES:
        status, output = run(files)
        ok = status == expected and (mention is None or mention in output)
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": exit {status}, output:\n{output}"))
        failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
