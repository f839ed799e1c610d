# --skip-existing: inputs whose output exists are not read again, and a
# note says how many; --skip-existing needs --output-dir.
cd tests/cli/fixtures
$LGX --output-dir "$WORK/out" hangzhou.txt
$LGX --output-dir "$WORK/out" --skip-existing hangzhou.txt ningbo.txt missing.txt 2> "$WORK/err"
echo "exit $?"
sed 's/^/stderr: /' "$WORK/err"
cd "$WORK/out" && wc -l *.jsonl
$LGX --skip-existing hangzhou.txt 2>&1
echo "exit $?"
$LGX -q --output-dir "$WORK/out" --skip-existing hangzhou.txt ningbo.txt 2>&1
echo "with -q: exit $?"
