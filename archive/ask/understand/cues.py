"""What a question asks for, read from its words: the answer type it expects, the retrieval intent,
the role it asks about (who moved, who chaired), and whether it asks where, by how much, or for a
national comparator. The only place that reads a question's type from its text."""

from __future__ import annotations

import re

from archive.dates import MONTHS
from archive.text import STOPWORDS

_EXPECT = [  # (expected type, question pattern), first match wins
    ("time", re.compile(r"\bwhat time\b|\bstart(?:ed)? at\b|\bfinish(?:ed)?\b.*\bwhen\b"
                        r"|^\s*when did\b.*\b(?:meeting|council|committee|session|board)\b.*\b(?:end|close|finish"
                        r"|start|begin|commence)\b", re.I)),
    ("duration", re.compile(r"^\s*how long\b|\bhow many (?:weeks|months|years|days|hours)\b|\bduration\b", re.I)),
    ("date", re.compile(r"^\s*(?:when|on what date|what date|by when|by what date|which (?:month|year|date))\b"
                        r"|\bwhat date\b|\bwhich date\b|\bdue (?:date|by)\b|\bwhen\b", re.I)),
    ("person", re.compile(r"^\s*(?:who|whom|whose)\b|\bname of the\b|\bwho\b"
                          # "which councillor", "which cabinet member", "which portfolio holder"
                          r"|\bwhich (?:[a-z]+\s+){0,2}(?:councillors?|officers?|member|person|director|holder|leader"
                          r"|chair(?:man|woman|person)?)\b", re.I)),
    # an open answer, whatever figure words the question holds: what someone recommended, promised or was told
    # ("What did scrutiny recommend about savings?"), why, how something is funded or was held, which body or
    # area ("Which part of the county has the highest number of ...?")
    ("sentence", re.compile(
        r"^\s*why\b|\bwhat (?:reasons?|explanation|justification)\b"
        r"|^\s*what (?:[\w-]+\s+){0,2}?(?:route|mechanism|method|source|means|arrangement|body|organi[sz]ation|company"
        r"|firm|option)s?\b"
        r"|^\s*what (?:was|were|is|are) the (?:recommendations?|reasons?|response|reply|answer|conclusions?)\b"
        r"|^\s*(?:what|how)\s+(?:did|does|do|has|have|had|was|were|is|are|will|would)\s+(?:[\w'’-]+\s+){0,6}?"
        r"(?:recommend|promis|propos|suggest|say|said|tell|told|advis|conclud|undert|committ?ed\\b|ask|request|warn|repl"
        r"|respond|answer|explain)\w*\b(?!\s+to\s+(?:spend|pay|charge|save|cut|borrow|invest|set|raise)\b)"
        r"|^\s*how\s+(?:is|are|was|were|will|would|did|does|do|has|have|had|can|could|should)\s+"
        r"(?:[\w'’-]+\s+){0,6}?(?:fund|financ|pay|paid|met|meet|cover|held|hold|deliver|run|manag|conduct|propos"
        r"|plan|intend|address|tackl|handl|deal)\w*\b"
        r"|^\s*which\s+(?:[\w'’-]+\s+){0,3}?(?:part|area|wards?\b|authorit|councils?\b|bod(?:y|ies)\b|organi[sz]ation"
        r"|compan|schools?\b|teams?\b|services?\b|provider|district|localit|towns?\b|villages?\b|partner|routes?\b"
        r"|funds?\b|schemes?\b|firms?\b|contractors?\b|charit|trusts?\b|groups?\b)", re.I)),
    ("rate", re.compile(r"\brate\b|\bper 10,?000\b|\bper 1,?000\b", re.I)),
    ("percent", re.compile(r"\bpercent|\bper cent\b|%|\bproportion\b|\bpercentage\b|\bshare of\b", re.I)),
    ("money", re.compile(r"\bhow much\b|\bcost|\bspend|\bspent\b|\bbudget|\boverspend|\bunderspend|\bsaving|£"
                         r"|\bfunding\b|\bgrant\b|\bprice\b|\bfee\b|\bvalue of\b|\bvariance\b|\boutturn\b|\barrears\b"
                         r"|\bcouncil tax\b|\bcharge\b|\ballowance\b", re.I)),
    ("vote", re.compile(r"\bvote[ds]?\b|\bvoting\b|\bcarried by\b|\bmajority\b", re.I)),
    ("count", re.compile(r"^\s*how many\b|\bnumber of\b|\bhow many\b|\bfigure\b|\btotal\b|\bcount\b|\bvotes?\b", re.I)),
]
# a clause before the question's own wh-word ("When X asked about Y, what ...", "Of the 14 councils, how many ...")
_LEADING_CLAUSE = re.compile(r"^\s*(?:when|whenever|if|after|before|once|while|following|of|in|at|during|since)\b"
                             r"[^?]*?,\s*(?=(?:what|who|whom|whose|how|which|where|when|why)\b)", re.I)
_ASKS_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.I)
PLACE_QUESTION = re.compile(r"^\s*where\b|\bwhich (?:venue|room|building|location)\b|\bvenue\b", re.I)
# the role a question asks about, in the order the answer selector's role features were trained in
ROLES_ASKED = {
    "chair": re.compile(r"\bchair(?:ed|man|woman|person)?\b|\bpresid", re.I),
    "mover": re.compile(r"\bmov(?:ed|er)\b|\bpropos(?:ed|er)\b|\btabled\b|\bput forward\b", re.I),
    "seconder": re.compile(r"\bsecond(?:ed|er)\b", re.I),
    "respondent": re.compile(r"\brespond|\breply|\breplied|\banswer(?:ed)?\b", re.I),
    "questioner": re.compile(r"\basked\b|\bquestioner\b|\bput the question\b|\braised\b|\bsubmitted\b", re.I),
    "owner": re.compile(r"\bowner\b|\bresponsible\b|\blead officer\b|\bwho (?:is|was) (?:to|due)\b", re.I),
    "end": re.compile(r"\b(?:end|ended|finish(?:ed)?|close[ds]?|conclude[ds]?)\b", re.I),
    "start": re.compile(r"\b(?:start(?:ed)?|begin|began|commence[ds]?|open(?:ed)?)\b", re.I),
    "venue": PLACE_QUESTION,
    "author": re.compile(r"\bauthor\b|\bwrote\b|\bwritten by\b|\bcontact officer\b", re.I),
}
# a comparator, in a question or beside a figure ("England", "statistical neighbours")
NATIONAL = re.compile(r"\bengland\b|\bnational(?:ly)?\b|\bstatistical neighbou?rs?\b|\bregional\b|\bcomparator",
                      re.I)
_CHANGE_QUESTION = re.compile(r"\bby how much\b|\bhow much (?:did|has|had) .* (?:rise|fall|increase|decrease|drop)"
                              r"|\bchange\b|\bincrease\b|\bdecrease\b|\breduction\b", re.I)
_WANTS_COUNT = re.compile(r"^\s*how many\b|\bfigure\b|\bnumber of\b", re.I)
_WANTS_RATE = re.compile(r"\b(rate|per|percent|percentage|proportion|share)\b", re.I)
_ASKED_NUMBER = re.compile(r"\d[\d,.]*")
_PROPER = re.compile(r"(?<!^)(?<![.?!]\s)\b([A-Z][a-z]{2,}(?:['’]s)?)\b")
# "after the 2022 inspection", "before the June 2021 report": a bound, not the date asked about
BOUND = re.compile(r"\b(before|after|since|until|prior to|following|by)\s+(?:the\s+)?$", re.I)
_BODY = re.compile(r"\b([A-Za-z][\w'-]+)\s+(committee|board|panel|sub-committee)\b", re.I)
_NOT_A_NAME = {"the", "this", "that", "a", "each", "every", "which", "what", "its", "their", "whole", "full"}

_INTENTS = (  # retrieval's coarse intent, first match wins
    ("time", re.compile(r"^(what|which)\s+time\b|(?:^| )what time(?= |$)")),
    ("duration", re.compile(r"^how (long|often)\b")),
    ("date", re.compile(r"^(when|what date|what year|in what year|which year|which month)\b")),
    ("person", re.compile(r"^(who|whom|which (person|officer|councillor|member))\b")),
    ("fact", re.compile(r"^(which|what)\s+(local authority|council|authority|team|committee|organisation|body|"
                        r"service|school|ward|area|postcode|software|tool|scheme)\b")),
    ("figure", re.compile(r"^how (many|much)\b|\b(figure|number of|how many|how much|percentage|proportion|rate|cost"
                          r"|spend|total|average|amount)\b")),
)


def intent_of(question: str) -> str:
    """figure | date | time | person | duration | fact: what reranking looks for in a passage."""
    q = question.lower().strip()
    return next((intent for intent, pattern in _INTENTS if pattern.search(q)), "fact")


def expected_type(question: str) -> str:
    """The answer type a question expects: count, money, percent, rate, vote, date, time, duration,
    person, or a sentence. A leading clause does not type it: "When Cllr X asked about permits, what was
    she told?" asks what, "Of the children who entered care, how many were ..." asks how many."""
    main = _LEADING_CLAUSE.sub("", question, count=1)
    if main != question:  # the main clause types it; else the whole question's words, but not its wh-words
        return _first_type(main) or _first_type(question, skip=("time", "date", "person")) or "sentence"
    return _first_type(question) or "sentence"


def _first_type(question: str, skip: tuple[str, ...] = ()) -> str:
    return next((name for name, pattern in _EXPECT if name not in skip and pattern.search(question)), "")


# "Was the recommendation on X agreed?", "Was the officers' recommendation agreed, or amended?", "What became
# of the proposal to close Y?", "What was decided about Z?": answered from the decisions table (ask/decided.py)
_DECISION = re.compile(
    r"^\s*(?:was|were|did|has|have|had)\b.{0,200}?\b(?:recommendations?|proposals?)\b.{0,200}?\b(?:agreed|approved?"
    r"|adopted|accepted|rejected|refused|amended|deferred|passed|carried|noted|referred|go through|lost)\b"
    r"|\bwhat (?:became of|happened to|was (?:the )?(?:decided|decision|outcome)(?: (?:on|of|about))?) "
    r"(?:the |its |their )?(?:[\w'’-]+\s+){0,3}?(?:recommendations?|proposals?)\b"
    r"|\b(?:outcome|fate) of the (?:[\w'’-]+\s+){0,3}?(?:recommendations?|proposals?)\b", re.I)


def asks_decision(question: str) -> bool:
    """Whether the question asks what became of a recommendation, proposal or motion."""
    return bool(_DECISION.search(question))


def asked_role(question: str) -> str:
    for role, asked in ROLES_ASKED.items():
        if asked.search(question):
            return role
    return ""


def asks_place(question: str) -> bool:
    return bool(PLACE_QUESTION.search(question))


def asks_change(question: str) -> bool:
    return bool(_CHANGE_QUESTION.search(question))


def asks_national(question: str) -> bool:
    return bool(NATIONAL.search(question))


def asks_count(question: str) -> bool:
    """How many, or the number of, anywhere in the question ("how many voted against", "of the 14 councils,
    how many had a lower rate"): counts in words are candidates, whatever answer type it expects."""
    return bool(_ASKS_COUNT.search(question))


def wants_count(question: str) -> bool:
    """A count, not a rate or share of one ("how many", "the figure", "the number of")."""
    return bool(_WANTS_COUNT.search(question)) and not _WANTS_RATE.search(question)


def asked_numbers(question: str) -> frozenset[str]:
    return frozenset(_ASKED_NUMBER.findall(question))


def proper_nouns(question: str) -> frozenset[str]:
    """Names in a question (a council, a place, a school), not its first word or a month."""
    found = {m.group(1).lower().removesuffix("'s").removesuffix("’s") for m in _PROPER.finditer(question.strip())}
    return frozenset(w for w in found if w not in MONTHS and w not in STOPWORDS)


def named_bodies(question: str) -> list[str]:
    """"planning committee", "Scrutiny Management Board": the word that names a body, with it."""
    return [
        f"{m.group(1)} {m.group(2)}".lower()
        for m in _BODY.finditer(question)
        if m.group(1).lower() not in _NOT_A_NAME
    ]
