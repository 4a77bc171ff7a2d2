eval --trace approved_case.json
