impact --old @TESTS@/impact/rules_old --new @TESTS@/impact/rules_new @TESTS@/impact/cases.ndjson --json --examples 2
