"""API keys: created by an admin, shown once, stored hashed, exchanged for short-lived JWTs."""
