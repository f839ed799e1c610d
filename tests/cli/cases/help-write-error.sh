# --help to a full disk is an error too.
$LGX --help > /dev/full 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
