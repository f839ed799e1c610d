# -c, --count prints FILE:N per input instead of records, in input order
# (as grep -c); exit 0 when some input gave records.
$LGX -c tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/repeats.txt
echo "exit $?"
$LGX --count --dedupe tests/cli/fixtures/repeats.txt
$LGX -c -j 2 tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/repeats.txt
echo "-j 2 exit $?"
$LGX -c --format csv < tests/cli/fixtures/ningbo.txt
$LGX -c --input-format jsonl tests/cli/fixtures/corpus-repeats.jsonl
# only inputs that gave none: exit 1; a missing input has no line, exit 2
$LGX -c tests/cli/fixtures/empty-report.txt
echo "exit $?"
$LGX -c tests/cli/fixtures/hangzhou.txt "$WORK/missing.txt" 2> "$WORK/err"
echo "exit $?"
sed "s|$WORK|WORK|; s/^/stderr: /" "$WORK/err"
