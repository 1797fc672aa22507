"""Documents in, facts out: one pipeline stage per module, plain data in and out."""
