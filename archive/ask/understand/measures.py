"""Which measure a figure in a sentence is a value of, read with the question's own measure words
(Query.measure_forms: its topic terms, with the glossary's acronyms and synonyms swapped in).

The words that govern a figure decide its measure:
- the noun after it: "386 children in care", "112 per 10,000 children in care"; another noun makes it
  another measure's ("26 new children", "20 weeks", "1,920 people receiving home care");
- a share is a value of what its part is, not of the group it is taken of: "2% of children looked
  after were UASC" is a UASC share; "55% of the children are cared for by our local foster carers"
  is not a level of children in care;
- a figure that opens its clause is a value of what follows its verb: "Of the children in care, 46
  were unaccompanied asylum-seeking children" counts UASC;
- with no noun of its own, the measure named just before it, with only linking words between
  ("the number of children in care peaked at 355", "the recycling rate in the third quarter was 44.1%").
Words that narrow the measure make another: a word before it ("unaccompanied asylum-seeking
children in our care", "repeat child protection plans"), or the object of a phrase after it
("children in our care live with in-house foster carers", "placed ... from their home address").
Dates, the council's and areas' names and the words of "number", "rate" or "total" never narrow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.ask.understand.councils import GENERIC
from archive.ask.understand.places import areas_named
from archive.ask.understand.units import figure_kind
from archive.dates import MONTHS
from archive.tables import is_figure_cell
from archive.text import STOPWORDS, stem

_TOKEN = re.compile(r"£?\d[\d,.]*\d%?|£?\d%?|[A-Za-z][A-Za-z'’]*|[,;:()•·–—|\t]")
_PUNCT_BOUNDARY = frozenset(";:()•·–—|\t")
# words that end the phrase a figure governs: a new clause or a comparison
_BOUNDARY = frozenset("and but or whilst while which who whom that because although though whereas compared "
                      "against according including so nor".split())
_COPULA = frozenset("is are was were be been being has have had".split())
_PREPOSITIONS = frozenset("with by from into in at on outside within of for to between since during across "
                          "through via among amongst near beyond over under".split())
# a date's words: "at the end of September", "in the third quarter", "as at the current time"
_TIME = frozenset(stem(w) for w in [*MONTHS, *(
    "quarter quarters year years month months week weeks day days end start beginning close middle period date "
    "time present moment today now current currently last previous same financial first second third fourth "
    "half q1 q2 q3 q4 ytd far recent latest cumulative snapshot").split()])
_DURATION = frozenset(stem(w) for w in "minutes hours days weeks months years quarters".split())
# words that say what kind of value a figure is, not what of: "the number of", "a rate of", "in total",
# "the forecast revenue overspend" (a council's budget figures are revenue ones unless said otherwise)
_KIND_WORDS = frozenset(stem(w) for w in (
    "number numbers total totals figure figures rate rates proportion percentage share count level overall "
    "average high low highest lowest peak forecast projected estimated provisional actual net revenue").split())
# words that link a measure to its figure: "children in care peaked at 355", "the total stood at 412"
_LINKS = frozenset(stem(w) for w in (
    "was were is are at of to from in its it our reached stood peaked rose fell totalled had there this high "
    "low figure a an the still now currently current total number every each remained continued "
    "increased decreased grew grown reduced dropped climbed risen fallen went gone moved fall rise reach increase "
    "decrease grow stand remain").split())
# what a count counts when the measure is named before it: "a waiting list of 340 children", "684 people
# were waiting"
_COUNTED = frozenset(stem(w) for w in (
    "people persons children households families adults pupils residents cases individuals clients").split())
_PRONOUNS = frozenset("them those these which whom it this".split())  # "41 of them": a part of the measure
_DETERMINERS = frozenset("the our its their all each every".split())
_NARROWING = frozenset({"other"})  # a stopword that still narrows: "Other placements"
_OUTSIDE = frozenset({"outside", "excluding", "except"})  # "placed ... outside the borough"
# verbs of being somewhere that may stand for "in": "186 households were living in temporary
# accommodation"; not "57 children entered care"
_STAYING = frozenset("living housed accommodated staying residing resident".split())
_OWNED = frozenset("our its their council's council’s".split())  # "in our care" says whose, not which
_NUMBERING = re.compile(r"\s*(?:[•·o-]\s*)?\(?\d{1,3}(?:\.\d{1,3})*\)?\s+[A-Z(]")  # "4.2 The number", "(5) That"


def measure_core(topic: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a measure that say what it is of, without those that say what kind of value it
    is ("recycling rate": "recycling"); all of them when that leaves none."""
    return tuple(t for t in topic if t not in _KIND_WORDS) or topic


@dataclass(frozen=True)
class _Word:
    text: str
    stem: str  # "" for a number or punctuation
    owned: bool = False  # "care" in "in our care": whose care, never a narrower measure

    @property
    def is_word(self) -> bool:
        return bool(self.stem)


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        word = token[0].isalpha()
        owned = token.lower() == "care" and bool(out) and out[-1].text.lower() in _OWNED
        out.append(_Word(token, stem(token.lower().replace("’", "'")) if word else "", owned))
    return out


def _is_stop(word: _Word) -> bool:
    return word.text.lower() in STOPWORDS and word.text.lower() not in _NARROWING


def _is_participle(word: _Word) -> bool:
    return word.is_word and word.text.lower().endswith(("ed", "ing"))



def _is_boundary(word: _Word) -> bool:
    return word.text in _PUNCT_BOUNDARY or word.text.lower() in _BOUNDARY


@dataclass(frozen=True)
class _Reading:
    """The measure's words, and the words that never narrow it in this sentence."""

    forms: tuple[tuple[str, ...], ...]
    known: frozenset[str]
    neutral: frozenset[str]

    def harmless(self, word: _Word) -> bool:
        """A word that neither names nor narrows the measure."""
        return (not word.is_word or word.owned or _is_stop(word) or word.stem in self.known
                or word.stem in self.neutral or word.stem in _TIME or word.stem in _KIND_WORDS)

    def extra(self, words: list[_Word]) -> list[str]:
        return [w.stem for w in words if not self.harmless(w)]

    def holds_a_form(self, stems: set[str]) -> bool:
        return any(set(form) <= stems for form in self.forms)

    def starts_with_a_form(self, words: list[_Word]) -> int:
        """How many words the measure's form at the start of `words` takes (stopwords inside it,
        "children in care"), 0 when none starts there."""
        for form in sorted(self.forms, key=len, reverse=True):
            taken, position = 0, 0
            while taken < len(form) and position < len(words):
                word = words[position]
                if word.stem == form[taken]:
                    taken += 1
                elif not (word.is_word and (_is_stop(word) or (taken and word.text.lower() in _STAYING))):
                    break  # stopwords may come between its words, and "living" ("households were living in")
                position += 1
            if taken == len(form):
                return position
        return 0


def governs(sentence: str, match: re.Match, forms: tuple[tuple[str, ...], ...], known: frozenset[str],
            neutral: frozenset[str] = frozenset()) -> bool:
    """The figure `match` found in `sentence` is a value of the measure written as one of `forms`
    (stems; `known`: every stem that names the measure), by the words that govern it. `neutral`:
    more words that never narrow it here (the paper's council's name)."""
    if not forms or is_numbering(sentence, match):
        return False
    area_words = {stem(w.lower()) for area in areas_named(sentence) for w in area.split()}
    reading = _Reading(forms, known, frozenset(neutral) | GENERIC | area_words)
    kind, unit_end = figure_kind(sentence, match)
    after = _words(sentence[unit_end:])
    if after and after[0].text == ")" and sentence[: match.start()].rstrip().endswith("("):
        after = after[1:]  # "Ninety-two (92) children": the figure restated in brackets
    cell_start = sentence.rfind("\t", 0, match.start()) + 1
    if cell_start:
        cell_end = sentence.find("\t", match.end())
        cell = sentence[cell_start: cell_end if cell_end >= 0 else len(sentence)]
        if is_figure_cell(cell):  # a table row's figure: a value of what its first cell names
            return _names_row(reading, sentence.split("\t")[0])
    before = _words(sentence[cell_start: match.start()])
    if after and after[0].text.lower() == "of":
        if len(after) > 1 and after[1].text.lower() in _PRONOUNS | _DETERMINERS:
            return False  # "41 of them in bed and breakfast", "46 of the children": a part of the measure
        if kind != "percent":  # "£2.2m of one-off grant": an amount of what follows
            part = _phrase(after[1:])
            return reading.holds_a_form({w.stem for w in part}) and not reading.extra(part)
        share = _share(reading, after[1:])
        if share is not None:
            return share
    elif after and after[0].text.lower() in _COPULA and _opens_clause(before):
        # "Of the children in care, 46 were unaccompanied asylum-seeking children"
        part = _phrase(after[1:])
        if any(w.is_word and not _is_stop(w) for w in part):
            return reading.holds_a_form({w.stem for w in part}) and not reading.extra(part)
    if after and after[0].stem in _DURATION and after[0].stem not in known:
        return False  # "over the last 12 months", "20 weeks": a length of time, not a level
    if after and _is_noun(reading, after[0]):
        if _own_noun(reading, after):
            return True
        # a rate's noun may be its base ("58 per 10,000 children"); a count's may be what it
        # counts, when the measure comes just before ("a waiting list of 340 children")
        counted = (after[0].stem in _COUNTED and len(before) >= 2 and before[-1].text.lower() == "of"
                   and before[-2].stem in known)
        if kind != "rate" and not counted:
            return False
    return _named_before(reading, before)


def is_numbering(sentence: str, match: re.Match) -> bool:
    """"4.2 The number of ...", "(5) That the ...", "6 Children in Care: Performance Update": the
    number of a paragraph, an item or a heading, not a figure."""
    return not sentence[: match.start()].strip(" \t•·-(") and bool(_NUMBERING.match(sentence))


def refers_back(sentence: str, match: re.Match, forms: tuple[tuple[str, ...], ...], known: frozenset[str],
                neutral: frozenset[str] = frozenset()) -> bool:
    """The figure is a value of a measure named in an earlier sentence: its clause names nothing
    else ("In January 2024 this was 38", "It rose from 412 ... to 438", "the number had been 523"),
    not "This would increase the cumulative deficit from £22.4m" or "46 households moved into ..."."""
    if is_numbering(sentence, match):
        return False
    reading = _Reading(forms, known, frozenset(neutral) | GENERIC)
    after = _words(sentence[figure_kind(sentence, match)[1]:])
    if after and after[0].stem in _DURATION:
        return False
    if after and _is_noun(reading, after[0]) and not _own_noun(reading, after) and not (
            after[0].stem in _COUNTED and not _narrowed(reading, after[1:])):
        return False  # "684 people were waiting" counts the measure; "46 households moved into ..." not
    before = _words(sentence[: match.start()])
    clause = before[max((i + 1 for i, w in enumerate(before) if _is_boundary(w) or w.text == ","), default=0):]
    return all(reading.harmless(w) or w.stem in _LINKS or w.text.lower() in _PRONOUNS for w in clause)


def _is_noun(reading: _Reading, word: _Word) -> bool:
    """A word right after a figure that makes it a figure of something: "children", "new" (in "26 new
    children"), "weeks"; not a date, a linking word or a participle ("£4.1m reported")."""
    if not word.is_word or _is_stop(word) or _is_boundary(word):
        return False
    if word.stem in reading.known:
        return True
    return not (_is_participle(word) or word.stem in _TIME or word.stem in reading.neutral)


def _phrase(words: list[_Word]) -> list[_Word]:
    """The words up to the end of the clause."""
    for position, word in enumerate(words):
        if _is_boundary(word) or word.text == ",":
            return words[:position]
    return words


def _opens_clause(before: list[_Word]) -> bool:
    return not before or before[-1].text in {",", ":", ";", "(", "\t"} or (
        len(before) >= 2 and before[-1].text.lower() == "there" and not before[-2].is_word)


def _share(reading: _Reading, words: list[_Word]) -> bool | None:
    """"x% of G were P": a value of P (its base G may be anything). None when there is no P: the
    share is then of the measure named before it ("UASC were 9% of children in care")."""
    phrase = _phrase(words)
    verb = next((i for i, w in enumerate(phrase) if w.text.lower() in _COPULA), None)
    part = phrase[verb + 1:] if verb is not None else []
    if not any(w.is_word and not _is_stop(w) for w in part):
        base = {w.stem for w in phrase}
        return False if reading.holds_a_form(base) else None  # a share of the measure is another measure
    stems = {w.stem for w in phrase}
    return (reading.holds_a_form(stems) and any(w.stem in reading.known for w in part)
            and not reading.extra(part))


def _own_noun(reading: _Reading, after: list[_Word]) -> bool:
    """The figure has a noun of its own: it must be the measure ("386 children in care in
    Herefordshire"), and no phrase after it may narrow it ("... live with in-house foster carers")."""
    taken = reading.starts_with_a_form(after)
    if not taken:
        return False  # "26 new children", "20 weeks", "1,920 people": another measure
    return not _narrowed(reading, after[taken:])


def _narrowed(reading: _Reading, words: list[_Word]) -> bool:
    """A phrase after the measure's words, up to the end of the clause, narrows it: "(children in
    care) live with in-house foster carers", "... placed outside the borough"."""
    in_phrase = False
    for word in words:
        if _is_boundary(word) or word.text == ",":
            break
        if word.text.lower() in _OUTSIDE:
            return True
        if word.text.lower() in _PREPOSITIONS:
            in_phrase = True
        elif in_phrase and not reading.harmless(word):
            return True  # the object of a phrase after the measure
    return False


def _names_row(reading: _Reading, label: str) -> bool:
    """A table row's first cell names the measure and nothing narrower ("Agency social workers",
    not "External Foster Carer" or "Three or more placements in 12 months")."""
    words = _words(label)
    return reading.holds_a_form({w.stem for w in words}) and not reading.extra(words)


def _named_before(reading: _Reading, before: list[_Word]) -> bool:
    """The measure is named before the figure, with only linking words (and dates) between, and
    nothing before it that narrows it ("unaccompanied asylum-seeking children in our care was 34")."""
    recent = before[-30:]
    stems = {w.stem for w in recent}
    if not reading.holds_a_form(stems):
        return False
    last = max(i for i, w in enumerate(recent) if w.stem in reading.known)
    for word in recent[last + 1:]:
        if _is_boundary(word):
            return False
        if word.is_word and not (_is_stop(word) or word.owned or word.stem in _LINKS or word.stem in _TIME
                                 or word.stem in _KIND_WORDS or word.stem in reading.neutral):
            return False
    return not _modified(reading, recent, last)


def _modified(reading: _Reading, words: list[_Word], last: int) -> bool:
    """A word right before the measure's words that end at words[last] narrows them: another
    measure ("unaccompanied asylum-seeking children in our care", "repeat child protection plans")."""
    first = _phrase_start(reading, words, last)
    modifier = words[first - 1] if first > 0 else None
    return modifier is not None and not (reading.harmless(modifier) or modifier.stem in _LINKS)


def names_narrower(sentence: str, forms: tuple[tuple[str, ...], ...], known: frozenset[str],
                   neutral: frozenset[str] = frozenset()) -> bool:
    """The sentence names the measure only with a word that narrows it ("... the number of
    unaccompanied asylum seeking children in our care.")."""
    reading = _Reading(forms, known, frozenset(neutral) | GENERIC)
    words = _words(sentence)
    named = [i for i, w in enumerate(words) if w.stem in known]
    return bool(named) and _modified(reading, words, named[0])


def _phrase_start(reading: _Reading, words: list[_Word], last: int) -> int:
    """Where the measure's words that end at words[last] begin ("children in our care": at
    "children"), stopwords inside them included, not the determiner before them."""
    first = last
    while first > 0:
        back = first - 1
        while back > 0 and words[back].is_word and _is_stop(words[back]) and not _is_boundary(words[back]):
            back -= 1
        if words[back].stem in reading.known or words[back].owned:
            first = back
        else:
            break
    return first
