eval --rules state_rules state_pa.json
