# An unknown short option.
$LGX -Z tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
