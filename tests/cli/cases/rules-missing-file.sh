# A rules file that cannot be read: FILE: reason, exit 2, nothing extracted.
$LGX --rules "$WORK/none.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
