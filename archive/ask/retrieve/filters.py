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

    @classmethod
    def given(cls, committee: str | None = None, date_from: str | None = None, date_to: str | None = None,
              doc_type: str | None = None, meeting: str | None = None, council: str | None = None) -> Filters:
        """Filters from a form, a command line or a query string: an empty value sets no filter."""
        return cls(committee or None, date_from or None, date_to or None, doc_type or None, meeting or None,
                   council or None)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}

    def restriction(self) -> Restriction:
        """The same filter as SQL, applied inside retrieval (lexical and dense)."""
        return Restriction(self.committee or "", self.doc_type or "", self.meeting or "", self.date_from or "",
                           self.date_to or "", self.council or "")
