"""Start the Streamlit server on the app shipped inside the package, preloading the archive.

In public mode (ARCHIVE_PUBLIC=1) the page shows readers no developer tools: no Deploy button,
toolbar or main menu (Streamlit's "minimal" toolbar mode, which hides the menu when it has nothing
to offer) and generic error messages instead of tracebacks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"  # inside the installed package, not the source tree


def server_options(port: int, public: bool) -> dict:
    """The options `streamlit run` would be given on its command line."""
    options = {
        "server.port": port, "server.address": "127.0.0.1", "server.headless": True,
        "browser.gatherUsageStats": False, "server.fileWatcherType": "none",
    }
    if public:
        options.update({"client.toolbarMode": "minimal", "client.showErrorDetails": "none"})
    return options


def serve_app(port: int, warn: Callable[[str], None] = print, public: bool | None = None) -> None:
    from streamlit.web import bootstrap

    from archive.index.format import default_index_dir
    from archive.web.params import public as public_mode
    from archive.web.webcache import load_archive

    def warm() -> None:
        try:
            load_archive(str(default_index_dir()))
        except Exception as exc:  # noqa: BLE001 - the page shows the error to the first reader
            warn(f"could not preload the archive: {exc}")

    threading.Thread(target=warm, daemon=True).start()
    # the same options as `streamlit run --server.port ...`, in the form its command line passes them
    bootstrap.load_config_options(flag_options=server_options(port, public_mode() if public is None else public))
    bootstrap.run(str(APP), False, [], {})
