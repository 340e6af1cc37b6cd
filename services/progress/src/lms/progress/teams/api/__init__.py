"""Teams, managers' views and assignments over HTTP."""
