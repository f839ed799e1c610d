# A corpus on standard input, as Hadoop Streaming or Spark's pipe() feed it.
cat tests/cli/fixtures/corpus.jsonl | $LGX --input-format jsonl --fields file,doc,metric,value
