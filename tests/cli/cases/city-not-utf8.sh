# --city must be UTF-8, since it is written into every record: usage error.
$LGX --city "$(printf 'x\377')" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
