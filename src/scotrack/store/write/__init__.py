"""Writes to the knowledge base: loading, storing documents, reviewing, editing.

Every change goes through the change log (`scotrack.store.history`). A write may
use a read (`scotrack.store.read`); a read never uses a write.
"""
