# An option without its argument.
$LGX tests/cli/fixtures/hangzhou.txt --format 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
