# A corpus gives one document per line on the same page, named by its id.
$LGX --format html --input-format jsonl tests/cli/fixtures/corpus.jsonl | grep -o '<h1 class="file">.*</p></header>'
