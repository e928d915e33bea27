"""People and decisions across papers, found once per build from the rows pass one stored: a
council's name forms merged into people (build/names.py) and each report's recommendations linked
to the resolution that decided them (build/decisions.py). Both depend on the whole corpus, so
they are computed again on every build (cheap: no text is read again)."""

from __future__ import annotations

import sqlite3

from archive.build.decisions import link
from archive.build.names import merge
from archive.index import store


def link_people_and_decisions(connection: sqlite3.Connection) -> tuple[int, int]:
    """Returns (people, decisions) written."""
    appearances = store.with_council(connection, "appearances")
    for row in appearances:
        row["meeting"] = (row["doc_id"], row["meeting_date"])
    people, assigned = merge(appearances)
    store.write_people(connection, people, assigned)
    decisions = link(store.with_council(connection, "recommendations"), store.with_council(connection, "resolutions"))
    store.write_decisions(connection, decisions)
    return len(people), len(decisions)
