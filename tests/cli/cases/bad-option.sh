# An unknown option: a usage error on standard error, exit 2, nothing on stdout.
$LGX --no-such-option tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
