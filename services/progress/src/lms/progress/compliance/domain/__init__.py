"""Cycles, notices and where an assigned learner stands. Pure, no I/O."""
