"""The REST API and the web app's server: `create_app` builds both (see app.py)."""
