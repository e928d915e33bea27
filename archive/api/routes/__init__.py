"""The API's routes, one module per group; `archive.api.app.create_app` includes their routers."""
