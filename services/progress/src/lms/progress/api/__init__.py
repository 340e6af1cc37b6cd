"""HTTP API of the progress service."""
