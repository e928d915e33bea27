"""Invented council papers: agendas, minutes, reports and tables, and questions with their answers.

One package for everything that writes council papers that never existed: the scale benchmark's corpus
(benchmarks/scale_corpus.py), the Herefordshire distractor papers (benchmarks/distractors.py) and the
reader's training data (`papers_with_questions`). Every paper is a pure function of a seed and where it
sits: the same seed gives byte-identical papers.

Two families of papers share the machinery:

- invented councils (council.py): any number of councils with syllable-built names, each with 8 to 11
  committees meeting monthly from 2013 to 2024; their papers state facts, which become questions with
  answers (questions.py);
- a county's children's services (county.py), set in a `County` that supplies the council, committees,
  measures and the only years the papers may name.

Modules, by job:
    writer.py      seeded randomness (`unit`, monthly `series`, Zipf draws) and the base `Writer`
    dates.py       months, dates as papers write them, financial years, the years a text names
    names.py       people, places, councils, streets and venues
    committees.py  `Measure`, and the invented councils' `Committee`s
    prose.py       word lists and clause templates
    council.py     the invented councils: meetings, members, figures, budgets, `CouncilWriter`
    county.py      a county: `County`, its committees, meetings and officers, `CountyWriter`
    figures.py     figures as sentences ("In March 2019 there were 412 ...")
    tables.py      tab-separated tables of figures
    agendas.py     agendas and public question sheets
    minutes.py     minutes, Full Council minutes, agenda-item pages
    reports.py     reports: performance, fostering, placement budgets
    papers.py      `Paper`, `Fact`, writing papers and manifest.csv
    corpus.py      the meetings and papers of a corpus of invented councils
    questions.py   `Question`s with their answers, and `papers_with_questions` for training data
    reader_cases.py  one question and sentence per case, aimed at the reader's miss classes
                   (benchmarks/reader_data.py labels the archive's candidates in them)

The benchmark scripts import each other as siblings (benchmarks/ on sys.path), so this package is
`invent` to them and `benchmarks.invent` to the tests; its modules import each other relatively."""

from .agendas import council_agenda, county_agenda, question_sheet
from .committees import COMMITTEES, Committee, Measure
from .corpus import corpus_papers, meeting_papers, meetings_for
from .council import CouncilWriter, Meeting
from .county import County, CountyCommittee, CountyMeeting, CountyWriter, Slot
from .dates import years_in
from .minutes import council_minutes, county_minutes, full_council_minutes, item_page
from .papers import MANIFEST_COLUMNS, Fact, Paper, read_manifest, write_manifest, write_paper
from .questions import KINDS as QUESTION_KINDS
from .questions import Question, papers_with_questions, sample_questions
from .reports import council_report, fostering_report, performance_report, placements_report

__all__ = [
    "COMMITTEES", "MANIFEST_COLUMNS", "QUESTION_KINDS", "Committee", "CouncilWriter", "County", "CountyCommittee",
    "CountyMeeting", "CountyWriter", "Fact", "Measure", "Meeting", "Paper", "Question", "Slot", "corpus_papers",
    "council_agenda", "council_minutes", "council_report", "county_agenda", "county_minutes", "fostering_report",
    "full_council_minutes", "item_page", "meeting_papers", "meetings_for", "papers_with_questions",
    "performance_report", "placements_report", "question_sheet", "read_manifest", "sample_questions", "write_manifest",
    "write_paper", "years_in",
]
