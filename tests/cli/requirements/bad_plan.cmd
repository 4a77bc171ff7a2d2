requirements 62323 --plan IBC --rules @TESTS@/impact/rules_old
