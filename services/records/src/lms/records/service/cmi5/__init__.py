"""cmi5 use cases: launches, sessions and their statements, registrations and their satisfaction."""
