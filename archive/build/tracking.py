"""Commitment follow-ups, found once when the index is built instead of on every call.

A follow-up is a later passage about the same thing as a commitment (ask/track/follow_ups.py), found by
searching the new generation for the commitment's words. Every commitment is looked at again when
any paper changed, since a new meeting's papers can follow up an old undertaking; when nothing
changed the previous generation's follow-ups were copied with the papers.
"""

from __future__ import annotations

from pathlib import Path

from archive.ask.resources import Resources
from archive.ask.track import follow_ups
from archive.index import format, store
from archive.index.embed import Embedder
from archive.index.embedded import EmbeddedStore


def find_follow_ups(generation: Path, manifest: dict, embedder: Embedder) -> int:
    """Search a finished (not yet published) generation for each commitment's follow-ups and store
    them; returns how many commitments were looked at."""
    resources = Resources(EmbeddedStore(generation, manifest), embedder)
    items = store.commitment_rows(resources.index.db)
    found = [(item["rowid"], follow_ups.find(item, resources)) for item in items]
    resources.index.reader.close()
    connection = store.connect(generation / format.DATABASE)
    with connection:
        store.write_follow_ups(connection, found)
    connection.close()
    return len(found)
