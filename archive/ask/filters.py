"""Filters a reader sets on a search: committee, date range, document type, one meeting."""

from __future__ import annotations

from dataclasses import dataclass

from archive.index.store import Restriction
from archive.records import Document


@dataclass(frozen=True)
class Filters:
    committee: str | None = None
    date_from: str | None = None  # ISO
    date_to: str | None = None
    doc_type: str | None = None
    meeting: str | None = None  # ISO date of one meeting: its own papers and minutes of it in later packs

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}

    def restriction(self) -> Restriction:
        """The same filter as SQL, applied inside retrieval (lexical and dense)."""
        return Restriction(self.committee or "", self.doc_type or "", self.meeting or "", self.date_from or "",
                           self.date_to or "")

    def passes(self, document: Document, when: str) -> bool:
        """Whether a passage of `document` whose meeting (its part's date, else the paper's) is `when` passes."""
        if self.committee and self.committee.lower() not in document.committee.lower():
            return False
        if self.doc_type and self.doc_type.lower() != document.doc_type.lower():
            return False
        if self.meeting and when != self.meeting:
            return False
        if self.date_from and (not when or when < self.date_from):
            return False
        return not (self.date_to and (not when or when > self.date_to))
