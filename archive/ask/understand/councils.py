"""The councils a question names, among those whose papers the archive holds.

A question that names one council of the archive ("What did Hollinbridge forecast ...") is answered
from that council's papers only; one about the own papers of a council the archive does not hold
("... Solihull Metropolitan Borough Council ...", or an area such as "Cornwall" that no paper
mentions) is not answered from another council's papers. A council named in passing, as a partner,
comparator, provider or source ("the partnership with Kent", "compared with Kent"), neither scopes
nor refuses the question (understand/mentions.py reads which).

Councils are also known by their usual short names ("RBKC", "BaNES", "BCP Council"), kept as data in
council_short_names.csv (short_name, council): a short name without spaces and with two capitals or
more is an abbreviation and matched as written ("KCC", never "kcc"); one written in words
("Brighton & Hove", "Hull") is matched in any case.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from archive.ask.understand.mentions import OWN, PASSING, QUOTED, RANK, mention_kind
from archive.ask.understand.places import area_spans, areas_named
from archive.text import STOPWORDS

SHORT_NAMES = Path(__file__).with_name("council_short_names.csv")

# Words every council's name may carry: what is left is the name people use ("Hollinbridge").
GENERIC = frozenset("council borough county district city metropolitan royal london unitary town parish "
                    "the of and".split())
# "<Name> [Borough|County|...] Council" as a question writes it; meeting words are not names.
_COUNCIL_FORM = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,4})((?:Metropolitan\s+)?(?:Borough|County|District|City|"
                           r"Town|Parish)\s+)?Council\b")
_MEETING_WORDS = frozenset("full budget annual extraordinary special cabinet county borough district city".split())


# Words around a name that belong to it: "the Royal Borough of" before, "Borough Council" after.
_BEFORE_NAME = re.compile(r"(?:\b(?:the\s+)?(?:(?:Royal|London|Metropolitan)\s+)?(?:Borough|City|County|Council)"
                          r"\s+of\s+)$", re.I)
_AFTER_NAME = re.compile(r"^(?:\s+(?:Metropolitan\s+)?(?:Borough|County|District|City|Town|Parish))?\s+Council\b")


def _distinctive(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z0-9'’-]+", name.lower()) if w not in GENERIC)


def load_short_names(path: Path = SHORT_NAMES) -> tuple[tuple[str, str], ...]:
    """(short name, council) pairs from a CSV with the columns short_name and council."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = [(row["short_name"].strip(), " ".join(row["council"].split())) for row in csv.DictReader(handle)]
    return tuple((short, council) for short, council in rows if short and council)


@lru_cache(maxsize=1)
def shipped_short_names() -> tuple[tuple[str, str], ...]:
    return load_short_names()


def is_abbreviation(short: str) -> bool:
    """"RBKC", "BaNES", "B&NES": matched as written. "Brighton & Hove", "Hull": in any case."""
    return not re.search(r"\s", short) and sum(c.isupper() for c in short) >= 2


def _short_pattern(shorts: Iterable[str], abbreviations: bool) -> re.Pattern | None:
    chosen = sorted((s for s in shorts if is_abbreviation(s) == abbreviations), key=len, reverse=True)
    if not chosen:
        return None
    body = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in chosen)
    return re.compile(rf"(?<![\w&])(?:{body})(?![\w&])", 0 if abbreviations else re.I)


@dataclass(frozen=True)
class Named:
    """The councils a question names, by how it names them (understand/mentions.py)."""

    councils: tuple[str, ...] = ()  # the archive's councils it asks about (not only in passing)
    other_councils: tuple[str, ...] = ()  # councils not held, named in full or by short name, about their own papers
    areas: tuple[str, ...] = ()  # areas of councils not held that it asks about (own or quoted)
    quoted: tuple[str, ...] = ()  # of other_councils' and areas' kind, those it says another council quotes
    passing: tuple[str, ...] = ()  # councils (held or not) and areas named only in passing


@dataclass(frozen=True)
class Councils:
    names: tuple[str, ...]  # as the manifest gives them, sorted
    short_names: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # (short name, council)

    @classmethod
    def of(cls, names, short_names: tuple[tuple[str, str], ...] | None = None) -> Councils:
        return cls(tuple(sorted({n.strip() for n in names if n and n.strip()})),
                   shipped_short_names() if short_names is None else tuple(short_names))

    @cached_property
    def _patterns(self) -> tuple[tuple[str, re.Pattern], ...]:
        """Each council's distinctive words as a pattern, built once (every search asks)."""
        return tuple((name, re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b", re.I))
                     for name in self.names if (words := _distinctive(name)))

    @cached_property
    def _shorts(self) -> tuple[dict[str, str], tuple[re.Pattern, ...]]:
        """Short name (lowercase unless an abbreviation) -> council, and the patterns that find them."""
        table = {(s if is_abbreviation(s) else s.lower()): council for s, council in self.short_names}
        patterns = (_short_pattern(table, True), _short_pattern(table, False))
        return table, tuple(p for p in patterns if p)

    def held(self, council: str) -> str | None:
        """The archive's council of that name ("Kent County Council" for "Kent Council"), if any."""
        words = set(_distinctive(council))
        return next((n for n in self.names if words and set(_distinctive(n)) == words), None)

    def named_in(self, text: str) -> tuple[str, ...]:
        """The archive's councils the text names, by their distinctive words ("South Fenmarsh") or
        a short name ("RBKC"), however it names them."""
        found = {name for _, name, _, _ in self._mentions(text) if name in self.names}
        return tuple(name for name in self.names if name in found)

    def others_named(self, text: str) -> tuple[str, ...]:
        """Councils the text names in full ("Solihull Metropolitan Borough Council") or by a short name
        ("RBKC") that are not among the archive's."""
        return tuple(dict.fromkeys(name for kind, name, _, _ in self._mentions(text) if kind == "other"))

    def read(self, text: str) -> Named:
        """The councils the text names, each taken as its wording places it: asked about (its own
        papers, or quoted by another council), or named only in passing."""
        kinds: dict[tuple[str, str], str] = {}
        for kind, name, start, end in self._mentions(text):
            if kind == "area" and not self.names:
                continue
            said = mention_kind(text, start, end)
            if (kind, name) not in kinds or RANK[said] < RANK[kinds[kind, name]]:
                kinds[kind, name] = said
        chosen = lambda kind, *said: tuple(n for (k, n), s in kinds.items() if k == kind and s in said)  # noqa: E731
        held = set(chosen("held", OWN, QUOTED))
        return Named(councils=tuple(n for n in self.names if n in held),
                     other_councils=chosen("other", OWN),
                     areas=chosen("area", OWN, QUOTED),
                     quoted=tuple(n for (k, n), s in kinds.items() if k != "held" and s == QUOTED),
                     passing=tuple(dict.fromkeys(n for (_, n), s in kinds.items() if s == PASSING)))

    def _mentions(self, text: str) -> list[tuple[str, str, int, int]]:
        """(kind, name, start, end) for every council the text names: "held" (one of the archive's,
        by its distinctive words or a short name), "other" (not held, named in full or by a short
        name) and "area" (a council area not held). An area inside a council's name shares its span."""
        spans: list[tuple[str, str, int, int]] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in taken)

        table, patterns = self._shorts
        for pattern in patterns:
            for match in pattern.finditer(text):
                if not free(match.start(), match.end()):
                    continue
                short = match.group()
                council = table.get(short) or table[short.lower()]
                start, end = self._extend(text, match.start(), match.end())
                held = self.held(council)
                spans.append(("held", held, start, end) if held else ("other", council, start, end))
                if not held:
                    spans.extend(("area", area, start, end) for area in self._foreign(areas_named(council)))
                taken.append((start, end))
        for match in _COUNCIL_FORM.finditer(text):
            words = match.group(1).split()
            while words and (words[0].lower() in STOPWORDS or words[0].lower() in _MEETING_WORDS):
                words = words[1:]
            distinctive = _distinctive(" ".join(words))
            if not words or not distinctive or any(w in _MEETING_WORDS for w in distinctive):
                continue
            start = text.find(words[0], match.start(1))
            if not free(start, match.end()) or any(set(distinctive) <= set(_distinctive(n)) for n in self.names):
                continue
            name = " ".join([*words, (match.group(2) or "").strip(), "Council"]).replace("  ", " ")
            spans.append(("other", name, *self._extend(text, start, match.end())))
            taken.append(spans[-1][2:])
        for name, pattern in self._patterns:
            for match in pattern.finditer(text):
                spans.append(("held", name, *self._extend(text, match.start(), match.end())))
        for area, start, end in area_spans(text):
            if not self._foreign((area,)):
                continue
            around = next(((s, e) for s, e in taken if s <= start and end <= e), None)
            spans.append(("area", area, *(around or self._extend(text, start, end))))
        return spans

    def _foreign(self, areas: Iterable[str]) -> tuple[str, ...]:
        """The areas that are not the archive's councils."""
        known = [k for n in self.names if (k := set(_distinctive(n)))]
        return tuple(area for area in areas
                     if not any(set(_distinctive(area)) <= k or k <= set(_distinctive(area)) for k in known))

    @staticmethod
    def _extend(text: str, start: int, end: int) -> tuple[int, int]:
        """The span widened over the words of a council's name around it ("the Royal Borough of",
        "Borough Council")."""
        before = _BEFORE_NAME.search(text[:start])
        after = _AFTER_NAME.match(text[end:])
        return (before.start() if before else start), (end + after.end() if after else end)

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
        return self._foreign(areas_named(text))


def about_areas(found: list, areas: tuple[str, ...]) -> list:
    """The answer candidates whose sentence (or its heading) names every area asked about: a
    question about Cornwall, in an archive of other councils' papers that mention Cornwall as a
    comparator, is answered from what they say of Cornwall or not at all."""
    if not areas:
        return found
    wanted = [_area_pattern(a) for a in areas]
    return [c for c in found
            if all(w.search(c.sentence) or w.search(c.passage.chunk.heading) for w in wanted)]


@lru_cache(maxsize=256)
def _area_pattern(area: str) -> re.Pattern:
    """The area's name, or a usual short name of its council ("RBKC" for Kensington and Chelsea)."""
    shorts = [short for short, council in shipped_short_names() if area in areas_named(council)]
    names = [r"\b" + r"\s+".join(map(re.escape, area.split())) + r"\b",
             *(rf"(?<![\w&]){'(?-i:' if is_abbreviation(s) else '(?:'}{re.escape(s)})(?![\w&])" for s in shorts)]
    return re.compile("|".join(names), re.I)
