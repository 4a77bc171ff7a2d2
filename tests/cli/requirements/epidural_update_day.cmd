requirements 62323 --dos 2020-08-16 --rules @TESTS@/impact/rules_old
