"""Reads of the knowledge base: what the CLI, the API and the web app show.

Every module here reads and returns domain objects or small read models (never ORM
rows); none imports `scotrack.store.write` (tests/test_architecture.py).
"""
