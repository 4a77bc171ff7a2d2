case submit --db unused.db a_folder.json
