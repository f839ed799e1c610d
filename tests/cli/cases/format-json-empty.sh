# No records in JSON is an empty array (and exit 1).
$LGX --format json tests/cli/fixtures/empty-report.txt
