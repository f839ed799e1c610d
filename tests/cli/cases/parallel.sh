# GNU parallel runs one lawgov-extract per file (-k keeps the input order):
# the same records as one call over both files.
$LGX --fields file,metric,value tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/ningbo.txt > "$WORK/one-call"
parallel -k -j 2 "$LGX" --fields file,metric,value ::: tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/ningbo.txt \
    > "$WORK/parallel" 2> "$WORK/err"
echo "parallel exit $?"
cmp "$WORK/one-call" "$WORK/parallel" && echo "same as one call"
# and --pipe splits a JSON Lines corpus between processes, a document per block
parallel -k --pipe -N 1 "$LGX" --input-format jsonl --fields doc,metric < tests/cli/fixtures/corpus.jsonl 2>> "$WORK/err"
echo "parallel --pipe exit $?"
