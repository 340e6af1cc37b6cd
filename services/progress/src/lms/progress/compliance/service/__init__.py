"""Cycles in the database, the notices' events, renewals, certifications and the report."""
