"""A corpus of invented councils' papers: the meetings that make about a given number of papers, and each
meeting's papers (an agenda, minutes and one to three reports)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from .agendas import council_agenda
from .council import Meeting, council_meetings
from .minutes import council_minutes
from .papers import Paper
from .reports import council_report

PAPERS_PER_MEETING = 4.0  # agenda, minutes and 1-3 reports


def report_count(seed: int, meeting: Meeting) -> int:
    """How many reports a meeting has (1 to 3)."""
    return random.Random(f"{seed}/{meeting.key}/size").randint(1, 3)


def meeting_papers(seed: int, meeting: Meeting) -> list[Paper]:
    reports = report_count(seed, meeting)
    return [council_agenda(seed, meeting, reports), council_minutes(seed, meeting),
            *(council_report(seed, meeting, slot) for slot in range(1, reports + 1))]


def meetings_for(seed: int, papers: int) -> list[Meeting]:
    """Meetings holding about `papers` papers: as many councils as that needs (each with about
    4 papers a meeting), and a seeded sample of their meetings, so a small corpus still spans
    every committee and year."""
    meetings, councils = [], 0
    while len(meetings) * PAPERS_PER_MEETING < papers:
        meetings += council_meetings(seed, councils)
        councils += 1
    random.Random(f"{seed}/sample").shuffle(meetings)
    chosen, count = [], 0
    for meeting in meetings:
        if count >= papers:
            break
        chosen.append(meeting)
        count += 2 + report_count(seed, meeting)
    return sorted(chosen, key=lambda m: (m.council, m.year, m.month, m.committee))


def corpus_papers(seed: int, meetings: list[Meeting]) -> Iterator[Paper]:
    """The papers of `meetings`, one at a time (a large corpus need not be held in memory)."""
    for meeting in meetings:
        yield from meeting_papers(seed, meeting)
