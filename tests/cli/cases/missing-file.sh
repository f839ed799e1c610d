# A missing file is an error (exit 2), and the other files are still read.
$LGX --fields file,metric tests/cli/fixtures/no-such-file.txt tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
