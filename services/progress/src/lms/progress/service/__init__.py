"""Use cases of progress: each a function over a unit of work (see `context.Context`)."""
