# The output's extension follows --format; standard input is stdin.NAME.
cd tests/cli/fixtures
for f in json csv tsv; do
    $LGX --output-dir "$WORK/out" --format $f --fields metric,value ningbo.txt - < hangzhou.txt
done
cd "$WORK/out" && for f in *; do echo "== $f"; cat "$f"; done
