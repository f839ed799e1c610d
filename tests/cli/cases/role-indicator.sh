# role (actual, baseline, target) and indicator (the standard indicator,
# or empty) in every format; a baseline takes the year its comparison names,
# a plan section's figures the year after the report's.
for f in csv tsv json; do
    $LGX --format $f --fields line,year,indicator,value,unit,kind,role tests/cli/fixtures/repeats.txt
done
