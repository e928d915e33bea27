"""Filters a reader sets on a search: council, committee, date range, document type, one meeting. Both
retrievers apply them inside the search, as SQL (`restriction`)."""

from __future__ import annotations

from dataclasses import dataclass

from archive.index.store import Restriction


@dataclass(frozen=True)
class Filters:
    committee: str | None = None
    date_from: str | None = None  # ISO
    date_to: str | None = None
    doc_type: str | None = None
    meeting: str | None = None  # ISO date of one meeting: its own papers and minutes of it in later packs
    council: str | None = None  # part of the council's name, any case

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}

    def restriction(self) -> Restriction:
        """The same filter as SQL, applied inside retrieval (lexical and dense)."""
        return Restriction(self.committee or "", self.doc_type or "", self.meeting or "", self.date_from or "",
                           self.date_to or "", self.council or "")
