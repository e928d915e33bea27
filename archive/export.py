"""Tables for download: the same columns from the CLI (`--csv`) and the app's download buttons."""

from __future__ import annotations

import csv
import io

COMMITMENT_COLUMNS = ("meeting_date", "committee", "kind", "owner", "due", "status", "quote", "title", "part",
                      "doc_id", "page", "line", "source", "follow_ups")
CITATION_COLUMNS = ("rank", "cited_as", "committee", "meeting_date", "page", "line", "score", "text")


def commitment_rows(items: list[dict]) -> list[dict]:
    """One flat row per commitment; follow-ups joined as "date: citation | ..."."""
    return [
        {**{c: item.get(c, "") for c in COMMITMENT_COLUMNS[:-1]},
         "follow_ups": " | ".join(f"{f['date']}: {f['cited_as']}" for f in item["follow_ups"])}
        for item in items
    ]


def commitments_csv(items: list[dict]) -> str:
    return _csv(COMMITMENT_COLUMNS, commitment_rows(items))


def citations_csv(answer_data: dict) -> str:
    """An answer's citations (as `ask --json` gives them), best first."""
    rows = [{"rank": rank, **{c: hit[c] for c in CITATION_COLUMNS[1:]}}
            for rank, hit in enumerate(answer_data["citations"], start=1)]
    return _csv(CITATION_COLUMNS, rows)


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
