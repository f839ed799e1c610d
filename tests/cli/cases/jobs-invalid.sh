# -j takes a number.
$LGX -j many tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
