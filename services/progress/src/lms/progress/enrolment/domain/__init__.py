"""The completion rule and the shape of xAPI statements. Pure, no I/O."""
