# A \u0000 escape inside a document's text no longer ends the text: the
# rest is read, the NUL is a control character as in a text file (dropped
# inside a number: 3, NUL, 5件 is 35件), and one warning per document says
# how many there were and where the first stands in the corpus file.
printf '%s\n' '{"id":"a","text":"2023年，杭州市办理法律援助案件3\u00005件，\u0000调解成功率达98.9%。\u0000全年开展普法宣传活动1300余场。"}' \
    '{"id":"b","text":"2022年，宁波市共审查规范性文件186件。"}' > "$WORK/nul.jsonl"
$LGX --input-format jsonl --fields doc,line,offset,metric,text "$WORK/nul.jsonl" 2> "$WORK/err"
echo "exit $?"
sed "s|$WORK|WORK|; s/^/stderr: /" "$WORK/err"
# the same text in a file, NUL bytes and all, gives the same records
printf '2023年，杭州市办理法律援助案件3\0005件，\000调解成功率达98.9%%。\000全年开展普法宣传活动1300余场。' > "$WORK/nul.txt"
$LGX --fields metric,text "$WORK/nul.txt" > "$WORK/file"
$LGX --input-format jsonl --fields metric,text "$WORK/nul.jsonl" 2> /dev/null | head -3 | cmp - "$WORK/file" &&
    echo "a text file with NUL bytes: the same records"
