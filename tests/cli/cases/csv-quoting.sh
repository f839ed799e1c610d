# CSV quotes cells with a comma, a quote or a line break, and doubles quotes;
# a CSV reader gets the file name back intact.
name=$(printf '%s/a,b "c"\nd.txt' "$WORK")
cp tests/cli/fixtures/hangzhou.txt "$name"
cd "$WORK" && $LGX --format csv --fields file,value "$(basename "$name")" | tee out.csv | od -c
python3 -c 'import csv,sys; print([r[0] for r in csv.reader(open(sys.argv[1], newline=""))][1:2])' out.csv
