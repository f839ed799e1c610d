#!/bin/sh
# End-to-end tests: the seeds through the scorer, and the same records
# whatever the encoding, the chunk size or the way the input arrives.
# usage: tests/e2e/run.sh BINARY [--quick]
set -u
bin=$1
quick=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

cd "$top" || exit 2
"$bin" seeds/*.txt > "$tmp/utf8.jsonl" 2> "$tmp/err" || { bad "extractor exited $? on the seeds"; cat "$tmp/err" >&2; }
[ -s "$tmp/err" ] && bad "warnings on clean seeds: $(head -3 "$tmp/err")"

# accuracy on the seeds (the issue's floors are value F1 0.98, record F1
# 0.90, names close 0.75; these sit a little under the level reached:
# record F1 1.000, names close 0.852), fields >= 0.92
# indicator: precision >= 0.95 (a wrong column is worse than an empty one), recall >= 0.82
if python3 tests/e2e/score.py --min-value-f1 0.98 --min-record-f1 0.95 --min-name-close 0.82 \
        --min-indicator-precision 0.95 --min-indicator-recall 0.82 corpus/gold "$tmp/utf8.jsonl" > "$tmp/score"; then
    ok
else
    bad "seed scores below threshold"; cat "$tmp/score" >&2
fi
echo "seeds:"; tail -5 "$tmp/score"

# accuracy on the development corpus of other cities (corpus/dev), scored
# apart from the seeds.  The held-out texts (j*: annotated after the rules
# were written, and kept out of tuning; c*, d*, e*, f* and g* were held out too
# until rules were made from their misses) are scored apart, with no floor: the
# floors that catch regressions are on the texts rules were made from, and
# the issue's floors (value 0.98, record 0.90, close 0.75) on the whole set.
"$bin" corpus/dev/docs/*.txt > "$tmp/dev.jsonl" 2>/dev/null
mkdir -p "$tmp/tuned" "$tmp/heldout"
for g in corpus/dev/gold/*.jsonl; do
    case $(basename "$g") in j*) cp "$g" "$tmp/heldout/" ;; *) cp "$g" "$tmp/tuned/" ;; esac
done
if python3 tests/e2e/score.py --min-value-f1 0.98 --min-record-f1 0.94 --min-name-close 0.80 \
        --min-indicator-precision 0.90 --min-indicator-recall 0.82 "$tmp/tuned" "$tmp/dev.jsonl" > "$tmp/uscore"; then
    ok
else
    bad "corpus/dev (without the held-out texts) scores below threshold"; cat "$tmp/uscore" >&2
fi
if python3 tests/e2e/score.py --min-value-f1 0.98 --min-record-f1 0.90 --min-name-close 0.75 \
        corpus/dev/gold "$tmp/dev.jsonl" > "$tmp/dscore"; then
    ok
else
    bad "corpus/dev scores below the issue's floors"; cat "$tmp/dscore" >&2
fi
echo "corpus/dev:"; tail -5 "$tmp/dscore"
echo "corpus/dev without the held-out texts:"; tail -5 "$tmp/uscore"
"$bin" corpus/dev/docs/j*.txt > "$tmp/heldout.jsonl" 2>/dev/null
python3 tests/e2e/score.py "$tmp/heldout" "$tmp/heldout.jsonl" > "$tmp/hscore" 2>&1
echo "corpus/dev held out (j*):"; tail -5 "$tmp/hscore"

# the statistical-table texts (corpus/dev/tables, issue #19), scored apart
# from the prose.  Floors a little under the level the table reader reaches
# (value F1 0.995, record F1 0.978, names close 0.95).
"$bin" corpus/dev/tables/docs/*.txt > "$tmp/tables.jsonl" 2>/dev/null
if python3 tests/e2e/score.py --min-value-f1 0.98 --min-record-f1 0.94 --min-name-close 0.90 \
        corpus/dev/tables/gold "$tmp/tables.jsonl" > "$tmp/tscore" 2>&1; then
    ok
else
    bad "corpus/dev/tables scores below threshold"; cat "$tmp/tscore" >&2
fi
echo "corpus/dev/tables:"; grep -E '^(value|record) ' "$tmp/tscore"
python3 tests/e2e/score.py --json corpus/gold "$tmp/utf8.jsonl" > "$tmp/score.json"
if python3 - "$tmp/score.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
fields = d.get("fields") or d.get("field_accuracy") or {}
low = {k: v for k, v in fields.items() if k in ("year", "city", "metric") and v < 0.92}
sys.exit(1 if low else 0)
PY
then ok; else bad "year/city/metric accuracy below 0.92"; fi

# every line of output is a JSON object with the fields in order
if python3 - "$tmp/utf8.jsonl" <<'PY'
import json, sys
order = ["file", "line", "offset", "city", "district", "adcode", "year", "period", "metric", "indicator",
         "value", "unit", "qualifier", "kind", "role", "text", "context"]
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    rec = json.loads(line)
    if list(rec) != order:
        sys.exit(f"line {n}: fields {list(rec)}")
PY
then ok; else bad "output fields not in record-format order"; fi

# same records for other encodings, chunk sizes and standard input
strip() {
    python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line); r.pop("offset"); r.pop("file"); print(json.dumps(r, ensure_ascii=False))
'
}
same() { # name, file-with-output
    if strip < "$2" | cmp -s - "$tmp/expect.$3"; then ok; else bad "$1 gives other records than UTF-8 ($3)"; fi
}
for f in seeds/*.txt; do
    b=$(basename "$f" .txt)
    "$bin" "$f" | strip > "$tmp/expect.$b"
    iconv -f UTF-8 -t GB18030 "$f" > "$tmp/$b.gb"
    "$bin" "$tmp/$b.gb" > "$tmp/out" && same "GB18030" "$tmp/out" "$b"
    "$bin" --buffer-size 7 "$tmp/$b.gb" > "$tmp/out" && same "GB18030, 7-byte chunks" "$tmp/out" "$b"
    [ "$quick" = --quick ] && continue
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$tmp/$b.u16"
    "$bin" "$tmp/$b.u16" > "$tmp/out" && same "UTF-16LE with BOM" "$tmp/out" "$b"
    { printf '\357\273\277'; cat "$f"; } > "$tmp/$b.bom"
    "$bin" "$tmp/$b.bom" > "$tmp/out" && same "UTF-8 with BOM" "$tmp/out" "$b"
    "$bin" - < "$f" > "$tmp/out" && same "standard input" "$tmp/out" "$b"
    "$bin" < "$tmp/$b.gb" > "$tmp/out" && same "GB18030 on standard input" "$tmp/out" "$b"
    for n in 1 7 4093; do
        "$bin" --buffer-size $n "$f" > "$tmp/out" && same "--buffer-size $n" "$tmp/out" "$b"
    done
    "$bin" --buffer-size 1 "$tmp/$b.gb" > "$tmp/out" && same "GB18030, 1-byte chunks" "$tmp/out" "$b"
    sed 's/$/\r/' "$f" > "$tmp/$b.crlf"
    "$bin" "$tmp/$b.crlf" > "$tmp/out" && same "CRLF line ends" "$tmp/out" "$b"
done

# a seed in traditional script (OpenCC's s2t) gives the same city, year,
# metric, value and unit as the original
keys() {
    python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line); print(r["city"], r["year"], r["metric"], r["value"], r["unit"])
'
}
if command -v opencc >/dev/null 2>&1; then
    for f in seeds/*.txt; do
        b=$(basename "$f" .txt)
        opencc -c s2t.json -i "$f" -o "$tmp/$b.trad" || { bad "opencc failed on $f"; continue; }
        "$bin" "$f" | keys > "$tmp/$b.keys"
        if "$bin" "$tmp/$b.trad" | keys | cmp -s - "$tmp/$b.keys"; then ok
        else bad "$b in traditional script gives other records"; fi
    done
else
    bad "opencc (Debian package opencc) is missing: run tools/ensure-deps.sh check"
fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
