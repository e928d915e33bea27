"""Tokens, stems and sentences shared by indexing, querying and answering."""

from __future__ import annotations

import re
from functools import lru_cache

from archive.imports import hiding

with hiding("scipy", "sklearn"):  # NLTK's package import probes for both; neither is used here
    from nltk.stem.snowball import SnowballStemmer
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# Punkt's trained models cannot be downloaded here; its unsupervised core with the abbreviations
# council papers use (which a model trained on news text misses anyway) splits these papers well.
COUNCIL_ABBREVIATIONS = {
    "cllr", "cllrs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "etc", "p.m",
    "a.m", "approx", "dept", "govt", "para", "paras", "ref", "vs", "v", "cf", "incl", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "co", "ltd", "inc", "fig",
}

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves also may might must shall upon via per
    whose""".split()
)

WORD_PATTERN = re.compile(r"[A-Za-z0-9£%]+(?:[.,'’][A-Za-z0-9]+)*")
_WORD = WORD_PATTERN
_stemmer = SnowballStemmer("english")


# Irregular forms a suffix stemmer cannot join to their base ("came" and "come").
IRREGULAR = {
    "came": "come", "went": "go", "gone": "go", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "made": "make", "paid": "pay", "spent": "spend", "met": "meet", "held": "hold",
    "left": "leave", "began": "begin", "begun": "begin", "brought": "bring", "bought": "buy",
    "sought": "seek", "told": "tell", "said": "say", "saw": "see", "seen": "see", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "kept": "keep", "found": "find", "chose": "choose",
    "chosen": "choose", "children": "child", "child's": "child", "people": "person", "women": "woman",
    "men": "man", "percentage": "percent", "percentages": "percent", "%": "percent",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stem(IRREGULAR.get(word, word))


def words(text: str) -> list[str]:
    """Lowercase word tokens, numbers kept whole ("6,023", "5.03pm", "23/24" -> "23", "24")."""
    found = [word.lower() for word in _WORD.findall(text)]  # the pattern has no groups: whole matches
    return [word.replace("’", "'") for word in found] if "’" in text else found


def terms(text: str) -> list[str]:
    """Stemmed content terms: stopwords dropped, numbers kept ("46%" also gives "percent")."""
    return list(_terms(text))


@lru_cache(maxsize=16384)  # answering reads the same passages for reranking, coverage and candidates
def _terms(text: str) -> tuple[str, ...]:
    out = []
    for word in words(text):
        if word in STOPWORDS:
            continue
        out.append(stem(word))
        if word.endswith("%"):
            out.append("percent")
    return tuple(out)


def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(COUNCIL_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_PUNKT = _punkt()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans; lines (table rows, list items) never share a sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for start, end in _PUNKT.span_tokenize(line):
                spans.append((offset + start, offset + end))
        offset += len(line) + 1
    return spans


_LIST_START = re.compile(r"^\s*(?:[-•·▪*]|\(?[a-z0-9]{1,3}[.)])\s")
WRAPPED_LINE = 50  # a line this long that ends mid-sentence was wrapped by the page, not ended by the writer


def unwrap(text: str) -> str:
    """The text with each line break inside a wrapped paragraph read as a space (same length and
    offsets): a long line that ends mid-sentence, or a line followed by one starting in lower case.
    Table rows, list items and blank lines keep their breaks."""
    lines = text.split("\n")
    out = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        prose = line.strip() and following.strip() and "\t" not in line and "\t" not in following
        wrapped = prose and not _LIST_START.match(following) and (
            (len(line) >= WRAPPED_LINE and not line.rstrip().endswith((".", ":", ";", "?", "!")))
            or following.lstrip()[:1].islower())
        out.append(line + (" " if wrapped else "\n"))
    return "".join(out)[: len(text)]


def prose_sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of text whose paragraphs may be wrapped across lines (see unwrap)."""
    return sentence_spans(unwrap(text))


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]
