# A directory is an error with a clear message; the other files are still read.
$LGX --fields file,metric tests/cli/fixtures tests/cli/fixtures/ningbo.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
