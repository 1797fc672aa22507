"""The web app: server-rendered pages over the knowledge base (see pages.py)."""
