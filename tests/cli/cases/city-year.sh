# --city and --year fill in what a report does not say.
$LGX --fields city,adcode,year,metric,value tests/cli/fixtures/no-city.txt
$LGX --city 杭州市 --year 2021 --fields city,adcode,year,metric,value tests/cli/fixtures/no-city.txt
