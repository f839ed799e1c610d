# --format html: the page's body (its style and script are tested in
# tests/html): the text with each value marked, the table, the summary.
$LGX --format html tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/no-city.txt > "$WORK/page.html"
status=$?
sed -n '/^<main>/,/^<\/main>/p' "$WORK/page.html"
exit $status
