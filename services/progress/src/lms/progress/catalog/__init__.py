"""The catalogue as progress keeps it: a copy of every published course version, from curriculum's
events (or read from curriculum when an enrolment beats its event)."""
