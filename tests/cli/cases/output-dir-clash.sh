# Two inputs that differ only in their extension would write the same
# output: the second is refused (exit 2), the first is written.
mkdir -p "$WORK/x"
cp tests/cli/fixtures/hangzhou.txt "$WORK/x/report.txt"
cp tests/cli/fixtures/ningbo.txt "$WORK/x/report.md"
cd "$WORK" && $LGX --output-dir out --fields city x/report.txt ./x/../x/report.md 2> err
status=$?
sed 's/^/stderr: /' err
cat out/x/report.jsonl
exit $status
