# JSON strings escape quotes, backslashes and control characters.
name=$(printf '%s/a"b\\c\td.txt' "$WORK")
cp tests/cli/fixtures/hangzhou.txt "$name"
cd "$WORK" && $LGX --fields file,value "$(basename "$name")" | head -1
$LGX --fields file "$(basename "$name")" | jq -r '.file' | head -1 | od -c
