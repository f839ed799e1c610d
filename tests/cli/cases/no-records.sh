# No record at all: exit 1, nothing on standard output.
$LGX tests/cli/fixtures/empty-report.txt
