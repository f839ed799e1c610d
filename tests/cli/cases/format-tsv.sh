# --format tsv: a header row, then a record per row.
$LGX --format tsv tests/cli/fixtures/hangzhou.txt
