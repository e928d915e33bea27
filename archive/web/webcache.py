"""The archive the web app serves, loaded once per process.

`archive serve` starts the Streamlit server in its own process and loads the archive in a
background thread at the same time, so the first reader does not wait for the model to load.
"""

from __future__ import annotations

import streamlit as st

from archive.core import Archive


@st.cache_resource(show_spinner="Loading the archive index and model…")
def load_archive(index_dir: str) -> Archive:
    archive = Archive.open(index_dir)
    archive.ask("warm up")  # first query pays for lazy loading (tokenizer, statistics)
    return archive
