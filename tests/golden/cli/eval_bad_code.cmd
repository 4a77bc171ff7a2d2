eval bad_code.json
