"""Enrolments over HTTP: learners enrol themselves, HR enrols others; lessons; upgrades."""
