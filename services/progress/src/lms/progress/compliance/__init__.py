"""Compliance cycles: HR's recertification policy on an assignment, each learner's cycles, the
notices the schedule sends, renewals, certifications and the compliance report."""
