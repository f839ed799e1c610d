# An error wins over "no records": exit 2.
$LGX tests/cli/fixtures/empty-report.txt tests/cli/fixtures/no-such-file.txt 2>/dev/null
