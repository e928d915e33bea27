"""What the page reads from its URL and environment: the view and its state live in the URL (the
question and filters, the meeting and paper browsed, the commitments' filters, the figures' measure,
the page shown), so a link reproduces the view; ARCHIVE_PUBLIC=1 makes the page a read-only hosted one."""

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


def sync(state: dict[str, str]) -> None:
    """Make the URL say this view's state (empty values left out), so that a shared link opens it."""
    wanted = {k: str(v) for k, v in state.items() if v}
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)
