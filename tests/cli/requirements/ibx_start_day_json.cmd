requirements 62323 --plan IBX --dos 2018-01-02 --json --rules @TESTS@/impact/rules_old
