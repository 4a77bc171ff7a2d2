eval a_folder.json
