"""The councils a question names, among those whose papers the archive holds.

A question that names one council of the archive ("What did Hollinbridge forecast ...") is answered
from that council's papers only; one that names a council the archive does not hold ("... Solihull
Metropolitan Borough Council ...") is not answered from another council's papers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from archive.text import STOPWORDS

# Words every council's name may carry: what is left is the name people use ("Hollinbridge").
GENERIC = frozenset("council borough county district city metropolitan royal london unitary town parish "
                    "the of and".split())
# "<Name> [Borough|County|...] Council" as a question writes it; meeting words are not names.
_COUNCIL_FORM = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,4})((?:Metropolitan\s+)?(?:Borough|County|District|City|"
                           r"Town|Parish)\s+)?Council\b")
_MEETING_WORDS = frozenset("full budget annual extraordinary special cabinet county borough district city".split())


def _distinctive(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z0-9'’-]+", name.lower()) if w not in GENERIC)


@dataclass(frozen=True)
class Councils:
    names: tuple[str, ...]  # as the manifest gives them, sorted

    @classmethod
    def of(cls, names) -> Councils:
        return cls(tuple(sorted({n.strip() for n in names if n and n.strip()})))

    @cached_property
    def _patterns(self) -> tuple[tuple[str, re.Pattern], ...]:
        """Each council's distinctive words as a pattern, built once (every search asks)."""
        return tuple((name, re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b", re.I))
                     for name in self.names if (words := _distinctive(name)))

    def named_in(self, text: str) -> tuple[str, ...]:
        """The archive's councils the text names by their distinctive words ("South Fenmarsh")."""
        return tuple(name for name, pattern in self._patterns if pattern.search(text))

    def others_named(self, text: str) -> tuple[str, ...]:
        """Councils the text names in full ("Solihull Metropolitan Borough Council") that are not
        among the archive's."""
        known = [set(_distinctive(n)) for n in self.names]
        out = []
        for match in _COUNCIL_FORM.finditer(text):
            words = match.group(1).split()
            while words and (words[0].lower() in STOPWORDS or words[0].lower() in _MEETING_WORDS):
                words = words[1:]
            distinctive = _distinctive(" ".join(words))
            if not distinctive or any(w in _MEETING_WORDS for w in distinctive):
                continue
            if not any(set(distinctive) <= k for k in known):
                out.append(" ".join([*words, (match.group(2) or "").strip(), "Council"]).replace("  ", " "))
        return tuple(out)
