# --id-field and --text-field name the document's fields.
$LGX --input-format jsonl --id-field doc_id --text-field content --format csv \
    --fields doc,metric,value tests/cli/fixtures/corpus-renamed.jsonl
