# LAWGOV_RULES: colon-separated rules files, read before --rules; an empty
# name is skipped; a bad file there is reported like one of --rules.
printf '[units]\n+羽 measure\n' > "$WORK/a.rules"
printf '[units]\n-羽\n' > "$WORK/b.rules"
printf '[unitz]\n' > "$WORK/bad.rules"
echo '家禽出栏达到189亿羽。' > "$WORK/in.txt"
LAWGOV_RULES="$WORK/a.rules::" $LGX --year 2023 --fields unit,kind "$WORK/in.txt"
# --rules comes after: it removes what the environment added
LAWGOV_RULES="$WORK/a.rules" $LGX --year 2023 --fields unit,kind --rules "$WORK/b.rules" "$WORK/in.txt"
LAWGOV_RULES="$WORK/a.rules:$WORK/bad.rules" $LGX --year 2023 "$WORK/in.txt" 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
