# An encoding iconv does not know is a usage error, before any file is read.
$LGX -e NO-SUCH-ENCODING tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
