# --id-field without --input-format jsonl is a usage error.
$LGX --id-field doc_id tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
