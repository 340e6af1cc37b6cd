"""What a change in the directory means. Pure, no I/O."""
