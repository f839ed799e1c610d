# --input-format jsonl: a document per line; each record carries its doc id
# (a number id is written as a string); line and offset count in the text.
$LGX --input-format jsonl tests/cli/fixtures/corpus.jsonl
