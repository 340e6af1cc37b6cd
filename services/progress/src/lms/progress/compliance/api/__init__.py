"""Certifications and the compliance report over HTTP."""
