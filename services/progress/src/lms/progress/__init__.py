"""Progress service: enrolments, completion, certificates and the HR sync."""
