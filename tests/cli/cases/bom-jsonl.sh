# A BOM would break JSON: --bom needs --format csv or tsv.
$LGX --bom tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
