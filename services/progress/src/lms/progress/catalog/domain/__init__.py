"""A published course version as progress needs it. Pure, no I/O."""
