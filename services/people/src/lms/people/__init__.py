"""People service: the directory of users and teams."""
