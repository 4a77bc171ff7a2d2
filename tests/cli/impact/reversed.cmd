impact --old @TESTS@/impact/rules_new --new @TESTS@/impact/rules_old @TESTS@/impact/cases.ndjson --examples 1
