"""Tables as the archive stores them: one row per line, cells separated by tabs, header lines first.

The one reader of table rows, headers and cells: chunking finds tables with it, answers and
figures read a cell under its column name with it, and the CLI and the app print a quoted row
under its column names with it.
"""

from __future__ import annotations

import re

ROW_MAX_WORDS = 40  # a tabbed line longer than this is prose with a stray tab, not a table row
ROW_CELL_MAX_WORDS = 35
MAX_HEADER_LINES = 3
_FIGURE_CELL = re.compile(r"^\s*[£$]?\s?\d[\d,.]*\s*(?:%|k|m|bn)?\*?\s*$", re.IGNORECASE)
_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d{2}\s*$")
_FULL_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
                        r"\.?\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)


HEADER_CELL_WORDS = 6  # a column name is short; "Circulate the damp and mould action plan" is data


def is_header_row(line: str) -> bool:
    """A row of column names: no figure in its cells after the first, no full date ("16 January
    2023") and no cell of running text, as an action log's rows hold. Names may hold digits
    ("Quarter 1 22/23", "2019/20", "2023"); figures, dates and sentences are what data rows hold."""
    row = cells(line)
    return not any(is_figure_cell(c) and not _YEAR_CELL.match(c) for c in row[1:]) and not any(
        _FULL_DATE.search(c) or len(c.split()) > HEADER_CELL_WORDS for c in row)


def is_row(line: str) -> bool:
    """A tabbed line of at most ROW_MAX_WORDS words, or a longer one of four or more short cells (an
    action log's row, whose update runs to a sentence or two)."""
    if "\t" not in line.strip("\t "):
        return False
    if len(line.split()) <= ROW_MAX_WORDS:
        return True
    row = cells(line)
    return len(row) >= 4 and max(len(c.split()) for c in row) <= ROW_CELL_MAX_WORDS


def header_count(rows: list[str]) -> int:
    """How many of a table's leading rows are header lines: up to three rows of column names,
    leaving at least one row of data; at least one."""
    count = 0
    for row in rows[:MAX_HEADER_LINES]:
        if not is_header_row(row) or count == len(rows) - 1:
            break
        count += 1
    return count or 1


def header_lines(text: str) -> list[str]:
    """The header lines of a stored table passage (its first lines are rows), else []."""
    lines = text.split("\n")
    if len(lines) < 2 or not all("\t" in line for line in lines[:2]):
        return []
    header = []
    for line in lines[:MAX_HEADER_LINES]:
        if "\t" not in line or not is_header_row(line):
            break
        header.append(line)
    return header


def cells(row: str) -> list[str]:
    return row.split("\t")


def column_names(header: list[str]) -> list[str]:
    """Each column's name, its header lines' cells joined ("Rate per 10,000" over "England")."""
    split = [cells(line) for line in header if line.strip()]
    width = max((len(row) for row in split), default=0)
    return [" ".join(row[i] for row in split if i < len(row) and row[i].strip()) for i in range(width)]


def is_figure_cell(cell: str) -> bool:
    return bool(_FIGURE_CELL.match(cell))


def display_rows(quote: str) -> list[list[str]] | None:
    """A quoted table row under its column names, as rows of stripped cells; None for prose."""
    if "\t" not in quote:
        return None
    return [[cell.strip() for cell in cells(line)] for line in quote.split("\n")]
