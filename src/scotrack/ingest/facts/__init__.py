"""The fact stages: one module per sco-extract/1 list, and what they share."""
