# An empty report still gives a whole page, and exit status 1.
$LGX --format html tests/cli/fixtures/empty-report.txt > "$WORK/page.html"
status=$?
sed -n '/^<main>/,/^<\/main>/p' "$WORK/page.html"
tail -c 16 "$WORK/page.html"
exit $status
