"""What a paper's metadata lacks or contradicts: warnings by paper name at index time. A warning
never stops the batch; the paper is indexed as it is."""

from __future__ import annotations

import re

from archive.build.corpus import SourceFile
from archive.dates import full_dates, human_date, numeric_dates

FIRST_PAGE_HEAD = 800  # characters of the first page where a paper states its meeting date
# a line that states when the meeting is or was ("Date of meeting:", "held on", "Meeting: 14/11/2023 - Cabinet")
_MEETING_CUE = re.compile(r"\bmeeting\b|\bheld\b|^\s*date\b", re.I | re.M)
REACH = 150  # characters after the cue (a heading's date may be wrapped onto the next line)


def meeting_dates_stated(text: str) -> list[str]:
    """ISO dates given just after the words of a paper's head that speak of its meeting."""
    found, head = [], text[:FIRST_PAGE_HEAD]
    for cue in _MEETING_CUE.finditer(head):
        near = head[cue.start() : cue.start() + REACH]
        found += full_dates(near)
        found += [iso for iso in numeric_dates(near) if iso.startswith("20")]  # as ModernGov prints them
    return found


def metadata_warnings(source: SourceFile) -> list[str]:
    """Missing meeting date, committee or council (answers then say "undated", citations omit them)."""
    missing = [name for name, value in (("meeting date", source.meeting_date), ("committee", source.committee),
                                        ("council", source.council)) if not value]
    if not missing:
        return []
    return [f"no {', no '.join(missing)} in the manifest (or corpus.toml)"]


def date_warning(source: SourceFile, first_page: str) -> str:
    """The first page says when its meeting is and that is not the manifest's date: one is wrong."""
    if not source.meeting_date:
        return ""
    dates = meeting_dates_stated(first_page)
    if not dates or source.meeting_date in dates:
        return ""
    return (f"the first page gives {human_date(dates[0])}, the manifest's meeting date is "
            f"{human_date(source.meeting_date)}: check which is right")
