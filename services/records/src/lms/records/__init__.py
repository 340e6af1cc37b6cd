"""Records service: a learning record store (LRS) for xAPI 1.0.3 and 2.0."""
