"""What the page reads from its URL and environment: the question and filters live in the URL, so a
link reproduces the view; ARCHIVE_PUBLIC=1 makes the page a read-only hosted one."""

from __future__ import annotations

import os
from datetime import date

import streamlit as st


def public() -> bool:
    """Hosted read-only mode (read on every run: the module is imported once per server)."""
    return os.environ.get("ARCHIVE_PUBLIC", "") not in ("", "0", "false", "no")


def max_question() -> int:
    return 300 if public() else 2000


def param(name: str, default: str = "") -> str:
    value = st.query_params.get(name, default)
    return value if isinstance(value, str) else default


def iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def parse_iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
