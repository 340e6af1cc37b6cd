"""HTTP API: flask-smorest blueprints and marshmallow schemas (the domain never sees these)."""
