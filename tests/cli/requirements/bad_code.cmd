requirements 6232 --rules @TESTS@/impact/rules_old
