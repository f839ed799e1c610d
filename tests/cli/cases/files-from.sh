# --files-from FILE reads the inputs one a line (blank lines skipped), after
# those on the command line; -0 reads them NUL-separated, as find -print0
# writes them (names with a newline too); - is standard input.
mkdir -p "$WORK/d"
cp tests/cli/fixtures/ningbo.txt "$WORK/d/two
lines.txt"
printf 'tests/cli/fixtures/hangzhou.txt\n\ntests/cli/fixtures/ningbo.txt\n' > "$WORK/list"
$LGX --fields file,metric --files-from "$WORK/list" tests/cli/fixtures/empty-report.txt
echo "exit $?"
printf 'tests/cli/fixtures/hangzhou.txt\0%s/d/two\nlines.txt\0' "$WORK" |
    $LGX --fields metric --files-from - -0
echo "exit $?"
$LGX --files-from "$WORK/missing" 2>&1 | sed "s|$WORK|WORK|"
: > "$WORK/empty"
$LGX --files-from "$WORK/empty" 2>&1 | sed "s|$WORK|WORK|"
$LGX -0 tests/cli/fixtures/hangzhou.txt 2>&1
