"""Use cases of the assessment service: one function per use case, one transaction each."""
