# -j N splits one JSON Lines corpus between threads (about 512 KB of lines
# each): the output is byte for byte that of -j 1 in every format, and the
# messages about malformed lines name the same corpus lines.
python3 - "$WORK/corpus.jsonl" <<'PY'
import glob, json, sys
docs = sorted(glob.glob("seeds/*.txt")) + sorted(glob.glob("tests/cli/fixtures/*.txt"))
with open(sys.argv[1], "w") as f:
    for r in range(30):
        for i, p in enumerate(docs):
            text = open(p, encoding="utf-8", errors="replace").read()
            f.write(json.dumps({"id": "%d-%d" % (r, i), "text": text}, ensure_ascii=(i % 2 == 0)) + "\n")
        f.write("not json\n" if r % 13 == 0 else "\n")
PY
echo "corpus: $(wc -l < "$WORK/corpus.jsonl") lines, more than 1.5 MB: $([ $(wc -c < "$WORK/corpus.jsonl") -gt 1500000 ] && echo yes)"
for f in jsonl json csv tsv; do
    $LGX --input-format jsonl --format $f -j 1 "$WORK/corpus.jsonl" > "$WORK/j1" 2> "$WORK/e1"
    s1=$?
    for j in 2 3; do
        $LGX --input-format jsonl --format $f -j $j "$WORK/corpus.jsonl" 2> "$WORK/e$j" | cmp - "$WORK/j1" &&
            sort "$WORK/e1" | cmp -s - "$(sort "$WORK/e$j" > "$WORK/s$j"; echo "$WORK/s$j")" &&
            echo "$f -j $j: same records and messages as -j 1 (exit $s1)"
    done
done
sed "s|$WORK|WORK|; s/^/stderr: /" "$WORK/e1"
# and into --output-dir, with a second corpus
cp "$WORK/corpus.jsonl" "$WORK/second.jsonl"
cd "$WORK" && $LGX --input-format jsonl -j 1 --output-dir o1 corpus.jsonl second.jsonl 2> /dev/null
$LGX --input-format jsonl -j 2 --output-dir o2 corpus.jsonl second.jsonl 2> /dev/null
diff -r o1 o2 && echo "--output-dir -j 2: same files as -j 1: $(ls o2 | tr '\n' ' ')"
