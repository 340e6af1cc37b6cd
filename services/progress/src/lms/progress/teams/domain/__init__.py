"""Due dates of assigned courses. Pure, no I/O."""
