#!/usr/bin/env python3
"""Hostile-input tests for the lawgov-extract CLI (run by tests/hostile/run.sh).

usage: hostile.py BINARY [CASE...]

Every case feeds the binary an input built to hurt it (huge lines, runs of
one character, NUL and invalid bytes, random bytes, separators JSON readers
choke on) and checks that it
  - finishes within TIMEOUT seconds (run under `timeout`),
  - exits 0 or 1: neither a crash, nor a sanitizer report, nor 2,
  - writes valid JSON Lines: every line valid UTF-8 and a JSON object, with
    no raw control characters and no raw U+2028/U+2029 (e2 80 a8 / e2 80 a9,
    legal JSON that breaks JavaScript readers),
plus what each case says about its own records and warnings.
Prints "hostile: N passed, M failed" and exits 1 on any failure.
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 20

bin_path = None
tmp = None
passed = 0
failed = 0


def fail(name, why):
    global failed
    failed += 1
    print("FAIL: %s: %s" % (name, why), file=sys.stderr)


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(args, stdin=None):
    """Run the binary with a timeout; return (rc, stdout bytes, stderr text, seconds)."""
    start = time.monotonic()
    p = subprocess.run(["timeout", str(TIMEOUT), bin_path] + args, stdin=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), time.monotonic() - start


def check_jsonl(out):
    """Records from JSON Lines output, or a string saying what is wrong."""
    if b"\xe2\x80\xa8" in out or b"\xe2\x80\xa9" in out:
        return "raw U+2028/U+2029 in the output"
    bad = re.search(rb"[\x00-\x09\x0b-\x1f\x7f]", out)
    if bad:
        return "raw control character 0x%02x at byte %d" % (out[bad.start()], bad.start())
    if out and not out.endswith(b"\n"):
        return "output does not end with a newline"
    records = []
    for n, line in enumerate(out.split(b"\n")[:-1], 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as e:
            return "line %d is not UTF-8: %s" % (n, e)
        try:
            rec = json.loads(text)
        except ValueError as e:
            return "line %d is not JSON: %s: %.200r" % (n, e, text)
        if not isinstance(rec, dict):
            return "line %d is not an object" % n
        records.append(rec)
    return records


def case(name, path_or_args, expect=None, rc_ok=(0, 1)):
    """Run one case; expect(records, stderr, rc) returns None or what is wrong."""
    global passed
    args = path_or_args if isinstance(path_or_args, list) else [path_or_args]
    rc, out, err, secs = run(args)
    if rc == 124:
        return fail(name, "timed out after %ds" % TIMEOUT)
    if rc < 0 or rc > 128:
        return fail(name, "killed by a signal (exit %d): %s" % (rc, err[-2000:]))
    if "Sanitizer" in err or "runtime error" in err or "LeakSanitizer" in err:
        return fail(name, "sanitizer report: %s" % err[-3000:])
    if rc not in rc_ok:
        return fail(name, "exit %d, want %s: %s" % (rc, "/".join(map(str, rc_ok)), err[-500:]))
    records = check_jsonl(out)
    if isinstance(records, str):
        return fail(name, records)
    if expect:
        why = expect(records, err, rc)
        if why:
            return fail(name, why)
    passed += 1
    print("ok   %-28s exit %d, %6d records, %5.1fs" % (name, rc, len(records), secs))


def has(records, **want):
    return any(all(r.get(k) == v for k, v in want.items()) for r in records)


def main():
    global bin_path, tmp
    if len(sys.argv) < 2:
        sys.exit("usage: hostile.py BINARY [CASE...]")
    bin_path = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    if not os.access(bin_path, os.X_OK):
        sys.exit("hostile: %s is not executable" % bin_path)
    tmp = tempfile.mkdtemp(prefix="lawgov-hostile.")
    try:
        for name, fn in CASES:
            if not only or name in only:
                fn(name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("hostile: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


# ---- the cases ---------------------------------------------------------

OPENING = "2023年，包头市司法局深入推进法治政府建设。\n"


def long_line(name):
    # 6 MB on one line, no newline and no 。: the normalizer must cut it
    # into bounded pieces and still find the figures, up to the last one.
    filler = "坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设，"
    parts, size, i = [], 0, 0
    while size < 6 * 1024 * 1024:
        t = "办理案件%d件，" % (1000 + i) if i % 40 == 39 else filler
        parts.append(t)
        size += len(t.encode())
        i += 1
    last = 1000 + max(k for k in range(i) if k % 40 == 39)
    data = "2023年，包头市" + "".join(parts)
    path = write("long-line.txt", data)
    size = len(data.encode())

    def expect(records, err, rc):
        if not has(records, value=1039, unit="件"):
            return "the first figure (1039件) is missing"
        if not has(records, value=last, unit="件"):
            return "the last figure (%d件) is missing" % last
        if max(r["offset"] for r in records) < size - 4096:
            return "no record near the end of the line"
        if any(r["line"] != 1 for r in records):
            return "a record not on line 1"
        return None
    case(name, path, expect)


# a figure after the flood: the pipeline must still reach and read it
TAIL = "\n2023年全年共受理行政复议案件35件。\n"


def tail_ok(records, err, rc):
    if not has(records, value=35, unit="件", year=2023):
        return "the figure after the flood (35件) is missing"
    return None


def digits(name):
    rnd = random.Random(3)
    data = "".join(rnd.choices("0123456789", k=3 * 1024 * 1024)) + TAIL
    case(name, write("digits.txt", data), tail_ok)


def wan_run(name):
    case(name, write("wan.txt", "万" * 1000000 + TAIL), tail_ok)


def range_chain(name):
    # 1万至1万至…: every first end reads the second; none reads a chain
    data = ("全年投资" + "1万至" * 100000 + "1万元。\n" + "三到" * 100000 + "五年。\n") + TAIL
    case(name, write("range-chain.txt", data), tail_ok)


def long_runs(name):
    # runs of thousands of values joined by 、 (changes sharing one change word,
    # deeds sharing one object, members after 其中): names are looked for in
    # bounded walks, so the time stays linear
    data = ("2022年，全市收入分别增长" + "、".join("%d%%" % (i % 90 + 1) for i in range(20000)) + "。\n" +
            "2022年，全市取消" + "、下放".join("%d项" % (i % 90 + 1) for i in range(20000)) + "行政许可事项。\n" +
            "2022年，办理案件100件，其中" + "、".join("农民工%d件" % (i % 90 + 1) for i in range(20000)) +
            "。\n") + TAIL
    case(name, write("long-runs.txt", data), tail_ok)


def nul_bytes(name):
    # NUL between characters (and runs of them), as PDF extraction leaves it
    text = (OPENING + "全年共受理行政复议案件35件，办结32件，挽回经济损失1.5万元。\n") * 50
    data = "".join(ch + ("\0" if k % 3 == 1 else "\0" * 9 if k % 50 == 7 else "")
                   for k, ch in enumerate(text))

    def expect(records, err, rc):
        if not (has(records, value=35, unit="件") and has(records, value=15000, unit="元")):
            return "the figures among the NUL bytes are missing"
        return None
    case(name, write("nul.txt", data), expect)


def random_bytes(name):
    rnd = random.Random(1)
    case(name, write("random.bin", rnd.randbytes(1024 * 1024)))


def random_text(name):
    # random pieces of report text: numerals, units, magnitudes, punctuation
    rnd = random.Random(1)
    pieces = ["2023年", "包头市", "青山区", "受理", "案件", "万", "亿", "元", "件", "%", "百分点", "第",
              "名", "一", "两", "十", "百", "千", "点", "余", "多", "以上", "，", "。", "；", "、", "“",
              "”", "《", "》", "|", "\n", " ", "12", "3.5", "1,000", "０", "．", "百分之", "比", "增长",
              "去年", "十三五", "期间", "\u3000", "（一）", "一、"]
    case(name, write("random-text.txt", "".join(rnd.choices(pieces, k=300000))))


def gb18030_cut(name):
    text = OPENING + "全年共受理行政复议案件35件，办结32件，挽回经济损失1.5万元。\n" + "依法行政"
    data = text.encode("gb18030")[:-1]  # cut 政 (2 bytes) in half
    path = write("gb18030-cut.txt", data)
    cut_at = len(data) - 1

    def expect(records, err, rc):
        if not (has(records, value=35, unit="件") and has(records, value=15000, unit="元")):
            return "records of the GB18030 text are missing"
        if "first at byte %d" % cut_at not in err:
            return "no warning about the cut sequence at byte %d: %r" % (cut_at, err)
        return None
    case(name, path, expect)


def invalid_between(name):
    # bad bytes inside otherwise valid UTF-8 (within the 64 KiB the decoder
    # sniffs, and again far after it): the text after them still decodes
    head = OPENING + "全年共受理行政复议案件35件，办结32件。\n"
    tail = "全年共办理法律援助案件987件，挽回经济损失1.5万元。\n"
    bad = b"\xff\xfe\xc0\xaf\xed\xa0\x80\x80"
    first = len(head.encode())
    data = head.encode() + bad + tail.encode()
    path = write("invalid-between.txt", data)

    def expect_at(first, tail_at):
        def expect(records, err, rc):
            hit = [r for r in records if r["value"] == 987 and r["unit"] == "件"]
            if not hit:
                return "the record after the bad bytes (987件) is missing"
            if hit[0]["offset"] != tail_at + len("全年共办理法律援助案件".encode()):
                return "987件 at offset %s, want %d" % (hit[0]["offset"],
                                                       tail_at + len("全年共办理法律援助案件".encode()))
            if not has(records, value=15000, unit="元"):
                return "1.5万元 after the bad bytes is missing"
            if "first at byte %d" % first not in err:
                return "no warning giving the first bad byte %d: %r" % (first, err)
            return None
        return expect
    case(name, path, expect_at(first, first + len(bad)))
    # the same far after the sniffed window
    head2 = head + ("全年共受理行政复议案件35件，办结32件。\n" * 1500)
    first2 = len(head2.encode())
    data2 = head2.encode() + bad + tail.encode()
    case(name + "-late", write("invalid-late.txt", data2), expect_at(first2, first2 + len(bad)))


def ascii_then(name):
    # 70 000 bytes of ASCII (more than the decoder sniffs), then Chinese in
    # GB18030 starting with 一 (D2 BB, valid UTF-8 on its own), and the same
    # with damaged UTF-8: the encoding is settled by the first non-ASCII text
    pad = ("Annual report on law-based government, page header 2023\n" * 1300).encode()
    text = "一、2023年全年共受理行政复议案件35件，办结32件。\n"
    path = write("ascii-gb.txt", pad + text.encode("gb18030"))
    case(name + "-gb18030", path, tail_of(35, 32))
    case(name + "-gb18030-b7", ["--buffer-size", "7", path], tail_of(35, 32))
    bad = b"\xff\xc0\xaf"
    data = pad + text.encode() + bad + "全年共办理法律援助案件987件。\n".encode()
    case(name + "-utf8-damaged", write("ascii-utf8.txt", data), tail_of(35, 32, 987))


def tail_of(*values):
    def expect(records, err, rc):
        for v in values:
            if not has(records, value=v, unit="件"):
                return "%s件 is missing" % v
        return None
    return expect


def wanyuan_doubled(name):
    case(name, write("wanyuan.txt", "万元万元；；" * 1000000 + TAIL), tail_ok)


def spaces(name):
    case(name, write("spaces.txt", " " * (2 * 1024 * 1024) + TAIL), tail_ok)


def one_comma(name):
    case(name, write("one-comma.txt", "1," * 51200 + TAIL), tail_ok)


def quotes(name):
    data = OPENING + "“" * 200000 + "受理案件12件。" + "“”" * 100000 + "办结9件。\n" + "“" * 100000
    case(name, write("quotes.txt", data + TAIL), tail_ok)


def separators(name):
    # U+2028/U+2029, NEL, DEL and C0 controls inside sentences with figures:
    # whatever reaches the output must be escaped
    text = (OPENING + "全年受理\u2028案件35件，\u2029办结\x01\x02\x1b32件，\x7f挽回\u0085损失"
            "\x0b1.5万元\x0c。\n全年\x08培训\u2028\u202912场次，\x1f覆盖\u2029人员3000人次。\n")

    def expect(records, err, rc):
        if not (has(records, value=35) and has(records, value=15000) and has(records, value=3000)):
            return "records around the separators are missing"
        return None
    case(name, write("separators.txt", text * 20), expect)


def separator_filename(name):
    # the file name goes to the output as it is given: U+2028 and a control
    # character in it must be escaped too
    path = write("report\u2028part\u2029two\x01.txt", OPENING + "全年共受理行政复议案件35件。\n")
    case(name, path, lambda recs, err, rc: None if has(recs, file=path, value=35)
         else "no record with the file name as given")


def utf16_odd(name):
    # UTF-16LE with a BOM, an odd byte count and a lone surrogate
    body = (OPENING + "全年共受理案件35件。\n").encode("utf-16-le")
    data = b"\xff\xfe" + body + b"\x3d\xd8" + "办结9件。".encode("utf-16-le") + b"\x00"
    case(name, write("utf16-odd.txt", data))


def bars(name):
    # a header row of 100 000 cells, then a row of 20 000 values (each
    # record carries its whole row piece as context: keep the output sane)
    data = OPENING + "|" + "指标|" * 100000 + "\n|" + "12件|" * 20000 + "\n"
    case(name, write("bars.txt", data))


def many_lines(name):
    # 50 000 short paragraphs with a figure each
    data = OPENING + "受理案件12件。\n" * 50000
    case(name, write("many-lines.txt", data),
         lambda recs, err, rc: None if len(recs) == 50000 else "%d records" % len(recs))


def cli_files(name):
    d = os.path.join(tmp, "a-directory")
    os.makedirs(d, exist_ok=True)
    missing = os.path.join(tmp, "no-such-file.txt")
    good = write("good.txt", OPENING + "全年共受理行政复议案件35件，办结32件。\n")

    def expect(records, err, rc):
        if not any(r.get("file") == good for r in records):
            return "no records of the good file"
        if not has(records, file=good, value=35):
            return "the good file's 35件 is missing"
        if d not in err:
            return "no message about the directory: %r" % err
        if missing not in err:
            return "no message about the missing file: %r" % err
        return None
    case(name, [d, missing, good], expect, rc_ok=(2,))


CASES = [
    ("long-line-6mb", long_line),
    ("digits-3mb", digits),
    ("wan-million", wan_run),
    ("range-chain", range_chain),
    ("long-runs", long_runs),
    ("nul-bytes", nul_bytes),
    ("random-bytes", random_bytes),
    ("random-text", random_text),
    ("gb18030-cut-at-end", gb18030_cut),
    ("invalid-between-text", invalid_between),
    ("ascii-64k-then", ascii_then),
    ("wanyuan-doubled-million", wanyuan_doubled),
    ("spaces-2mb", spaces),
    ("one-comma-100kb", one_comma),
    ("quotes-deep", quotes),
    ("separators-controls", separators),
    ("separators-in-file-name", separator_filename),
    ("utf16-odd-surrogate", utf16_odd),
    ("table-bars", bars),
    ("many-short-lines", many_lines),
    ("cli-dir-missing-good", cli_files),
]

if __name__ == "__main__":
    main()
