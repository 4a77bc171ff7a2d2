impact --old @TESTS@/impact/rules_old --new @TESTS@/impact/rules_new no_such_corpus.ndjson
