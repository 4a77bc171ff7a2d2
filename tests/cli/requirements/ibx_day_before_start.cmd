requirements 62323 --plan IBX --dos 2018-01-01 --rules @TESTS@/impact/rules_old
