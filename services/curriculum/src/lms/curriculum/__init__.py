"""Curriculum service: courses, modules and lessons; drafts and immutable published versions."""
