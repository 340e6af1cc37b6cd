"""HTTP API of the curriculum service (flask-smorest blueprints)."""
