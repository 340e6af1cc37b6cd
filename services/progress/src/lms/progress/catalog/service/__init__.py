"""Keeping the copy of published course versions, and reading one from curriculum."""
