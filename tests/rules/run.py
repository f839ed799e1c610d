#!/usr/bin/env python3
"""Rule cases as data: run every tests/rules/*.txt case through the binary.

usage: tests/rules/run.py BINARY [FILE.txt ...]

A case file holds cases one after another, separated by blank lines:

    # a comment (anywhere)
    % --year 2023 --city 包头市        options for this case (optional)
    < 办理法律援助案件2320件，同比增长5%。   the input: one or more "< " lines,
    < 第二行                              joined with newlines
    = value=2320 unit=件 kind=count metric~法律援助
    = value=5 unit=% kind=change
    ...                                  more records may follow
    !                                    (instead of "=" lines) no record at all

Each "=" line is one record, matched in output order; the case passes when
the output has exactly that many records (or at least that many, after
"...") and every record has the fields its line names:

    key=VALUE     equal (numbers compared as numbers, `null` is JSON null)
    key~TEXT      the field's text contains TEXT
    key!=VALUE    not equal
    key!~TEXT     does not contain TEXT

A "#" starts a comment only at the start of a line.  Quote a value with
spaces as in a shell ('metric=a b').  Prints "rules: N passed, M failed".
"""
import json
import os
import shlex
import subprocess
import sys

OPS = ("!=", "!~", "=", "~")


def parse(path):
    cases, cur = [], None

    def close():
        nonlocal cur
        if cur and (cur["input"] or cur["expect"] or cur["none"]):
            cases.append(cur)
        cur = None

    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                close()
                continue
            if line.startswith("#"):
                continue
            if cur is None:
                cur = {"file": path, "line": n, "opts": [], "input": [], "expect": [],
                       "more": False, "none": False}
            tag, rest = line[:1], line[2:] if len(line) > 1 else ""
            if tag == "<":
                cur["input"].append(rest)
            elif tag == "%":
                cur["opts"] += shlex.split(rest)
            elif tag == "=":
                cur["expect"].append((n, parse_expect(path, n, rest)))
            elif line.strip() == "...":
                cur["more"] = True
            elif line.strip() == "!":
                cur["none"] = True
            else:
                sys.exit(f"{path}:{n}: a case line starts with <, %, =, ... or !")
    close()
    return cases


def parse_expect(path, n, text):
    out = []
    for item in shlex.split(text):
        for op in OPS:
            k, sep, v = item.partition(op)
            if sep and k and all(c.isalnum() or c == "_" for c in k):
                out.append((k, op, v))
                break
        else:
            sys.exit(f"{path}:{n}: cannot read {item!r} (key=value, key~text, key!=value)")
    return out


def same(actual, want):
    if want == "null":
        return actual is None
    if isinstance(actual, bool) or actual is None:
        return json.dumps(actual) == want
    if isinstance(actual, (int, float)):
        try:
            return float(want) == float(actual)
        except ValueError:
            return False
    return str(actual) == want


def field_ok(rec, k, op, v):
    actual = rec.get(k)
    if op == "=":
        return same(actual, v)
    if op == "!=":
        return not same(actual, v)
    text = "" if actual is None else str(actual)
    return (v in text) if op == "~" else (v not in text)


def check(case, records):
    want = case["expect"]
    if case["none"]:
        return None if not records else f"expected no record, got {len(records)}"
    if len(records) < len(want) or (len(records) > len(want) and not case["more"]):
        return f"expected {len(want)}{'+' if case['more'] else ''} records, got {len(records)}"
    for i, (n, fields) in enumerate(want):
        bad = [f"{k}{op}{v} (is {json.dumps(records[i].get(k), ensure_ascii=False)})"
               for k, op, v in fields if not field_ok(records[i], k, op, v)]
        if bad:
            return f"record {i + 1} (line {n}): " + "; ".join(bad)
    return None


def run(binary, case):
    text = "\n".join(case["input"]) + "\n"
    p = subprocess.run([binary, "-q", *case["opts"], "-"], input=text.encode("utf-8"),
                       capture_output=True, timeout=30)
    if p.returncode not in (0, 1):
        return None, f"exit {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()}"
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()], None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[2:] or sorted(os.path.join(here, f) for f in os.listdir(here)
                                   if f.endswith(".txt"))
    passed = failed = 0
    for path in files:
        for case in parse(path):
            records, err = run(binary, case)
            err = err or check(case, records)
            if err is None:
                passed += 1
                continue
            failed += 1
            rel = os.path.relpath(case["file"])
            print(f"FAIL {rel}:{case['line']}: {err}", file=sys.stderr)
            for line in case["input"]:
                print(f"    < {line}", file=sys.stderr)
            for r in records or []:
                brief = {k: r.get(k) for k in ("year", "city", "district", "metric", "value",
                                               "unit", "qualifier", "kind", "role", "indicator")
                         if k in r}
                print("    got " + json.dumps(brief, ensure_ascii=False), file=sys.stderr)
    print(f"rules: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
