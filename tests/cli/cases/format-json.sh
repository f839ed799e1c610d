# --format json: one array, a record per line.
$LGX --format json tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/ningbo.txt
