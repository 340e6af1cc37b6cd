"""Pure rules of progress: completion, webhook signatures, xAPI statements. No I/O."""
