eval missing.json
