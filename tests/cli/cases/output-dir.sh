# --output-dir writes NAME.jsonl per input (making the directory, mkdir -p);
# -j 2 writes the same files as -j 1.  Nothing goes to standard output.
cd tests/cli/fixtures
$LGX --output-dir "$WORK/j1/a/b" -j 1 hangzhou.txt ningbo.txt empty-report.txt
echo "exit $?"
$LGX --output-dir "$WORK/j2" -j 2 hangzhou.txt ningbo.txt empty-report.txt
echo "exit $?"
diff -r "$WORK/j1/a/b" "$WORK/j2" && echo "-j 2 identical to -j 1"
cd "$WORK/j2" && wc -l *
