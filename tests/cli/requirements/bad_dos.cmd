requirements 62323 --dos 2021-02-29 --rules @TESTS@/impact/rules_old
