"""The JSON HTTP API (FastAPI), saved-search feeds and the Datasette view."""
