"""Enrolments and the completion rule: lessons, graded attempts as evidence, module and course
completions, certificates and the xAPI statements that record them."""
