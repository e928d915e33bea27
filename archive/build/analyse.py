"""Analyse one paper: everything the index stores about it, computed from its text alone.

Pure (no files, no database): a Document in, a PaperAnalysis out. The indexer writes the analyses
of a build into a new generation.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.build.chunk import ChunkSettings, chunk_document
from archive.build.commitments import Commitment, extract_commitments
from archive.build.decisions import Recommendation, Resolution, extract_recommendations, extract_resolutions
from archive.build.packs import find_part_starts, split_parts
from archive.build.people import Appearance, extract_people
from archive.build.questions import PublicQuestion, extract_questions, question_number
from archive.dates import find_periods, reference_date
from archive.glossary import find_definitions
from archive.records import Chunk, Document, Part

StoredPeriods = list[list[list[int]]]  # [[[first year, month], [last year, month]], ...]


@dataclass(frozen=True)
class PaperAnalysis:
    document: Document
    parts: tuple[Part, ...]
    questions: tuple[PublicQuestion, ...]
    commitments: tuple[Commitment, ...]
    chunks: tuple[tuple[Chunk, StoredPeriods], ...]  # each chunk with the dates it states
    definitions: tuple[tuple[str, str], ...]  # acronyms the paper defines: (acronym, long form)
    appearances: tuple[Appearance, ...] = ()  # who attended, moved, voted, asked ... (build/people.py)
    recommendations: tuple[Recommendation, ...] = ()  # a report's recommendations (build/decisions.py)
    resolutions: tuple[Resolution, ...] = ()  # what minuted items resolved, decision records


def respondents(parts: tuple[Part, ...], questions: tuple[PublicQuestion, ...]) -> dict[int, str]:
    """part_id -> whom the question asked in that part was put to. Parts and questions spell the
    number the same way (question_number), however the paper writes it ("PQ1", "PQ 1", "Question 1")."""
    to = {question.number: question.question_to for question in questions}
    out = {}
    for part in parts:
        number = question_number(part.title.split(":", 1)[0]) if ":" in part.title else ""
        if number in to:
            out[part.part_id] = to[number]
    return out


def analyse_paper(document: Document, settings: ChunkSettings) -> PaperAnalysis:
    starts = find_part_starts(document)
    parts = tuple(split_parts(document, starts))
    questions = tuple(extract_questions(document))
    commitments = tuple(extract_commitments(
        document, starts, {p.part_id: p.part_date for p in parts}, document.committee, respondents(parts, questions)))
    chunks = []
    for chunk in chunk_document(document, starts, settings):
        when = reference_date(parts[chunk.part_id].part_date or document.meeting_date)
        chunks.append((chunk, [[list(p.first), list(p.last)] for p in find_periods(chunk.text, when)]))
    definitions = tuple(find_definitions("\n".join(document.pages)))
    return PaperAnalysis(document, parts, questions, commitments, tuple(chunks), definitions,
                         tuple(extract_people(document, starts, questions, commitments)),
                         tuple(extract_recommendations(document, starts)), tuple(extract_resolutions(document, starts)))
