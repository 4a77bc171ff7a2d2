requirements 62323 --dos 2020-08-15 --rules @TESTS@/impact/rules_old
