# --format csv: a header row, then a record per row (CRLF, RFC 4180).
$LGX --format csv tests/cli/fixtures/hangzhou.txt
