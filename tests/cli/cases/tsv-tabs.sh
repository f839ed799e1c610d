# TSV has no quoting: tabs and line breaks in a value become spaces.
name=$(printf '%s/a\tb\nc.txt' "$WORK")
cp tests/cli/fixtures/hangzhou.txt "$name"
cd "$WORK" && $LGX --format tsv --fields file,value "$(basename "$name")" | od -c
