"""Reads of progress's copy of the directory."""
