requirements 62263 --dos 2021-03-01 --rules @TESTS@/impact/rules_old
