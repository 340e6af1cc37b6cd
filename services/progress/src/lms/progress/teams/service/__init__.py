"""Team views, assignments, and the directory's events as they touch assignments."""
