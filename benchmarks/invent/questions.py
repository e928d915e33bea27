"""Questions with their answers, written from the facts papers state.

Every paper of the invented councils carries its `facts`: each a question and the answer the paper
gives (a dated figure, a scheme's budget, who seconded a motion, how many voted against it). Questions
name the council, committee and date or month, so each has one right answer in the whole corpus.

For training data, `papers_with_questions` is the entry point:

    from invent.questions import papers_with_questions

    for paper, questions in papers_with_questions(seed=7, papers=2000):
        paper.text               # the paper, as the archive would read it
        for q in questions:      # empty for agendas, which state no facts
            q.text, q.answer     # the answer appears word for word in paper.text

The benchmarks' evaluation sets come from `sample_questions`, which samples across meetings instead."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .corpus import meeting_papers, meetings_for
from .council import Meeting
from .papers import Fact, Paper

KINDS = ("figure", "seconder", "budget", "votes")


@dataclass(frozen=True)
class Question:
    text: str
    answer: str
    kind: str
    file: str  # the paper that states the answer
    committee: str
    meeting_date: str
    doc_type: str

    @classmethod
    def about(cls, paper: Paper, fact: Fact) -> Question:
        return cls(fact.question, fact.answer, fact.kind, paper.file, paper.committee, paper.meeting_date,
                   paper.doc_type)


def sample_questions(seed: int, meetings: Sequence[Meeting], count: int,
                     kinds: Sequence[str] = KINDS) -> list[Question]:
    """`count` different questions about facts the papers of `meetings` state, the kinds taken in turn, each
    from a meeting drawn at random; fewer when a small corpus runs out of a kind's facts."""
    rng = random.Random(f"{seed}/questions")
    out: list[Question] = []
    seen: set[str] = set()
    misses = 0
    while len(out) < count and misses < 50 * count:
        kind = kinds[len(out) % len(kinds)]
        papers = meeting_papers(seed, rng.choice(meetings))
        facts = [(p, f) for p in papers for f in p.facts if f.kind == kind and f.question not in seen]
        if not facts:
            misses += 1
            continue
        paper, fact = rng.choice(facts)
        seen.add(fact.question)
        out.append(Question.about(paper, fact))
    return out


def papers_with_questions(seed: int, papers: int) -> Iterator[tuple[Paper, list[Question]]]:
    """About `papers` papers of invented councils (the same as a corpus of that many papers for the seed), each
    with every question it answers."""
    for meeting in meetings_for(seed, papers):
        for paper in meeting_papers(seed, meeting):
            yield paper, [Question.about(paper, fact) for fact in paper.facts]
