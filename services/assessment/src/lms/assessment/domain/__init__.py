"""Pure rules of assessment: the definition, publish validation, grading, diagnostics. No I/O."""
