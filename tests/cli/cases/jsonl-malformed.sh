# A malformed line is reported with FILE:LINE and skipped; the others are
# extracted, and the exit status is 2 (an error wins).
$LGX --input-format jsonl --fields doc,metric tests/cli/fixtures/corpus-malformed.jsonl 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
