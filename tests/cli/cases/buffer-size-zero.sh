# --buffer-size must be at least 1.
$LGX --buffer-size 0 tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
