# Warnings about the input show in the page's summary as on stderr.
printf '2023年杭州市受理\377案件12件。\n' | $LGX --format html 2> "$WORK/err" | sed -n '/class="warnings"/p'
sed 's/^/stderr: /' "$WORK/err"
