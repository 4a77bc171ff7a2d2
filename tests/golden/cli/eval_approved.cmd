eval approved_case.json
