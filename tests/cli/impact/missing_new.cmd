impact --old @TESTS@/impact/rules_old @TESTS@/impact/cases.ndjson
