# A reader that stops during the first input's records: with -j N as with
# -j 1 the records were found, so the exit status is 0.  The input is large
# enough that its output cannot fit in the pipe.
for i in 1 2 3 4 5 6 7 8; do cat seeds/*.txt; done > "$WORK/big.txt"
for j in 1 2; do
    { $LGX -j $j "$WORK/big.txt" seeds/*.txt 2> "$WORK/err"; echo $? > "$WORK/status"; } | head -c 9
    echo
    echo "-j $j: exit $(cat "$WORK/status"), stderr bytes $(wc -c < "$WORK/err")"
done
