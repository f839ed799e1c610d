# The array is valid JSON, whatever the number of files; value is a number.
$LGX --format json tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/ningbo.txt |
    jq -c 'length, (map(.value) | add), (.[0].value | type)'
