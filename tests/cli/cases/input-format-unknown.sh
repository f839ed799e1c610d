# An unknown --input-format is a usage error.
$LGX --input-format xml tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
