# --bom starts CSV and TSV with the UTF-8 BOM, for Excel.
$LGX --format csv --bom tests/cli/fixtures/hangzhou.txt | head -c 12 | od -An -c
$LGX --format tsv --bom tests/cli/fixtures/hangzhou.txt | head -c 3 | od -An -tx1
$LGX --format csv tests/cli/fixtures/hangzhou.txt | head -c 3 | od -An -tx1
