"""Curriculum use cases: one function per use case (or small group), each over a unit of work."""
