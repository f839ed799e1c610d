# An output directory that cannot be made is an error.
$LGX --output-dir /dev/null/out tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
