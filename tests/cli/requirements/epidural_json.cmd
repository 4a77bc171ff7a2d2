requirements 62320 --dos 2020-08-16 --json --rules @TESTS@/impact/rules_old
