#!/usr/bin/env python3
"""Checks that docs/themes.md documents every key the theme's templates use.

For each template themes/default/templates/<name>.mustache the doc has a section
headed "## <name>.mustache" whose table lists the context keys the template
reads, in backticks in the first column, and a "Text keys" line listing the
text-catalogue keys (`t.key`) it uses. A key read inside a section is written
with the section's path: `schools.href` is `{{href}}` inside `{{#schools}}`
(as Mustache looks a name up in the enclosing sections' contexts too, any
enclosing section may be left out of the path: `min_group` documents
`{{min_group}}` inside `{{#sensitive}}`).

Fails (exit status 1, one problem per line) when
  - a template has no section in the doc, or the doc has a section for a
    template that does not exist;
  - a template uses a context key or a text key that its section does not list;
  - a section lists a text key the template does not use, or one that
    i18n/ru.toml does not have.
A context key the doc lists but the default template does not read is allowed:
the generator gives it, and another theme may use it.

    python3 tests/i18n/check_themes_doc.py [--root DIR] [--list]

--list prints the keys each template uses (to write the doc from).
"""

import argparse
import pathlib
import re
import sys
import tomllib

TAG = re.compile(r"\{\{(\{)?\s*([#^/>!&=]?)\s*(.*?)\s*\}?\}\}", re.DOTALL)
SECTION = re.compile(r"^##\s+`?([A-Za-z0-9_-]+)\.mustache`?\s*$", re.MULTILINE)
CODE = re.compile(r"`([^`\s]+)`")


def template_keys(text):
    """(context keys, text keys) a template uses. A context key is a tuple
    (sections, name): the names of the sections it is read in, outermost first
    (text-key sections left out), and its own name."""
    context, texts, stack = set(), set(), []
    for m in TAG.finditer(text):
        kind, name = m.group(2), m.group(3).strip()
        if kind in ("!", ">", "="):
            continue
        if name.startswith("t."):
            texts.add(name)
            if kind in ("#", "^"):
                stack.append(name)
            elif kind == "/" and stack:
                stack.pop()
            continue
        if kind == "/":
            if not stack or stack[-1] != name:
                raise ValueError(f"{{{{/{name}}}}} closes {stack[-1] if stack else 'nothing'}")
            stack.pop()
            continue
        if name == ".":
            continue
        context.add((tuple(s for s in stack if not s.startswith("t.")), name))
        if kind in ("#", "^"):
            stack.append(name)
    if stack:
        raise ValueError(f"unclosed section {{{{#{stack[-1]}}}}}")
    return context, texts


def is_subsequence(short, long):
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def documented(key, listed):
    """Whether a doc key names `key`: Mustache looks a name up in every
    enclosing section's context and then the page's, so `a.b.name` read inside
    {{#a}}{{#b}} may be documented as `a.b.name`, `b.name`, `a.name` or `name`."""
    sections, name = key
    stack = [part for s in sections for part in s.split(".")]
    parts = name.split(".")
    for doc_key in listed:
        d = doc_key.split(".")
        if len(d) >= len(parts) and d[len(d) - len(parts):] == parts and is_subsequence(d[:len(d) - len(parts)], stack):
            return True
    return False


def shown(key):
    sections, name = key
    return ".".join(list(sections) + [name])


def doc_sections(text):
    """template name -> (listed context keys, listed text keys)."""
    out = {}
    heads = list(SECTION.finditer(text))
    for i, h in enumerate(heads):
        body = text[h.end(): heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        body = re.split(r"^#{1,2}\s", body, maxsplit=1, flags=re.MULTILINE)[0]
        context, texts = set(), set()
        for line in body.splitlines():
            if line.startswith("|"):
                first = line.split("|")[1]
                context.update(k for k in CODE.findall(first) if not k.startswith("t."))
            for k in CODE.findall(line):
                if k.startswith("t."):
                    texts.add(k)
        out[h.group(1)] = (context, texts)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[2])
    parser.add_argument("--list", action="store_true", help="print the keys every template uses")
    args = parser.parse_args()
    templates_dir = args.root / "themes" / "default" / "templates"
    doc_path = args.root / "docs" / "themes.md"
    with open(args.root / "i18n" / "ru.toml", "rb") as f:
        catalogue = set(tomllib.load(f))
    problems, used = [], {}
    for path in sorted(templates_dir.glob("*.mustache")):
        try:
            used[path.stem] = template_keys(path.read_text(encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{path}: {e}")
    if args.list:
        for name, (context, texts) in used.items():
            print(f"{name}: {' '.join(sorted(shown(k) for k in context))}\n  text: {' '.join(sorted(texts))}")
        return 0
    if not doc_path.is_file():
        print(f"{doc_path}: missing")
        return 1
    sections = doc_sections(doc_path.read_text(encoding="utf-8"))
    for name in sorted(set(sections) - set(used)):
        problems.append(f"{doc_path}: section {name}.mustache, but {templates_dir}/{name}.mustache does not exist")
    for name, (context, texts) in used.items():
        if name not in sections:
            problems.append(f"{doc_path}: no section «## {name}.mustache»")
            continue
        listed_context, listed_texts = sections[name]
        for key in sorted(context):
            if not documented(key, listed_context):
                problems.append(f"{doc_path}: {name}.mustache uses the context key `{shown(key)}`, the doc does not list it")
        for key in sorted(texts - listed_texts):
            problems.append(f"{doc_path}: {name}.mustache uses the text key `{key}`, the doc does not list it")
        for key in sorted(listed_texts - texts):
            problems.append(f"{doc_path}: {name}.mustache: the doc lists `{key}`, the template does not use it")
        for key in sorted(listed_texts):
            if key[2:] not in catalogue:
                problems.append(f"{doc_path}: {name}.mustache: `{key}` is not a key of i18n/ru.toml")
    for p in problems:
        print(p)
    if not problems:
        print(f"docs/themes.md lists every key of {len(used)} templates")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
