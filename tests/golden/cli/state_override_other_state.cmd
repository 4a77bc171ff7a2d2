eval --rules state_rules state_nj.json
