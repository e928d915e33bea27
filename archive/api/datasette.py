"""The index's SQLite database in Datasette, read-only, for journalists: browse the tables, search
passages (chunks, through the FTS table), run SQL, and use canned queries.

    archive datasette [--index-dir index] [--port 8001]

The live generation's `archive.db` is opened immutable (a generation never changes once built);
a new `archive index` makes a new generation, so restart the command to see it.
"""

from __future__ import annotations

from pathlib import Path

from archive.index import format

DATABASE = "archive"  # Datasette names a database by its file's stem

# Every word of ":measure" quoted (its own double quotes removed), all required: no text is an FTS syntax error.
_WORDS = "'\"' || replace(replace(:measure, '\"', ''), ' ', '\" \"') || '\"'"

QUERIES = {
    "figures_for_measure": {
        "title": "A measure's figures",
        "description": "Passages that give values for periods and hold every word of the measure (e.g. "
                       "'children in care'), oldest meeting first, with page and line to cite.",
        "sql": f"""SELECT c.meeting_date, d.committee, d.title, c.page, c.line, c.periods, c.text
FROM chunks_fts JOIN chunks c ON c.rowid = chunks_fts.rowid JOIN documents d ON d.doc_id = c.doc_id
WHERE chunks_fts MATCH {_WORDS} AND c.periods != '[]'
ORDER BY c.meeting_date, d.title, c.page, c.line LIMIT 500""",
    },
    "commitments_by_owner": {
        "title": "Commitments by owner",
        "description": "Actions, resolutions, recommendations and undertakings whose owner contains the text "
                       "(empty: all), by owner then meeting.",
        "sql": """SELECT m.owner, m.kind, m.due, m.meeting_date, d.council, d.committee, d.title, m.page, m.line,
  m.quote
FROM commitments m JOIN documents d ON d.doc_id = m.doc_id
WHERE m.owner LIKE '%' || :owner || '%'
ORDER BY m.owner, m.meeting_date, m.page, m.line""",
    },
    "owners": {
        "title": "Who owns how many commitments",
        "description": "Each owner named in the papers with the number of commitments of each kind.",
        "sql": """SELECT owner, kind, count(*) AS commitments, min(meeting_date) AS first, max(meeting_date) AS last
FROM commitments WHERE owner != '' GROUP BY owner, kind ORDER BY commitments DESC, owner""",
    },
    "papers_by_meeting": {
        "title": "Papers by meeting",
        "description": "Every paper of the meetings whose committee contains the text and whose date starts "
                       "with the given prefix (e.g. 2024-03, or empty for all), newest first.",
        "sql": """SELECT d.meeting_date, d.council, d.committee, d.title, d.doc_type, d.page_count, d.source_url,
  d.doc_id
FROM documents d
WHERE d.committee LIKE '%' || :committee || '%' AND d.meeting_date LIKE :date || '%'
ORDER BY d.meeting_date DESC, d.committee, d.title""",
    },
}


def metadata() -> dict:
    return {
        "title": "Council archive",
        "description": "Local-council meeting papers as indexed by council-archive (read-only).",
        "databases": {DATABASE: {
            "tables": {
                "chunks": {"fts_table": "chunks_fts", "fts_pk": "rowid",
                           "description": "Passages of the papers: page, line, heading and text."},
                "documents": {"description": "One row per paper: title, committee, meeting date, type, source."},
                "commitments": {"description": "Commitments found in the papers, with the follow-ups found."},
                "questions": {"description": "Public and member questions with their responses."},
            },
            "queries": QUERIES,
        }},
    }


def database_path(index_dir: Path | str) -> Path:
    generation, _ = format.open_generation(Path(index_dir))
    return generation / format.DATABASE


def datasette_app(index_dir: Path | str):
    """A Datasette instance over the live generation's database, immutable, with the canned queries."""
    from datasette.app import Datasette

    return Datasette(immutables=[str(database_path(index_dir))], metadata=metadata(),
                     settings={"sql_time_limit_ms": 3000, "max_returned_rows": 1000})
