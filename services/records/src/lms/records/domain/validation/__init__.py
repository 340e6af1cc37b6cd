"""Validation of statements and of the agents and activities that request parameters name."""
