requirements --rules @TESTS@/impact/rules_old
