"""Acronyms defined in the corpus itself: "Unaccompanied Asylum Seeking Children (UASC)"."""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
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
    # Find each "(ACRONYM)" first and look back at the words before it: a pattern that starts
    # with the words backtracks at every position of a large paper.
    for match in _ACRONYM.finditer(text):
        words = text[max(0, match.start() - 160) : match.start()].split()[-8:]
        acronym = match.group(1)
        count = _initials_match(words, acronym)
        if count:
            found.append((acronym, " ".join(words[-count:])))
    return found


# Vocabulary every English council uses, often without spelling it out. Corpus definitions are
# added to these at index time; a long form here may also be a plain synonym ("children in care").
COUNCIL_VOCABULARY: dict[str, tuple[str, ...]] = {
    "LAC": ("looked after children", "children in care", "children looked after"),
    "CIC": ("children in care", "looked after children"),
    "CLA": ("children looked after", "looked after children", "children in care"),
    "UASC": ("unaccompanied asylum seeking children",),
    "SEND": ("special educational needs and disabilities",),
    "EHCP": ("education, health and care plan",),
    "MASH": ("multi-agency safeguarding hub",),
    "DfE": ("Department for Education",),
    "SN": ("statistical neighbours",),
    "FGC": ("family group conference",),
    "IRO": ("independent reviewing officer",),
    "DBS": ("Disclosure and Barring Service",),
}


VOCABULARY_SOURCE = "council vocabulary"


class Glossary:
    def __init__(self, entries: dict[str, set[str]] | None = None) -> None:
        self.entries: dict[str, set[str]] = {k.upper(): set(v) for k, v in (entries or {}).items()}
        self.sources: dict[str, set[str]] = {}  # acronym -> documents defining it, or "council vocabulary"
        self._found: dict[tuple[str, bool], list[str]] = {}  # expansions_in, remembered until the next add

    @classmethod
    def with_council_vocabulary(cls) -> Glossary:
        glossary = cls()
        for acronym, expansions in COUNCIL_VOCABULARY.items():
            for expansion in expansions:
                glossary.add(acronym, expansion, VOCABULARY_SOURCE)
        return glossary

    def add(self, acronym: str, expansion: str, source: str = "") -> None:
        expansion = re.sub(r"['’]s$", "", expansion)
        if source:
            self.sources.setdefault(acronym.upper(), set()).add(source)
        self._found.clear()
        known = self.entries.setdefault(acronym.upper(), set())
        if expansion.lower() not in {e.lower() for e in known}:
            known.add(expansion)

    def expansions_in(self, text: str, synonyms: bool = False) -> list[str]:
        """Words to add to a text so every form of each term it uses is found: the long forms of
        an acronym it uses. With `synonyms`, also the acronym and the other long forms of a long
        form it uses ("children in care" gives "LAC" and "looked after children"). Indexing and
        query expansion go one way only (acronym to long forms): both sides are expanded, so
        that suffices, and "children in care" is too common to spread into every passage."""
        key = (text, synonyms)
        if key not in self._found:
            if len(self._found) > 20_000:
                self._found.clear()
            self._found[key] = self._expansions_in(text, synonyms)
        return list(self._found[key])

    def _expansions_in(self, text: str, synonyms: bool) -> list[str]:
        extra: list[str] = []
        lowered = text.lower()
        for acronym, expansions in self.entries.items():
            # an acronym counts only written in capitals ("SEND", "ECHo"), so "send" is not SEND
            has_acronym = acronym.lower() in lowered and any(  # the substring test first: it is cheap
                sum(c.isupper() for c in match.group(0)) >= 2
                for match in re.finditer(rf"\b{re.escape(acronym)}\b", text, re.IGNORECASE)
            )
            used = [e for e in expansions if e.lower() in lowered]
            if has_acronym and not used:
                extra.extend(sorted(expansions))
            elif used and synonyms:
                extra.extend([acronym] * (not has_acronym) + sorted(e for e in expansions if e not in used))
        return extra
