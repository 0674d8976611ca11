#!/usr/bin/env python3
"""Checks the interface text catalogues i18n/ru.toml and i18n/en.toml.

Structure (the same rules the unit test unit.test_config_i18n checks on the
compiled-in copies): both files have the same keys; a plural entry has exactly
the language's CLDR forms (ru: one, few, many, other; en: one, other); no text
is empty; a key has the same {placeholders} in both languages.

Use (the rules of issue 11): every key the generator or a template asks for
exists (a missing key), and every key of the catalogue is asked for somewhere
(an unused key). Uses are found in
  generator/src/monsite/render/*.{cpp,hpp} and any source naming TextCatalogue:
      text("key"), fill("key", ...), plural("key", n), plural_decimal("key", ...),
      year_text("key", ...), t("key"), text(cond ? "key1" : "key2") outside // comments;
      a literal ending in "_" followed by "+" ("direction_" + id) uses every key with that prefix;
  themes/**/*.mustache: {{t.key}}, {{{t.key}}}, {{#t.key}}, {{^t.key}}.
ctest runs it as i18n.catalogue (and its self-test, test_check_catalogue.py,
as i18n.self_test); by hand:

    python3 tests/i18n/check_catalogue.py            # structure, missing and unused keys
    python3 tests/i18n/check_catalogue.py --structure-only

Exit status: 0 when everything holds, 1 otherwise (each problem on a line).
"""

import argparse
import pathlib
import re
import sys
import tomllib

FORMS = {"ru": ["one", "few", "many", "other"], "en": ["one", "other"]}
PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
CPP_USE = re.compile(r'\b(?:text|fill|plural|plural_decimal|year_text|t)\(\s*"([a-z0-9_]+)"\s*[,)]')
# A choice between two keys: text(good ? "change_better" : "change_worse").
CPP_CHOICE = re.compile(r'\b(?:text|fill|plural|year_text)\(\s*[A-Za-z_.()!>-]+\s*\?\s*"([a-z0-9_]+)"\s*:\s*"([a-z0-9_]+)"')
CPP_PREFIX = re.compile(r'"([a-z0-9_]+_)"\)?\s*\+')
CPP_COMMENT = re.compile(r"(^|\s)//[^\n]*", re.MULTILINE)  # a line comment; kept: "https://..."
TEMPLATE_USE = re.compile(r"\{\{\{?\s*[#^/]?\s*t\.([a-z0-9_]+)\s*\}?\}\}")


def load(root, lang):
    path = root / "i18n" / f"{lang}.toml"
    with open(path, "rb") as f:
        return path, tomllib.load(f)


def placeholders(value):
    texts = value.values() if isinstance(value, dict) else [value]
    return {name for text in texts if isinstance(text, str) for name in PLACEHOLDER.findall(text)}


def check_structure(catalogues):
    problems = []
    (ru_path, ru), (en_path, en) = catalogues["ru"], catalogues["en"]
    for key in sorted(set(ru) - set(en)):
        problems.append(f"{en_path}: нет ключа «{key}» (он есть в {ru_path.name})")
    for key in sorted(set(en) - set(ru)):
        problems.append(f"{ru_path}: нет ключа «{key}» (он есть в {en_path.name})")
    for lang, (path, data) in catalogues.items():
        for key, value in data.items():
            if not re.fullmatch(r"[a-z0-9_]+", key):
                problems.append(f"{path}: ключ «{key}»: только латинские строчные буквы, цифры и _")
            if isinstance(value, dict):
                forms = list(value)
                if sorted(forms) != sorted(FORMS[lang]):
                    problems.append(f"{path}: у «{key}» формы {', '.join(forms)}; для {lang} нужны ровно {', '.join(FORMS[lang])}")
                for form, text in value.items():
                    if not isinstance(text, str) or not text.strip():
                        problems.append(f"{path}: форма {form} у «{key}» пуста или не строка")
                if "count" not in placeholders(value):
                    problems.append(f"{path}: у «{key}» нет {{count}}")
            elif not isinstance(value, str) or not value.strip():
                problems.append(f"{path}: текст «{key}» пуст или не строка")
    for key in sorted(set(ru) & set(en)):
        if isinstance(ru[key], dict) != isinstance(en[key], dict):
            problems.append(f"«{key}»: в одном языке формы для чисел, в другом простой текст")
        elif placeholders(ru[key]) != placeholders(en[key]):
            problems.append(f"«{key}»: подстановки различаются: ru {sorted(placeholders(ru[key]))}, en {sorted(placeholders(en[key]))}")
    return problems


def find_uses(root):
    used, prefixes = {}, {}
    for path in sorted((root / "generator" / "src").rglob("*")):
        if path.suffix in (".cpp", ".hpp"):
            # Comments are blanked, not cut, so line numbers stay right.
            text = CPP_COMMENT.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
                                   path.read_text(encoding="utf-8"))
            # Only code that uses the catalogue: render/ and files naming TextCatalogue
            # (other stages have text() functions of their own).
            if path.parent.name != "render" and "TextCatalogue" not in text:
                continue
            for m in CPP_USE.finditer(text):
                used.setdefault(m.group(1), f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}")
            for m in CPP_CHOICE.finditer(text):
                for key in m.groups():
                    used.setdefault(key, f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}")
            for m in CPP_PREFIX.finditer(text):
                prefixes.setdefault(m.group(1), f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}")
    for path in sorted((root / "themes").rglob("*.mustache")):
        text = path.read_text(encoding="utf-8")
        for m in TEMPLATE_USE.finditer(text):
            used.setdefault(m.group(1), f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}")
    return used, prefixes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[2])
    parser.add_argument("--structure-only", action="store_true", help="skip the missing and unused key rules")
    args = parser.parse_args()
    catalogues = {lang: load(args.root, lang) for lang in FORMS}
    problems = check_structure(catalogues)
    unused = []
    if not args.structure_only:
        keys = set(catalogues["ru"][1])
        used, prefixes = find_uses(args.root)
        for key, where in sorted(used.items()):
            if key not in keys:
                problems.append(f"{where}: ключа «{key}» нет в i18n/ru.toml")
        covered = set(used) | {k for k in keys for p in prefixes if k.startswith(p)}
        unused = sorted(keys - covered)
    for p in problems:
        print(p)
    if unused:
        print(f"не используются {len(unused)} из {len(catalogue_keys(catalogues))} ключей:")
        for key in unused:
            print(f"  {key}")
    if not problems and not unused:
        print(f"каталоги в порядке: {len(catalogue_keys(catalogues))} ключей")
    return 1 if problems or unused else 0


def catalogue_keys(catalogues):
    return set(catalogues["ru"][1])


if __name__ == "__main__":
    sys.exit(main())
