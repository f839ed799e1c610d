# A full disk (here a file size limit, which fails write() the same way)
# leaves no truncated or empty file under the output's name and no
# temporary file; the message names the output; exit 2.  The other
# inputs' outputs are complete.
cp tests/cli/fixtures/ningbo.txt "$WORK/small.txt"
i=0; while [ $i -lt 300 ]; do cat tests/cli/fixtures/hangzhou.txt; i=$((i + 1)); done > "$WORK/big.txt"
cd "$WORK"
for j in 1 2; do
    (
        trap '' XFSZ
        ulimit -f 64   # 64 blocks of 512 bytes: the big input's output does not fit
        $LGX -j $j --output-dir out$j small.txt big.txt 2> err
    )
    echo "-j $j: exit $?"
    sed 's/^/stderr: /' err
    find out$j | sort
done
