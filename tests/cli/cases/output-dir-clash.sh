# Two inputs with one base name would write the same output: the second is
# refused (exit 2), the first is written.
mkdir -p "$WORK/x" "$WORK/y"
cp tests/cli/fixtures/hangzhou.txt "$WORK/x/report.txt"
cp tests/cli/fixtures/ningbo.txt "$WORK/y/report.txt"
cd "$WORK" && $LGX --output-dir out --fields city x/report.txt y/report.txt 2> err
status=$?
sed 's/^/stderr: /' err
cat out/report.jsonl
exit $status
