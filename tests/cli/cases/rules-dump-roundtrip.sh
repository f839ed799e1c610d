# --dump-rules prints the lists in effect in the rules format: fed back
# with --rules it gives the same lists and the same records.
$LGX --dump-rules > "$WORK/defaults.rules" || exit 1
head -5 "$WORK/defaults.rules"
grep -q '^\[places\]$' "$WORK/defaults.rules" && echo "[places] is there, empty or not"
$LGX --rules "$WORK/defaults.rules" --dump-rules | cmp - "$WORK/defaults.rules" && echo "dump of the dump: same"
$LGX seeds/*.txt > "$WORK/a.jsonl"
$LGX --rules "$WORK/defaults.rules" seeds/*.txt | cmp - "$WORK/a.jsonl" && echo "records with the dump: same"
# an edited dump: what a user adds is in the next dump
printf '[units]\n+斤 measure\n[places]\n+高新区 = 包头市稀土高新技术产业开发区\n' > "$WORK/mine.rules"
$LGX --rules "$WORK/mine.rules" --dump-rules > "$WORK/mine-dump.rules"
grep -e '^斤 ' -e '^高新区 ' "$WORK/mine-dump.rules"
echo '粮食总产达到189亿斤。' | $LGX --year 2023 --fields unit,kind --rules "$WORK/mine-dump.rules"
