"""Answer "was the recommendation on X agreed?" from the decisions the build linked (the decisions
table: build/decisions.py): the decision whose report title (or decided item) shares most of the
question's subject words gives the outcome, and the answer cites both passages, the resolution
first and the recommendation second, before the passages retrieval found."""

from __future__ import annotations

from archive.ask.resources import Resources
from archive.ask.understand.query import Query
from archive.records import Answer, Chunk, Hit
from archive.text import terms

SAID = {"agreed": "Agreed", "agreed-amended": "Agreed with amendments", "deferred": "Deferred", "rejected": "Rejected",
        "noted": "Noted", "referred": "Referred", "not-found": ""}
GENERIC = {"recommend", "agre", "approv", "amend", "defer", "reject", "propos", "motion", "report", "council",
           "committe", "decid", "decis", "outcom", "accept", "adopt", "wa", "offic", "happen", "becam"}


def _subject(query: Query) -> set[str]:
    return set(query.topic_terms) - GENERIC


def best_decision(query: Query, resources: Resources, council: str = "") -> dict | None:
    """The decision the question is about: most of its subject words in the report's title (at least
    half of them, and two when it has two or more), ties to the latest meeting."""
    wanted = _subject(query)
    if not wanted:
        return None
    best, best_key = None, (0.0, "")
    for row in resources.index.decision_rows():
        if council and council.lower() not in row["council"].lower():
            continue
        said = set(terms(" ".join([row["title"], (row["resolution"] or {}).get("item", "")])))
        shared = len(wanted & said)
        score = shared / len(wanted)
        if score < 0.5 or (len(wanted) >= 2 and shared < 2):
            continue
        key = (score, row["meeting_date"])
        if key > best_key:
            best, best_key = row, key
    return best


def _hit(resources: Resources, side: dict) -> Hit | None:
    """The stored passage holding a side's line: the last chunk of its part starting at or before it."""
    chunks = [c for c in resources.index.part_chunks(side["doc_id"], side["part_id"])
              if (c.page, c.line) <= (side["page"], side["line"])]
    chunk = chunks[-1] if chunks else Chunk(0, side["doc_id"], side["part_id"], side["page"], 0, 0, "", side["text"],
                                            side["line"])
    papers = resources.papers
    return Hit(chunk, 1.0, document=papers.documents.get(side["doc_id"]), part=papers.parts.get(
        (side["doc_id"], side["part_id"])))


def decided(answer: Answer, query: Query, resources: Resources, council: str = "") -> Answer:
    """The answer to a question about what became of a recommendation, when the archive links one."""
    row = best_decision(query, resources, council)
    if row is None:
        return answer
    resolution, recommendation = row["resolution"], row["recommendation"]
    cited = tuple(h for h in (_hit(resources, resolution) if resolution else None,
                              _hit(resources, recommendation) if recommendation else None) if h is not None)
    if row["outcome"] == "not-found":
        note = (f"The archive holds the recommendations on {row['title']} ({row['meeting_date']}) but no minutes "
                "that decided them.")
        return Answer(answer.question, None, recommendation["text"], cited + answer.citations, note,
                      row["meeting_date"])
    text = SAID[row["outcome"]]
    return Answer(answer.question, text, resolution["text"], cited + answer.citations,
                  f"{row['title']}: {row['committee']}, {row['meeting_date']}; the recommendation and the "
                  "resolution are cited.", row["meeting_date"])
