"""How a question's wording places a council it names, read from the words around the name:

- OWN: the question is about the council's own business or papers: "What did Kent's cabinet decide",
  "Kent County Council's budget", "children in care in Kent". What a name is unless its words say
  otherwise.
- QUOTED: the question asks about the council as another council's papers quote it, and says so:
  "the rate given for Devon, one of the closest statistical neighbours", "Kent's figures as a
  statistical neighbour", "statistical neighbour Shropshire". Asked about, but not from its own papers.
- PASSING: the council qualifies something else, as a partner, comparator, provider, source or
  recipient: "the partnership with Kent", "compared with Kent", "jointly with", "higher than Kent's",
  "on behalf of", "provided by", "funding from", "paid to". The question is about something else.

A bare "with", "from", "by", "to" or "in" is not enough ("registered with Kent", "children from Kent",
"approved by Kent", "placed in Kent" are about Kent's own business or place): only a word of relation,
comparison or exchange before it makes the name one in passing.
"""

from __future__ import annotations

import re

OWN, QUOTED, PASSING = "own", "quoted", "passing"
RANK = {OWN: 0, QUOTED: 1, PASSING: 2}  # a council named twice is taken at its lowest rank

_DET = r"(?:(?:the|its|their|our|his|her|a|an)\s+)?"
_WORD = r"[\w'’&,-]+\s+"
# A relation with another body, then the word that ties it to the name: "the partnership with",
# "compared to", "working jointly alongside", "the shared service agreement between ... and".
_RELATION = (r"partnerships?|partners?|partnered|partnering|joint|jointly|together|shared?|sharing|"
             r"collaborat\w*|co-?operat\w*|agreements?|arrangements?|contracts?|contracted|deals?|consortium|"
             r"alliance|merger|merged|merging|combined|compar\w*|benchmark\w*|similar|relative|contrast\w*|"
             r"work|worked|working|works|liaison|liais\w*|negotiat\w*|memorandum|agree|agreed|agreeing|signed")
_TIE = r"with|to|against|alongside|and|between"
# A service, staff or money passing between bodies: "provided by", "bought from", "paid to".
_EXCHANGE = (r"provided|delivered|run|operated|hosted|managed|supplied|commissioned|procured|bought|purchased|"
             r"funded|seconded|led|administered|offered|sold|transferred|paid|payable|sent|referred|outsourced|"
             r"delegated|lent|loaned|handed|received|borrowed|learn(?:ed|t)|copied|recruited|"
             r"recharged|charged|owed|granted|awarded|recovered|claimed|sought")
_EXCHANGE_TIE = r"by|from|to|with"
# What comes from a source: "funding from Kent", "figures from Kent".
_FROM_SOURCE = (r"funding|funds|money|grants?|payments?|contributions?|income|loans?|data|figures|statistics|"
                r"information|letters?|requests?|support|staff|officers|referrals|transfers")

_PASSING_BEFORE = re.compile(
    rf"(?:\b(?:{_RELATION})\s+(?:{_WORD}){{0,3}}?(?:{_TIE})"
    rf"|\b(?:{_EXCHANGE})\s+(?:{_WORD}){{0,2}}?(?:{_EXCHANGE_TIE})"
    rf"|\b(?:{_FROM_SOURCE})\s+from"
    rf"|\bthan|\bversus|\bvs\.?|\bunlike|\blike|\bsuch\s+as|\bincluding|\balongside|\bon\s+behalf\s+of"
    rf")\s+{_DET}$", re.I)

_ROLE_ADJECTIVE = (r"(?:(?:closest|nearest|main|chosen|usual|other|statistical|comparator|partner|neighbouring|"
                   r"similar|comparable|peer|fellow|nearby|two|three|four|five)\s+)*")
_ROLE_NOUN = (r"(?:statistical\s+neighbou?rs?|neighbou?rs?|comparators?|benchmarks?|peers?|partners?|"
              r"comparison\s+(?:councils?|authorit(?:y|ies)))")
_QUOTED_BEFORE = re.compile(
    rf"\b(?:{_ROLE_NOUN}|neighbouring)\s+(?:(?:councils?|authorit(?:y|ies)|boroughs?|count(?:y|ies))\s+)?{_DET}$",
    re.I)
# After the name (and its possessive, and a word or two): ", one of the closest statistical
# neighbours", " (a comparator)", "'s figures as a statistical neighbour".
_QUOTED_AFTER = re.compile(
    rf"^(?:['’]s?)?(?:\s+[\w'’-]+){{0,2}}?\s*(?:,|\(|[–—]|\s-|\bas\b)\s*(?:(?:one|some|each|two)\s+of\s+)?"
    rf"{_DET}{_ROLE_ADJECTIVE}{_ROLE_NOUN}\b", re.I)


def mention_kind(text: str, start: int, end: int) -> str:
    """OWN, QUOTED or PASSING: how the text places the council it names at text[start:end]."""
    before, after = text[:start], text[end:]
    if _PASSING_BEFORE.search(before):
        return PASSING
    if _QUOTED_BEFORE.search(before) or _QUOTED_AFTER.match(after):
        return QUOTED
    return OWN
