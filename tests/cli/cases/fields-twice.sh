# A field named twice is a usage error (a JSON object holds a key once).
$LGX --fields city,value,city tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
