"""Launcher for `streamlit run app.py`: the app itself ships inside the package (archive/web/app.py),
so an installed archive serves it too (`archive serve`)."""

from archive.web.app import main

main()
