"""Use cases of the directory, each over one unit of work."""
