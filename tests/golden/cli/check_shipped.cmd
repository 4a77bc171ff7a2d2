check ../../../guidelines
