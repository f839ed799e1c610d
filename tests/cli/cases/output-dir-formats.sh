# The output's extension follows --format; standard input is stdin.NAME.
for f in json csv tsv; do
    $LGX --output-dir "$WORK/out" --format $f --fields metric,value tests/cli/fixtures/ningbo.txt - < tests/cli/fixtures/hangzhou.txt
done
cd "$WORK/out" && for f in *; do echo "== $f"; cat "$f"; done
