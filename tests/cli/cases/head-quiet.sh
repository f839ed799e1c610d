# A reader that stops early (| head -1) ends lawgov-extract quietly: no
# message, and the exit status of a good run.  Enough output to fill the pipe.
set -- seeds/*.txt seeds/*.txt seeds/*.txt seeds/*.txt seeds/*.txt
for j in 1 3; do
    { $LGX -j $j "$@" "$@" "$@" 2> "$WORK/err"; echo $? > "$WORK/status"; } | head -1 | cut -c1-40
    echo "-j $j: exit $(cat "$WORK/status"), stderr bytes $(wc -c < "$WORK/err")"
done
