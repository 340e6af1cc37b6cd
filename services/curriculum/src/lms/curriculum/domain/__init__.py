"""Pure rules of the curriculum: documents, publish validation, packages. No I/O."""
