#!/usr/bin/env python3
"""Fails when a C++ source under generator/src/monsite/render/ or compute/ holds
a Cyrillic letter: site words live in the text catalogue (i18n/*.toml), CLI
messages of render in util/messages.hpp, and compute returns ids only.

    check_no_cyrillic.py --root REPO [--dirs render compute]
"""
import argparse
import pathlib
import re
import sys

CYRILLIC = re.compile('[\u0400-\u04ff]')


def offending(root, dirs):
    found = []
    for d in dirs:
        for f in sorted((root / 'generator/src/monsite' / d).glob('*.[ch]pp')):
            for n, line in enumerate(f.read_text(encoding='utf-8').splitlines(), 1):
                if CYRILLIC.search(line):
                    found.append(f'{f.relative_to(root)}:{n}: {line.strip()}')
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', required=True, type=pathlib.Path)
    ap.add_argument('--dirs', nargs='+', default=['render', 'compute'])
    args = ap.parse_args()
    found = offending(args.root, args.dirs)
    if found:
        print(f'{len(found)} line(s) with Cyrillic letters (move the words to i18n/*.toml):')
        print('\n'.join(found))
        return 1
    print('no Cyrillic letter in ' + ', '.join(args.dirs))
    return 0


if __name__ == '__main__':
    sys.exit(main())
