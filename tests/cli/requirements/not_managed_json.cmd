requirements 99213 --dos 2021-03-01 --json --rules @TESTS@/impact/rules_old
