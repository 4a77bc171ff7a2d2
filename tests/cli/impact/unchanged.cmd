impact --old @TESTS@/impact/rules_old --new @TESTS@/impact/rules_old @TESTS@/impact/cases.ndjson --examples 0
