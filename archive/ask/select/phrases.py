"""Open answer candidates: the spans of a sentence that answer a question whose answer is not a figure,
a date or a name (which body a duty moved to, what funding route, how or where a meeting was held, what
a group recommended, why). Read without a parser, from the sentence's own punctuation and small words:

- clauses: the parts between commas, semicolons, dashes and conjunctions ("... but would be difficult
  to administer fairly"), and what follows "that" ("recommended that the pilot be extended");
- what follows a verb the question uses ("was held remotely via Microsoft Teams" for "how was it held");
- the objects of prepositions ("met from the General Fund balance", "transfer to the Integrated Care
  Board on 1 April"), up to the next preposition, clause break or figure;
- names of bodies: capitalised words, joined by "of", "for", "and" ("Department for Education",
  "Licensing and Regulatory Committee"), and single capitalised words inside a sentence ("Telford").

Each is a candidate of kind "phrase" (ask/select/candidates.py proposes them only for questions that
expect an open answer, from sentences that share a word with the question).
"""

from __future__ import annotations

import re

from archive.text import STOPWORDS, stem

MOST_WORDS = 25  # a longer clause is the sentence, proposed whole already
_BREAK = re.compile(
    r"\s*(?:[;:]|,(?!\d)|\s[–—-]\s|\(|\)|\"|“|”)\s*"
    r"|\s+(?:because|but|whereas|although|though|while|whilst|so that|unless|until|once|however|and that"
    r"|in order to|as a result of|due to|largely because|mainly because|which is why|that is why)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:and|or|then|also|which|who|it|this|largely|mainly|partly|so|that|the matter)\s+)+",
                   re.IGNORECASE)
_THAT = re.compile(r"\b(?:that|whether)\s+", re.IGNORECASE)
PREPOSITIONS = ("to", "from", "by", "through", "via", "at", "in", "into", "with", "as", "for", "under", "within",
                "onto", "towards", "between", "using", "across")
_PREPOSITION = re.compile(rf"\b(?:{'|'.join(PREPOSITIONS)})\s+", re.IGNORECASE)
# a verb's object after "will", "would", "to" ... ("will provide a written response", "to bring an action plan")
_AFTER_VERB = re.compile(r"\b(?:will|would|shall|should|could|to|must|may)\s+(?:not\s+)?[a-z]+\s+"
                         r"(?=(?:a|an|the|its|their|our)\s)", re.IGNORECASE)
# where an object of a preposition ends: another preposition, a figure, a conjunction, "on" a date
_OBJECT_END = re.compile(rf"\s+(?:{'|'.join(PREPOSITIONS)}|on|of the|and|or|but|which|who|was|were|is|are|will"
                         r"|would|had|has|have|be|been|being|can|could|should|may|might|must|shall)\s+|\s+(?=£)",
                         re.IGNORECASE)
# the first word of "to" + a verb, not of an object ("is to be financed")
_NOT_OBJECTS = frozenset("be been being have has had do does did make take get give keep".split())
_AGENT = re.compile(r"\b(?:to|by)\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE)  # before "by the combined authority"
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|our|his|her)\s+", re.IGNORECASE)
# verbs in the past participle that are not formed with -ed
_IRREGULAR = frozenset("held met paid made given set put brought taken run told said done sent led won built sold "
                       "bought kept spent found heard seen chosen shown known drawn undertaken".split())
_CAPITAL = r"(?:[A-Z][\w'’&.-]*|[A-Z]{2,}s?)"
_BODY = re.compile(rf"{_CAPITAL}(?:\s+(?:(?:of|for|and|&|on|in|the|upon)\s+)*{_CAPITAL})*")
_NOT_BODIES = frozenset("I The A An This That These Those It He She They We Our Their Its In On At By For From To "
                        "Of And Or But If When Where Which What Who How Why Members Member Councillor Cllr Mr Mrs Ms "
                        "Dr Miss".split())
_LINKING = frozenset("however therefore also furthermore additionally meanwhile nevertheless nonetheless overall "
                     "instead moreover finally firstly secondly thirdly currently".split())
_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_MONTHS = frozenset("January February March April May June July August September October November December Monday "
                    "Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _words(text: str) -> int:
    return len(text.split())


def _tidy(text: str) -> str:
    return text.strip(" ,.;:–—-\"“”'()")


def clauses(sentence: str) -> list[tuple[str, int]]:
    """(clause, offset) of the parts of a sentence between its breaks, each without its leading small
    words, and what follows a "that" in each; none when the sentence is one clause."""
    out: list[tuple[str, int]] = []
    start = 0
    parts: list[tuple[int, int]] = []
    for brk in _BREAK.finditer(sentence):
        parts.append((start, brk.start()))
        start = brk.end()
    parts.append((start, len(sentence)))
    if len(parts) > 1:
        for a, b in parts:
            text = sentence[a:b]
            lead = _LEAD.match(text)
            if lead:
                a, text = a + lead.end(), text[lead.end() :]
            out.append((text, a))
    else:
        out.append((sentence, 0))
    found = list(out)
    for text, offset in found:
        for that in _THAT.finditer(text):
            out.append((text[that.end() :], offset + that.end()))
    whole = _tidy(sentence)
    return [(_tidy(text), offset + (len(text) - len(text.lstrip(" ,.;:–—-\"“”'(")))) for text, offset in out
            if _tidy(text) != whole and (2 <= _words(_tidy(text)) <= MOST_WORDS or _one_word(_tidy(text)))]


def _one_word(text: str) -> bool:
    """A clause of one word that can answer: "Approved, subject to ...", "(upheld)"."""
    return text.isalpha() and text.lower() not in STOPWORDS and text.lower() not in _LINKING and len(text) > 2


def after_verbs(sentence: str, asked: set[str]) -> list[tuple[str, int]]:
    """What follows, to the end of its clause, a verb of the question ("held remotely via Microsoft Teams":
    "remotely via Microsoft Teams"), and the same without its first preposition."""
    out = []
    for word in re.finditer(r"[A-Za-z]+", sentence):
        token = word.group(0).lower()
        if not (token.endswith("ed") or token in _IRREGULAR) or stem(token) not in asked:
            continue
        rest = sentence[word.end() :]
        brk = _BREAK.search(rest)
        clause = rest[: brk.start()] if brk else rest
        text = _tidy(clause)
        if not 1 <= _words(text) <= MOST_WORDS:
            continue
        offset = word.end() + rest.find(text)
        out.append((text, offset))
        first = _PREPOSITION.match(text)
        if first and _words(text[first.end() :]) >= 1:
            out.append((text[first.end() :], offset + first.end()))
    return out


def _object_end(sentence: str, start: int) -> tuple[int, bool]:
    """Where an object starting at `start` ends: the next preposition, conjunction or figure, or the next
    break, whichever comes first; and whether it was the former (then a name may carry it on)."""
    stop = _OBJECT_END.search(sentence, start)
    brk = _BREAK.search(sentence, start)
    limit = min(stop.start() if stop else len(sentence), brk.start() if brk else len(sentence))
    return limit, bool(stop) and stop.start() == limit


def objects(sentence: str) -> list[tuple[str, int]]:
    """The objects of the sentence's prepositions, with their determiner and without it ("the General Fund
    balance", "General Fund balance"): up to the next preposition, conjunction or figure, carried on over
    "of", "for", "and" or "with" where a capitalised name follows ("a joint committee with Marlshire")."""
    out = []
    starts = sorted(m.end() for pattern in (_PREPOSITION, _AFTER_VERB) for m in pattern.finditer(sentence))
    for start in dict.fromkeys(starts):
        end = start
        while True:
            limit, at_object_end = _object_end(sentence, end)
            end = limit
            joined = re.match(r"\s+(?:of|for|and|with|&)\s+(?=[A-Z])", sentence[end:])
            if at_object_end and joined:
                end += joined.end()
                continue
            break
        text = _tidy(sentence[start:end])
        if sentence[:start].rstrip().lower().endswith(" to") and text[:1].islower() and not _DETERMINER.match(text):
            continue  # "to" and a verb ("to come into force"), not "to the Integrated Care Board"
        if (not text or text[0].isdigit() or text[0] == "£" or _words(text) > 8 or text.lower() in STOPWORDS
                or text.split()[0].lower() in _NOT_OBJECTS or all(w in _MONTHS for w in text.split())):
            continue
        offset = sentence.find(text, start)
        found = [(text, offset)]
        # and carried on over "of", "on" or "and" ("a further update on progress", "the police and crime commissioner")
        more = re.match(r"\s+(?:of|on|and)\s+(?!\d)", sentence[offset + len(text) :])
        if more:
            rest = offset + len(text) + more.end()
            end = _object_end(sentence, rest)[0]
            longer = _tidy(sentence[offset:end])
            if _words(longer) <= 10 and longer != text:
                found.append((longer, offset))
        for text, offset in found:
            out.append((text, offset))
            det = _DETERMINER.match(text)
            if det and _words(text[det.end() :]) >= 1:
                out.append((text[det.end() :], offset + det.end()))
    return out


def bodies(sentence: str) -> list[tuple[str, int]]:
    """Names of bodies, places and schemes: runs of capitalised words; a single word only inside the sentence
    (its first word is capitalised anyway); a list of them as one ("Millgate, Canal Side and St Aidan's")
    and each of two joined by "and" ("Sandwell and Telford")."""
    named = []
    for match in _BODY.finditer(sentence):
        words = match.group(0).rstrip(".").split()
        while words and (words[0] in _NOT_BODIES or words[0] in _MONTHS):
            words = words[1:]
        while words and words[-1].lower() in ("of", "for", "and", "&", "on", "in", "the", "upon"):
            words = words[:-1]
        if not words or all(w in _MONTHS or w in _NOT_BODIES for w in words):
            continue
        text = " ".join(words)
        offset = sentence.find(text, match.start())
        if offset < 0 or (len(words) == 1 and (not sentence[:offset].strip(" -•·▪\"“(") or text.lower() in STOPWORDS
                                               or text.lower() in _LINKING)):
            continue
        named.append((text, offset))
    out = []
    start = -1
    for index, (text, offset) in enumerate(named):
        if index and _LIST_GAP.fullmatch(sentence[named[index - 1][1] + len(named[index - 1][0]) : offset]):
            start = named[index - 1][1] if start < 0 else start
            out.append((sentence[start : offset + len(text)], start))
        else:
            start = -1
        out.append((text, offset))
        if " and " in text:
            out += [(part, sentence.find(part, offset)) for part in text.split(" and ") if part[:1].isupper()]
    return out


def phrases(sentence: str, asked: set[str], bodies_only: bool = False) -> list[tuple[str, int]]:
    """(span, offset) of every open candidate in a sentence, each once; `asked`: the question's stems.
    `bodies_only`: for a question that asks who, the bodies a "who" can be ("passed to the combined
    authority", "awarded to Eversey Services Ltd"): names of bodies and the objects of "to" and "by"."""
    if bodies_only:
        agents = [(text, offset) for text, offset in objects(sentence) if _AGENT.search(sentence[:offset])]
        found = [*agents, *bodies(sentence)]
    else:
        found = [*clauses(sentence), *after_verbs(sentence, asked), *objects(sentence), *bodies(sentence)]
    seen, out = set(), []
    for text, offset in found:
        if text and text not in seen and offset >= 0:
            seen.add(text)
            out.append((text, offset))
    return out
