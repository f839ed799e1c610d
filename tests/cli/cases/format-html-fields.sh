# --fields chooses the table's columns (file, doc, offset, adcode and
# context never are: the page shows them otherwise); the marks stay.
$LGX --format html --fields metric,value,context,year tests/cli/fixtures/hangzhou.txt | sed -n '/<thead>/,/<\/tbody>/p'
