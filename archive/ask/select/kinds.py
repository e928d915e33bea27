"""What kind of thing a text holds: figures, times, dates, durations, names of people."""

from __future__ import annotations

import re

from archive.ask.understand.query import Query
from archive.ask.understand.units import DENOMINATOR
from archive.dates import find_periods

_NUMBER = re.compile(
    r"(?<![\w./])(?:£\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|(?<![\w./])(?:£\s?)?\d+(?:\.\d+)?%?(?![\w/])"
)
# the words before a number that make it a unit or an age, as whole words ("average of 42.1" is a figure)
_UNIT_BEFORE = re.compile(r"(?<![\w-])(?:per|every|cluster of|aged|ages|age|age of)$")
_AGE_AFTER = re.compile(r"(?:s\b|\s*(?:population|years?|-year|year-olds|olds)\b)", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
DURATION = re.compile(
    r"\b(?:between\s+)?\d+(?:\s*(?:and|to|-|–)\s*\d+)?\s+(?:weeks?|months?|days?|years?|hours?)\b", re.IGNORECASE
)
# "5pm", "5 pm": an hour without minutes (TIME needs them)
HOUR = re.compile(r"(?<![\d.:])\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)
# a season or holiday that dates something ("in the spring", "before the Easter holidays", "autumn 2024")
SEASON = re.compile(r"\b(?:(?:early|late|mid)[\s-])?(?:spring|summer|autumn|winter|Easter|Christmas|New Year)"
                    r"(?:\s+(?:holidays?|term|recess|break))?(?:\s+(?:of\s+)?(?:19|20)\d{2}(?:/\d{2})?)?\b")
# a word of a name: "Wilkinson", "O'Neill", "Smith-Jones", never ending with its hyphen ("Vice-" of "Vice-Chair")
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
# after a title a name may run over a line break ("Councillor Joe\nKettlewell")
_TITLED_NAME = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+((?:{_WORD}\s?){{1,3}})")
_CAPITALISED_RUN = re.compile(rf"\b{_WORD}(?:[ ]+{_WORD})*")  # on one line: a name never runs over a line break
_NAME = re.compile(rf"\b({_WORD}(?:[ ]+{_WORD}){{1,2}})\b")
_NOT_NAMES = {"Herefordshire", "Council", "Children", "Committee", "Board", "Service", "Services", "The",
              "Corporate", "Cabinet", "Member", "Director", "Scrutiny", "People", "Department",
              # the words of a role, which end a name before it ("Sally Wilkinson Vice-Chair")
              "Chair", "Chairman", "Chairwoman", "Vice-Chair", "Vice-Chairman", "Leader", "Mayor", "Officer",
              "Manager", "Head", "Deputy", "Chief", "Executive", "Chairperson", "Vice-Chairperson",
              # titles: a titled name is read with its title (_TITLED_NAME)
              "Councillor", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Dr"}
_MONTHS_AND_DAYS = ("January|February|March|April|May|June|July|August|September|October|November|December"
                    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


HELD_KINDS = ("figure", "time", "date", "duration")  # the kinds `holds_kind` reads without the question


def kinds_held(text: str) -> frozenset[str]:
    """The kinds of answer a passage's text holds whatever the question (read when the index is built)."""
    return frozenset(kind for kind in HELD_KINDS if _holds(kind, text))


def holds_kind(query: Query, text: str, held: frozenset[str] | None = None) -> bool:
    """Whether the text holds the kind of thing the question asks for (a figure, a time, ...): retrieval's
    kind bonus (ask/retrieve/rerank.py), which reads figures and names as they were read when its weight
    was fitted (benchmarks/fit_rerank.py), until it is fitted again. `held`: the text's kinds_held, when
    the index stores them."""
    if held is not None and query.intent in HELD_KINDS:
        return query.intent in held
    if query.intent == "person":
        return _holds_name(text, query)
    return _holds(query.intent, text)


def _holds(kind: str, text: str) -> bool:
    if kind == "figure":
        return bool(numbers(text, _FITTED_UNIT_BEFORE))
    if kind == "time":
        return bool(TIME.search(text))
    if kind == "date":
        return bool(find_periods(text))
    if kind == "duration":
        return bool(DURATION.search(text))
    return False


# as retrieval's kind weight was fitted: unit words matched as word endings ("average of 42.1" held no figure),
# three capitalised words in a row left out whole when one of them is never a name
_FITTED_UNIT_BEFORE = re.compile(r"(?:per|every|cluster of|aged|ages|age|age of)$")
_FITTED_NAME = re.compile(r"\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b")
_FITTED_NOT_NAMES = frozenset({"Herefordshire", "Council", "Children", "Committee", "Board", "Service", "Services",
                               "The", "Corporate", "Cabinet", "Member", "Director", "Scrutiny", "Young", "People",
                               "Department"})


def _holds_name(text: str, query: Query) -> bool:
    found = [m.group(1).strip() for m in _TITLED_NAME.finditer(text)]
    found += [m.group(1) for m in _FITTED_NAME.finditer(text) if not set(m.group(1).split()) & _FITTED_NOT_NAMES]
    return any(not all(p.lower() in query.words for p in n.split()) for n in found)


def _date_spans(sentence: str, periods: list | None = None) -> list[tuple[int, int]]:
    spans = []
    for period in find_periods(sentence) if periods is None else periods:
        position = sentence.find(period.text)
        if position >= 0:
            spans.append((position, position + len(period.text)))
    return spans


def numbers(sentence: str, unit_before: re.Pattern | None = None, periods: list | None = None) -> list[re.Match]:
    """The figures of a sentence: not its dates (`periods`: the dates find_periods reads in it without
    a reference date, when already known), not a rate's base ("per 10,000"), not an age."""
    unit_before = unit_before or _UNIT_BEFORE
    dates = _date_spans(sentence, periods)
    out = []
    for match in _NUMBER.finditer(sentence):
        if any(a <= match.start() < b for a, b in dates):
            continue
        before = sentence[max(0, match.start() - 12) : match.start()].lower().rstrip()
        if unit_before.search(before) or (before.endswith(":") and DENOMINATOR.fullmatch(match.group(0))):
            continue  # "per 10,000", "from every 10,000", "67:10000" are units, "aged 0 to 18" an age range
        if before.endswith(("under", "over")) and _AGE_AFTER.match(sentence, match.end()):
            continue  # "under 18 population", "over 65s"
        out.append(match)
    return out


# A role as papers name it: "Head of Service for Corporate Parenting", "Chief Finance Officer",
# "Assistant Director, Children's Social Care", "the Leader of the Council", "Named Nurse Children in Care"
_ROLE = re.compile(
    r"\b((?:(?:Assistant|Service|Corporate|Executive|Strategic|Deputy|Interim|Principal|Senior)\s+)?"
    r"(?:Director|Head|Leader|Chair(?:man|person)?|Vice[- ]Chair(?:man|person)?|Mayor|Cabinet Member|Named Nurse"
    r"|Chief(?:\s+[A-Z][a-z]+){0,2}\s+Officer|(?!The\b)(?:[A-Z][a-z]+\s+){1,3}(?:Officer|Manager|Lead))\b"
    rf"(?:,? +(?:of|for|–|-)? *(?:the +)?(?!(?:{_MONTHS_AND_DAYS})\b)(?:[A-Z][\w'’&]*)"
    rf"(?: +(?:and|of|for|in|&|(?!(?:{_MONTHS_AND_DAYS})\b)[A-Z][\w'’&]*)){{0,6}})?)")
_TRAILING = re.compile(r"(?: +(?:and|of|for|in|&))+$")
# a role written in lower case ("the leader of the council seconded", "Report by: Cabinet member children and
# families;"): its head word, then "of the council" or a portfolio's words up to the first small word
_LOWER_ROLE = re.compile(
    r"(?<![\w-])((?:deputy |assistant |interim )?(?:leader|chief executive|cabinet member|portfolio holder|director"
    r"|chair(?:man|woman|person)?|vice[- ]chair(?:man|woman|person)?|mayor|head of [a-z]+)"
    r"(?: (?:of|for) the (?:council|committee|board|cabinet|panel)\b|(?: (?:for|of))?(?: (?!(?:to|and|or|was|is|were"
    r"|said|says|had|has|who|would|will|the|a|an|in|on|at|by|with|from|as|that|this|it|for|of)\b)(?![a-z'’]+ed\b)"
    r"[a-z'’]+){1,4}"
    r"(?: (?:and|&) [a-z'’]+)?)?)\b", re.IGNORECASE)


def roles(sentence: str) -> list[str]:
    """Roles named in a sentence (who owns, chairs, responded), as written."""
    return [_TRAILING.sub("", m.group(1)).strip(" ,") for m in _ROLE.finditer(sentence)]


def lower_roles(sentence: str) -> list[str]:
    """Roles written in lower case, which `roles` does not read ("the leader of the council")."""
    return [m.group(1) for m in _LOWER_ROLE.finditer(sentence)
            if any(w[0].islower() and w not in ("of", "for", "the", "and") for w in m.group(1).split())]


_BODY_WORDS = frozenset(
    "Board Boards Council Councils Committee Committees Partnership Partnerships Trust Trusts Service Services "
    "Group Groups Panel Panels Authority Authorities Forum Team Commission Agency Department Unit Centre Hospital "
    "School College University Foundation Network Alliance Association Executive Cabinet Directorate".split())


def names(sentence: str, query: Query) -> list[str]:
    """Names of people in a sentence: after a title ("Cllr Gandy"), or two or three capitalised words
    on one line. A word that is never a name ("Council", "Director") is left out with what it joins,
    and the names either side of it still count ("... Herefordshire Council\nKevin Crompton ...")."""
    asked = query.words
    names = []
    for match in _TITLED_NAME.finditer(sentence):  # "Councillor Ian Banks Vice-Chairperson": "Ian Banks"
        words = match.group(1).split()
        kept = words[: next((i for i, w in enumerate(words) if w in _NOT_NAMES), len(words))]
        if kept:
            names.append(match.group(1)[: match.group(1).index(kept[-1]) + len(kept[-1])])
    for run in _CAPITALISED_RUN.finditer(sentence):
        piece: list[str] = []
        for word in [*run.group(0).split(), "The"]:  # "The": a never-a-name word closing the last piece
            if word not in _NOT_NAMES:
                piece.append(word)
                continue
            if word not in _BODY_WORDS:  # "Integrated Care Board", "Audit Committee": a body's name, not a person
                names.extend(m.group(1) for m in _NAME.finditer(" ".join(piece)))
            piece = []
    return [n for n in names if not all(p.lower() in asked for p in n.split())]
