repl --rules @TESTS@/impact/rules_old --today 2021-03-01
