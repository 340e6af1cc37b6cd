"""The directory as progress keeps it (people, manager lines, teams, from the people service's
events) and the lookups the suite's access rule asks of it."""
