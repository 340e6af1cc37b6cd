"""Pure rules of progress: course structure, completion, webhook signatures, xAPI statements,
spreadsheet-safe cells, and the refusals use cases raise. No I/O."""
