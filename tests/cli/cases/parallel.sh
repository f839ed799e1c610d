# The README's GNU parallel recipes, run as written there (read from
# README.md, with reports/*.txt and corpus.jsonl made here, and a smaller
# --block so the corpus is cut in several chunks): each exits 0 - a file or
# chunk without records is no failed job - and writes what one run writes.
top=$(pwd)
mkdir -p "$WORK/bin" "$WORK/reports"
ln -s "$LGX" "$WORK/bin/lawgov-extract"
PATH=$WORK/bin:$PATH
cp tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/ningbo.txt \
    tests/cli/fixtures/no-city.txt "$WORK/reports/"
python3 - "$WORK/corpus.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(60):   # the first 3 KB or so hold no figure
        f.write(json.dumps({"id": "n%d" % i, "text": "全市法治政府建设稳步推进。"}, ensure_ascii=False) + "\n")
    for line in open("tests/cli/fixtures/corpus.jsonl", encoding="utf-8"):
        for r in range(40):
            doc = json.loads(line)
            doc["id"] = "%s-%d" % (doc["id"], r)
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
PY
cd "$WORK"
recipe() { grep -F "$1" "$top/README.md" | head -1; }
r1=$(recipe "parallel -k 'lawgov-extract {}; [ \$? -le 1 ]' ::: reports/*.txt > all.jsonl")
r2=$(recipe "(lawgov-extract --format csv < /dev/null; parallel -k")
r3=$(recipe "parallel -k --pipepart -a corpus.jsonl --block 10M")
for r in "$r1" "$r2" "$r3"; do [ -n "$r" ] || { echo "a recipe is missing from README.md"; exit 1; }; done
sh -c "$r1"
echo "files, JSON Lines: exit $?"
lawgov-extract reports/*.txt | cmp - all.jsonl && echo "  same as one run"
sh -c "$r2"
echo "files, CSV: exit $?"
lawgov-extract --format csv reports/*.txt | cmp - all.csv && echo "  same as one run, one header"
sh -c "$(echo "$r3" | sed 's/--block 10M/--block 2k/')"
echo "corpus in chunks: exit $?"
lawgov-extract --input-format jsonl --fields doc,city,year,metric,value,unit corpus.jsonl | cmp - all.jsonl &&
    echo "  same as one run: $(wc -l < all.jsonl) records"
# without the [ $? -le 1 ] the files without records count as failed jobs
parallel -k lawgov-extract {} ::: reports/*.txt > /dev/null 2>&1
echo "without it: parallel exits $?"
