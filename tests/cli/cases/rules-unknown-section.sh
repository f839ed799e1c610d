# A rules file with an unknown section: FILE:LINE, exit 2, nothing extracted.
printf '# units\n[unitz]\n+羽 measure\n' > "$WORK/my.rules"
$LGX --rules "$WORK/my.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
