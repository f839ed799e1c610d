#!/usr/bin/env python3
"""The layout limits of issue #12 on hand-written C files.

usage: check_layout.py [--exempt FILE]... FILE...

Each FILE must have at most MAX_FILE lines, its functions at most MAX_FUNC
lines of body and MAX_PARAMS parameters, and no word list written as
W("...") literals (vocabulary lives in rules/*.rules).  A generated file
(its opening comment says "generated ... do not edit") is skipped, and so is
a file given with --exempt (a file another branch is still reworking: the
Makefile says why).  Prints one line per breach, FILE:LINE: what; exit 1
when there is any.

A definition is found as the project writes one: the name and parameters
at column 0 (the return type may stand on the line above), continuation
lines indented, and the body's '{' either alone at column 0 or ending the
signature's last line, its '}' alone at column 0.
"""
import re
import sys

MAX_FILE, MAX_FUNC, MAX_PARAMS = 850, 80, 6

GENERATED = re.compile(r"generated\b.*do not edit", re.I | re.S)
SIGNATURE = re.compile(r"(\w+)\s*\((.*)\)\s*(?:__attribute__\s*\(\(.*\)\))?\s*$")
NOT_A_FUNCTION = {"if", "for", "while", "switch", "return", "sizeof", "defined"}


def strip_comments(text):
    """Comments and string/char literals blanked, line breaks kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def count_params(params):
    """Top-level commas + 1, so a function-pointer parameter counts once."""
    p = params.strip()
    if p in ("", "void"):
        return 0
    depth, n = 0, 1
    for c in p:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            n += 1
    return n


def definitions(lines):
    """(first line index, name, parameters, body lines) of each definition."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "{" or (line and not line[0].isspace() and line.rstrip().endswith("{")
                           and "(" in line and not line.lstrip().startswith(("#", "}"))
                           and "=" not in line.split("(")[0]):
            brace_alone = line == "{"
            last = i - 1 if brace_alone else i
            j = last
            while j > 0 and lines[j][:1] in (" ", "\t"):
                j -= 1  # continuation lines of the parameters
            if j > 0 and lines[j - 1].strip() and not lines[j - 1][:1].isspace() \
                    and not lines[j - 1].rstrip().endswith((";", "}", "{", "\\")) \
                    and not lines[j - 1].startswith("#") and "(" not in lines[j - 1]:
                j -= 1  # the return type on a line of its own
            head = " ".join(l.strip() for l in lines[j:last + 1])
            if not brace_alone:
                head = head.rstrip()[:-1]
            k = i + 1
            while k < len(lines) and lines[k] != "}":
                k += 1
            m = SIGNATURE.search(head)
            if m and m.group(1) not in NOT_A_FUNCTION:
                yield j, m.group(1), m.group(2), k - i - 1
            i = k
        i += 1


def check(path):
    text = open(path, encoding="utf-8").read()
    if GENERATED.search(text[:400]):
        return []
    breaches = []
    raw = text.splitlines()
    if len(raw) > MAX_FILE:
        breaches.append(f"{path}: {len(raw)} lines (at most {MAX_FILE})")
    for n, line in enumerate(raw, 1):
        if 'W("' in line:
            breaches.append(f'{path}:{n}: W("...") word list in C: move it to rules/*.rules')
    for j, name, params, body in definitions(strip_comments(text).splitlines()):
        k = count_params(params)
        if k > MAX_PARAMS:
            breaches.append(f"{path}:{j + 1}: {name}: {k} parameters (at most {MAX_PARAMS}: pass a struct)")
        if body > MAX_FUNC:
            breaches.append(f"{path}:{j + 1}: {name}: {body} lines (at most {MAX_FUNC})")
    return breaches


def main(argv):
    exempt, files, args = set(), [], iter(argv)
    for a in args:
        if a == "--exempt":
            exempt.add(next(args, ""))
        else:
            files.append(a)
    breaches = [b for f in files if f not in exempt for b in check(f)]
    for b in breaches:
        print(b)
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
