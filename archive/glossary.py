"""Acronyms defined in the corpus itself: "Unaccompanied Asylum Seeking Children (UASC)"."""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"((?:[A-Za-z][\w'’&-]*\s+){1,8})\(([A-Z][A-Za-z]{1,9})\)")
_SMALL = {"of", "and", "the", "for", "in", "to", "on", "&", "a"}


def _initials_match(words: list[str], acronym: str) -> int:
    """How many trailing words spell the acronym (0 when none)."""
    target = acronym.upper()
    for count in range(min(len(words), len(target) + 3), 0, -1):
        chosen = words[-count:]
        if chosen[0].lower() in _SMALL:
            continue
        initials = "".join(w[0].upper() for w in chosen if w.lower() not in _SMALL)
        full = "".join(w[0].upper() for w in chosen)
        if target in (initials, full) or (initials.startswith(target[:2]) and len(initials) == len(target)):
            return count
    return 0


def find_definitions(text: str) -> list[tuple[str, str]]:
    found = []
    for match in _DEFINITION.finditer(text):
        words = match.group(1).split()
        acronym = match.group(2)
        count = _initials_match(words, acronym)
        if count:
            found.append((acronym, " ".join(words[-count:])))
    return found


class Glossary:
    def __init__(self, entries: dict[str, set[str]] | None = None) -> None:
        self.entries: dict[str, set[str]] = {k.upper(): set(v) for k, v in (entries or {}).items()}

    def add(self, acronym: str, expansion: str) -> None:
        expansion = re.sub(r"['’]s$", "", expansion)
        known = self.entries.setdefault(acronym.upper(), set())
        if expansion.lower() not in {e.lower() for e in known}:
            known.add(expansion)

    def expansions_in(self, text: str) -> list[str]:
        """Words to add to a text so both forms of each acronym it uses are searchable."""
        extra = []
        lowered = text.lower()
        for acronym, expansions in self.entries.items():
            has_acronym = re.search(rf"\b{re.escape(acronym)}\b", text, re.IGNORECASE) is not None
            has_long = any(e.lower() in lowered for e in expansions)
            if has_acronym and not has_long:
                extra.extend(sorted(expansions))
            elif has_long and not has_acronym:
                extra.append(acronym)
        return extra
