"""The councils a question names, among those whose papers the archive holds.

A question that names one council of the archive ("What did Hollinbridge forecast ...") is answered
from that council's papers only; one that names a council the archive does not hold ("... Solihull
Metropolitan Borough Council ...", or an area such as "Cornwall" that no paper mentions) is not
answered from another council's papers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from archive.ask.understand.places import areas_named
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

    def areas_not_held(self, text: str, mentioned: Callable[[str], bool]) -> tuple[str, ...]:
        """Council areas the text names ("in Cornwall") that are not the archive's councils and
        that no paper of the archive mentions (`mentioned`): a question about one cannot be answered
        here. An area the papers do mention ("children placed in Shropshire") is left to the search.
        An archive that does not know its councils refuses nothing on this ground."""
        return tuple(area for area in self.foreign_areas(text) if not mentioned(area))

    def foreign_areas(self, text: str) -> tuple[str, ...]:
        """Council areas the text names that are not the archive's councils ("Cornwall's rate ...");
        none when the archive does not know its councils."""
        if not self.names:
            return ()
        known = [k for n in self.names if (k := set(_distinctive(n)))]
        return tuple(area for area in areas_named(text)
                     if not any(set(_distinctive(area)) <= k or k <= set(_distinctive(area)) for k in known))


def about_areas(found: list, areas: tuple[str, ...]) -> list:
    """The answer candidates whose sentence (or its heading) names every area asked about: a
    question about Cornwall, in an archive of other councils' papers that mention Cornwall as a
    comparator, is answered from what they say of Cornwall or not at all."""
    if not areas:
        return found
    wanted = [re.compile(r"\b" + r"\s+".join(map(re.escape, a.split())) + r"\b", re.I) for a in areas]
    return [c for c in found
            if all(w.search(c.sentence) or w.search(c.passage.chunk.heading) for w in wanted)]
