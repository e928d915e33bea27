"""Who did what at a meeting, read from its minutes: attendance (present, apologies, substitutes,
officers), chair and vice-chair, movers and seconders, named votes, declarations of interest; and,
from the records the other readers already made, who asked and answered questions (build/questions.py)
and who owns a commitment (build/commitments.py).

Each appearance is a name as printed with its role, meeting, item and the line it was read from;
build/names.py merges a council's name forms into people once the whole corpus is read.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from archive.build.commitments import Commitment
from archive.build.names import list_names, parse_name
from archive.build.packs import PartStart, part_at
from archive.build.questions import PublicQuestion
from archive.records import Document

ROLES = ("present", "apologies", "substitute", "chair", "vice-chair", "officer", "moved", "seconded", "voted-for",
         "voted-against", "abstained", "declared", "asked", "answered", "owner")

_TITLE = (r"(?:(?:County\s+Borough\s+|County\s+|Borough\s+|District\s+|City\s+)?Councillor|Cllr\.?|Alderman|Bailie"
          r"|Baillie|Provost|Cynghorydd|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Rev)")
_WORD = (r"(?!(?:Seconded|Seconder|Proposed|Proposer|Moved|Mover|Resolved|RESOLVED|Agreed|AGREED|That|And|The)\b)"
         r"(?:(?:ap|de|van|von|le|la|du|da)\s+)?(?:(?:Mc|Mac|O'|O’|D'|D’)[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)+"
         r"|[A-Z]'[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+|[A-Z][a-z]+|[A-Z]\.?(?![a-z]))")
_HONOUR = r"(?:\s+(?:OBE|MBE|CBE|JP|DL|QPM))*"
# a name with a title ("Councillor Dr Jane Smith", "Cllr J. Smith", "Alderman O'Neill OBE")
TITLED = rf"{_TITLE}(?:\s+{_TITLE})*\s+{_WORD}(?:\s+{_WORD}){{0,3}}{_HONOUR}"
# a name with or without one (two words at least without: "Jane Smith")
NAME = rf"(?:{TITLED}|{_WORD}(?:\s+{_WORD}){{1,3}}{_HONOUR})"

_LABEL = re.compile(
    r"^\s*(?P<label>present|members present|councillors present|board members present[^:]*|sederunt|in the chair"
    r"|chair(?:man|person)?|vice[- ]chair(?:man|person)?|convener|vice[- ]convener|presiding"
    r"|also present|also in attendance|in attendance|attending|officers?(?: present| in attendance| attending)?"
    r"|others present[^:]*|others in attendance[^:]*|other (?:members|councillors) present|members also present"
    r"|apologies(?: for absence)?|apology|apologies received from"
    r"|substitutes?|named substitutes?|councillors?|aldermen|members|co-opted members?|voting members?)"
    r"\s*[:\-–]\s*(?P<rest>.*)$", re.I)
_APOLOGY_SENTENCE = re.compile(
    r"\b(?:apologies|an apology)\s+(?:for\s+(?:[\w-]+\s+){1,3}?)?(?:were|had been|was|have been)\s+"
    r"(?:received|submitted|tendered|given|noted|reported|intimated)(?:\s+and\s+(?:accepted|noted|approved))?"
    r"\s+(?:from|on behalf of|by|for)\s+(?P<list>[^.]+)", re.I)
_SUBSTITUTE = re.compile(
    rf"(?P<sub>{NAME})\s*,?\s*(?i:\(?\s*(?:was\s+)?(?:present\s+|attended\s+|attending\s+)?(?:as\s+(?:a\s+|the\s+)?)?"
    rf"(?:named\s+)?(?:substitute|substituting|substituted|deputising)\s+(?:member\s+)?(?:for|on behalf of)\s+)"
    rf"(?P<for>{NAME})")
_SUBSTITUTE_IN_LIST = re.compile(r"\((?:as\s+)?(?:named\s+)?substitut\w*\s+(?:for\s+)?(?P<for>[^)]+)\)", re.I)
_CHAIR_NOTE = re.compile(r"\((?P<note>[^)]*)\)|\bin the chair\b", re.I)
_MOVED_BY = re.compile(rf"\b(?i:(?:moved|proposed)\s+by|on the motion of|proposer:|mover:)\s+(?P<name>{NAME})"
                       rf"|(?:^|[.;]\s+)(?:Moved|Proposed|MOVED|PROPOSED)\s*:?\s+(?P<titled>{TITLED})")
_SECONDED_BY = re.compile(rf"\b(?i:seconded\s+by|seconder:)\s+(?P<name>{NAME})"
                          rf"|\b(?:Seconded|SECONDED|seconded)\s*:?\s+(?P<titled>{TITLED})")
_SUBJECT_MOVED = re.compile(rf"(?P<name>{TITLED})\s*(?:\([^)]*\)\s*)?(?:,\s*[^,]{{3,60}},\s*)?"
                            rf"(?:then\s+|formally\s+|duly\s+|subsequently\s+)?(?P<verb>moved|proposed|seconded)\b(?!\s+by\b)")
# "there voted for the motion 5 (Councillors A, B and C) and for the amendment 2 (Councillors D and E)"
_DIVISION = re.compile(r"\b(?:for )?the (?P<what>motion|amendment)\s*(?:received\s+)?:?\s*\(?\d*\)?\s*(?:votes?\s*)?"
                       r"\((?P<list>(?:[^()]|\([^()]*\))*)\)", re.I)
_AND_SECONDED = re.compile(rf"\b(?:and|,)\s+(?P<name>{TITLED})\s+(?:seconded|second)\b")
_VOTE = re.compile(
    r"^\s*(?:members\s+)?(?:voting\s+|who voted\s+)?(?P<side>for|in favour|against|abstain(?:ed|ing|ention|entions)?"
    r"|motion|amendment"
    r"|abstentions?|did not vote)(?:\s+(?:of\s+)?(?:the\s+)?(?P<what>motion|amendment|recommendations?|proposal"
    r"|refusal|approval|deferral|application))?"
    r"\s*(?:\(\s*\d+\s*\)|\d+)?\s*[:\-–]\s*(?:\(?\d+\)?\s*[:\-–]?\s*)?(?P<list>.*)$", re.I)
_VOTE_SIDE = {"for": "voted-for", "in favour": "voted-for", "against": "voted-against"}
_DECLARED = re.compile(rf"(?P<name>{NAME})\s*(?:\([^)]*\)\s*)?(?:declared|declares|made a declaration|"
                       rf"disclosed|registered)\b")
_DECLARATION_ROW = re.compile(rf"^\s*(?:[-•·]\s*)?(?P<name>{TITLED})\s*(?:[-–:,]|\t)\s*.*\binterest", re.I)
_MINUTE_NUMBER = re.compile(r"^\d{1,4}/\d{2,4}\.?\s+(?=[A-Z])")
# a list's label as a heading of its own line ("PRESENT", "ALSO PRESENT", "APOLOGIES"), the names below it
_HEADING_LABEL = re.compile(r"^(?P<label>PRESENT|MEMBERS PRESENT|ALSO PRESENT|IN ATTENDANCE|OFFICERS(?: PRESENT)?"
                            r"|OFFICERS IN ATTENDANCE|APOLOGIES(?: FOR ABSENCE)?|SEDERUNT|SUBSTITUTES?)(?P<rest>)\s*$")
_OFFICER_POST = re.compile(r"\b(?:chief executive|director|officer|head of|manager|clerk|solicitor|section 151|auditor|"
                           r"monitoring|treasurer|engineer|planner|accountant|adviser|advisor|secretary|lawyer)\b",
                           re.I)
# a note that says the person chaired this meeting ("(Chair)", "Mayor (Chair)", "Town Mayor, in the Chair"),
# not that they chair another body ("Chairman of Overview and Scrutiny")
_VICE_NOTE = re.compile(r"(?:^|[;,]\s*|\b(?:the|and)\s+)(?:vice[- ]?|depute\s+|deputy\s+)"
                        r"(?:chair(?:man|person|woman)?|convener|"
                        r"convenor|mayor|provost)\b(?!\s+of\b)", re.I)
_CHAIR_ROLE = re.compile(r"(?:^|[;,]\s*|\band\s+)(?:the\s+)?(?:town\s+|lord\s+)?"
                         r"(?:chair(?:man|person|woman)?|convener|convenor|presiding"
                         r"|mayor|provost)(?:\s+of\s+the\s+(?:council|committee|board|cabinet|panel|meeting))?\s*(?:$|[;,])"
                         r"|\bin the chair\b", re.I)
_ASKED = re.compile(rf"(?P<name>{TITLED})\s*(?:\([^)]*\)\s*)?(?:,\s*[^,]{{3,60}},\s*)?(?:then\s+|also\s+)?"
                    r"(?:asked\s+(?:whether|if|about|what|how|when|why|which|for\s+(?:clarification|an\s+update|details))"
                    r"|enquired|inquired|queried)\b")
_REPLIED = re.compile(rf"(?P<name>{TITLED})\s*(?:\([^)]*\)\s*)?(?:,\s*[^,]{{3,60}},\s*)?"
                      r"(?:replied|responded|answered)\b")
_PRESIDED = re.compile(rf"(?P<name>{TITLED})\s+(?:presided|took the chair|was in the chair|in the chair)\b")
_ABSTAINING = re.compile(rf"(?P<name>{TITLED})\s+(?:abstaining|abstained)\b")
_ROLE_MOVED = re.compile(r"\bThe (?P<role>(?:Deputy |Vice[- ]|Depute )?"
                         r"(?:Leader|Chair(?:man|person|woman)?|Convener|Convenor|"
                         r"Provost|Mayor))\s*(?:\([^)]*\)\s*)?(?:,\s*seconded by [^,]{3,60},\s*)?"
                         r"(?:then\s+|formally\s+)?(?:moved|proposed)\b")
_CHAIRS = ("chair", "chairman", "chairperson", "chairwoman", "convener", "convenor", "provost", "mayor")
_CHAIR_POST = re.compile(r"(?:the\s+)?(?:(?:deputy|vice|depute)[- ]?)?(?:lord\s+)?(?:mayor|chair(?:man|person|woman)?|"
                         r"convener|convenor|provost)|in the chair", re.I)
# ModernGov's attendance table: "Councillor Jane Smith <tab> Chairman <tab> Present"
_ATTENDANCE_ROW = re.compile(r"^\s*(?P<name>[^\t]{3,80}?)\t+(?:(?P<role>[^\t]{2,80}?)\t+)?(?P<status>Present|Apologies|"
                             r"Absent|In attendance|Present as substitute|Apologies, sent substitute|Expected|"
                             r"Virtual|Attended remotely)\s*$", re.I)
_APOLOGIES_ITEM = re.compile(r"^\d{1,3}[.)]?\s+(?:[^.]{0,40}/\s*)?apologies(?: for absence)?(?:\s*/[^.]{0,40})?\s*$",
                             re.I)
_STOP = re.compile(r"^\s*(?:\d{1,3}\.?\s+[A-Z]|[A-Z][A-Z ,'&-]{6,}$|item\s+\d|minute\s+\d)")


@dataclass(frozen=True)
class Appearance:
    doc_id: str
    part_id: int
    role: str  # one of ROLES
    name: str  # as printed, titles and all
    note: str  # what the line adds: "for Councillor Y", the interest declared, an officer's post
    meeting_date: str
    committee: str
    item: str  # the part's title: the minuted item
    quote: str  # the line or sentence it was read from, verbatim
    page: int
    line: int

    def as_dict(self) -> dict:
        return asdict(self)


def is_minutes_part(document: Document, start: PartStart) -> bool:
    if any(word in document.doc_type.lower() for word in ("minutes", "decision")):
        return True
    return start.title.startswith("Minutes of") or start.kind in ("item", "agenda item", "question")


def extract_people(document: Document, starts: list[PartStart], questions: tuple[PublicQuestion, ...] = (),
                   commitments: tuple[Commitment, ...] = ()) -> list[Appearance]:
    found: list[Appearance] = []
    for page_no, page in enumerate(document.pages, start=1):
        found.extend(_page_people(document, starts, page_no, page))
    found.extend(_question_people(document, starts, questions))
    found.extend(_owners(document, starts, commitments))
    return _unique(found)


def _unique(found: list[Appearance]) -> list[Appearance]:
    seen, out = set(), []
    for item in found:
        key = (item.part_id, item.role, " ".join(item.name.split()).lower(), item.page, item.line)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _committee(document: Document, starts: list[PartStart], part_id: int) -> str:
    for start in reversed(starts[: part_id + 1]):
        if start.title.startswith("Minutes of "):
            return start.title.removeprefix("Minutes of ").strip()
    return document.committee


class _Page:
    def __init__(self, document: Document, starts: list[PartStart], page_no: int, page: str) -> None:
        self.document, self.starts, self.page_no = document, starts, page_no
        self.lines = page.split("\n")
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.found: list[Appearance] = []
        self.span = 0  # lines a list joined after the one it started on: each name cites its own line

    def part(self, index: int) -> int:
        return part_at(self.starts, self.page_no, self.offsets[index])

    def add(self, role: str, written: str, index: int, note: str = "", quote: str = "", title: str = "") -> bool:
        form = parse_name(written, title)
        if form is None:
            return False
        name = f"{form.titles} {form.plain}".strip() if title and not written.lower().startswith(title.lower()) \
            else " ".join(_CHAIR_NOTE.sub("", written).split()).strip(" ,;:.")
        if self.span and not quote:
            index = next((i for i in range(index, index + self.span + 1)
                          if re.search(rf"\b{re.escape(form.surname)}\b", self.lines[i])), index)
        part_id = self.part(index)
        start = self.starts[part_id]
        self.found.append(Appearance(
            self.document.doc_id, part_id, role, name, note, start.part_date or self.document.meeting_date,
            _committee(self.document, self.starts, part_id), start.title,
            _around(" ".join((quote or self.lines[index]).split()), form.surname), self.page_no, index + 1))
        return True


def _around(text: str, word: str, size: int = 400) -> str:
    """At most `size` characters of the line, verbatim, holding the name (a long list's 40th name too)."""
    if len(text) <= size:
        return text
    at = text.find(word)
    if at < size - 60:
        return text[:size]
    begin = text.rfind(" ", 0, max(0, at - size // 3)) + 1
    return text[begin:begin + size]


def _page_people(document: Document, starts: list[PartStart], page_no: int, page: str) -> list[Appearance]:
    p = _Page(document, starts, page_no, page)
    index = 0
    block = ""  # the attendance label whose list is still running ("present", "officer", "apologies")
    vote = ""  # the vote side whose list is still running
    plural = ""  # the list's plural title ("Councillors"), for its lines that do not repeat it
    while index < len(p.lines):
        line = p.lines[index].replace("**", "")
        if not is_minutes_part(document, starts[p.part(index)]):
            index += 1
            continue
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        stripped = _MINUTE_NUMBER.sub("", stripped)  # "78/24 Apologies: ..."
        row = _ATTENDANCE_ROW.match(line)
        if row and _attendance_row(p, row, index):
            index += 1
            continue
        label = _LABEL.match(stripped) or _HEADING_LABEL.match(stripped)
        if not label and _APOLOGIES_ITEM.match(stripped):  # "1. Ymddiheuriadau / Apologies": its names below
            block, vote = "apologies", ""
            index += 1
            continue
        vote_match = _VOTE.match(stripped)
        if label and not (vote_match and label.group("label").lower() in ("members",)):
            block = _block_of(label.group("label"))
            vote = ""
            carried = {"councillors": "Councillor", "aldermen": "Alderman"}.get(label.group("label").lower(), "")
            text, last = _wrapped_list(p.lines, index, label.group("rest"))
            text = (label.group("label") + " " if carried else "") + text
            plural = _plural_title(text)
            p.span = last - index
            _attendance(p, block, text, index)
            index, p.span = last, 0
        elif vote_match and (vote_match.group("list").strip() or _names_follow(p.lines, index)):
            vote = _vote_role(vote_match, p.lines[max(0, index - 4): index + 5])
            block = ""
            text, last = _wrapped_list(p.lines, index, vote_match.group("list"))
            plural = _plural_title(text)
            p.span = last - index
            _listed(p, vote, text, index)
            index, p.span = last, 0
        elif (block or vote) and not _STOP.match(stripped) and _looks_like_names(stripped):
            text, last = _wrapped_list(p.lines, index, stripped)
            if plural and not re.match(rf"^(?:{_TITLE}|Councillors|Cllrs|Aldermen)\b", text):
                text = f"{plural} {text}"  # a list's next line: "Councillors A, B, / C and D"
            p.span = last - index
            if block:
                _attendance(p, block, text, index)
            else:
                _listed(p, vote, text, index)
            index, p.span = last, 0
        else:
            block = vote = ""
            following = p.lines[index + 1].strip() if index + 1 < len(p.lines) else ""
            wrapped = (following and not re.search(r"[.:;!?]\s*$", stripped)
                       and re.match(r"[A-Z](?:[a-z'’-]+)?\b[.,:;]?(?:\s|$)", following) and not _LABEL.match(following))
            _sentences(p, f"{stripped} {following}" if wrapped else stripped, index, len(stripped))
        index += 1
    return p.found


def _attendance_row(p: _Page, row: re.Match, index: int) -> bool:
    """One row of an attendance table; False when its first cell names nobody (a header row)."""
    name, role, status = row.group("name").strip(), (row.group("role") or "").lower(), row.group("status").lower()
    if parse_name(name) is None:
        return False
    if status.startswith("apologies"):
        return p.add("apologies", name, index, note=role)
    if status in ("absent", "expected"):
        return True
    councillor = re.match(r"^(?:(?:County\s+)?Councillor|Cllr|Alderman|Bailie|Provost)\b", name, re.I)
    kind = "officer" if not councillor and (status == "in attendance" or _OFFICER_POST.search(role)) else "present"
    p.add(kind, name, index, note=role)
    if "substitute" in status or "substitute" in role:
        p.add("substitute", name, index, note=role)
    if kind == "present" and _VICE_NOTE.search(role):
        p.add("vice-chair", name, index)
    elif kind == "present" and _CHAIR_ROLE.search(role):
        p.add("chair", name, index)
    return True


def _plural_title(text: str) -> str:
    """The plural title a list line ends under ("...; Councillors C Breen, T Cochrane" -> "Councillors")."""
    found = re.findall(r"\b(County Councillors|Councillors|Cllrs|Aldermen|Bailies)\b", text)
    return found[-1] if found else ""


def _wrapped_list(lines: list[str], index: int, text: str) -> tuple[str, int]:
    """A list that a page wrapped mid-entry ("Councillors: A Bell, C Dunn, E / Fox and G Hill"): its
    text joined up to the line that completes it, and that line's index. A list whose line ends at an
    entry's end is left alone (each following line is read as a list of its own)."""
    last = index
    while last + 1 < len(lines) and lines[last + 1].strip() and not _LABEL.match(lines[last + 1].strip()) and (
            re.search(r"(?:,|\band|&|\b[A-Z]\.?|\b(?:Councillors?|Cllrs?|Aldermen|Alderman))\s*$", text)
            or lines[last + 1].strip().startswith("(")):  # "Licensing Standards Officer / (Mr P McLean)"
        last += 1
        text = f"{text.rstrip()} {lines[last].strip()}"
    return text, last


def _names_follow(lines: list[str], index: int) -> bool:
    following = next((line.strip() for line in lines[index + 1: index + 3] if line.strip()), "")
    return _looks_like_names(following)


def _looks_like_names(text: str) -> bool:
    """A line that continues a list of names: every entry parses as one (parenthesised notes aside)."""
    if len(text) > 600 or text.endswith("?"):
        return False
    entries = list_names(text)
    if not entries:
        return False
    named = sum(1 for entry, title in entries if parse_name(entry, title) or _role_entry(entry))
    return named == len(entries)


def _role_entry(entry: str) -> bool:
    """An officer listed by post alone ("Chief Executive"), which continues a list but names nobody."""
    words = re.sub(r"\([^)]*\)", "", entry).split()
    small = {"of", "and", "for", "the", "to", "&", "-", "–", "in", "with"}
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w in small for w in words) and not words[-1].endswith(".")


def _block_of(label: str) -> str:
    label = label.lower()
    if label.startswith(("apolog",)):
        return "apologies"
    if label.startswith(("substitut", "named substitut")):
        return "substitute"
    if label.startswith(("officer", "in attendance", "also in attendance", "others", "attending")):
        return "officer"
    if label.startswith(("chair", "in the chair", "presiding", "convener")):
        return "chair"
    if label.startswith(("vice",)):
        return "vice-chair"
    return "present"


def _attendance(p: _Page, block: str, text: str, index: int) -> None:
    """One line of an attendance list: each entry is present (or the block's role), with the chair
    and vice-chair marked in brackets, substitutes ("(substitute for Cllr Y)") and officers' posts."""
    if block == "substitute":
        if _SUBSTITUTE.search(text) or re.search(r"\bfor\b", text):
            _substitutes(p, text, index)
        else:
            for entry, title in list_names(text):
                p.add("substitute", entry, index, title=title)
        return
    entries = list_names(_protect_notes(text))
    posts = sum(1 for entry, title in entries if not title and _post_only(entry) and _OFFICER_POST.search(entry))
    if block == "officer" and posts * 2 > len(entries):  # a list of posts ("Officers: Chief Executive, ...")
        entries = [(entry, title) for entry, title in entries if title or re.match(rf"^{_TITLE}\b", entry)]
    for entry, title in _posts_joined(entries):
        entry = entry.replace("\x00", ",").replace("\x01", " and ")
        inner = re.fullmatch(r"\s*(?:The\s+)?[\w '’-]+?\s*\((?P<name>[^)]*)\)\s*(?P<after>in the chair)?\s*", entry,
                             re.I)
        if inner and parse_name(_CHAIR_NOTE.sub("", entry)) is None and parse_name(inner.group("name")):
            after = " (in the Chair)" if inner.group("after") else ""  # "The Mayor (Councillor X) in the Chair"
            entry = f"{inner.group('name')} ({entry.split('(')[0].strip()}){after}"
        notes = "; ".join(m.group("note") or "in the chair" for m in _CHAIR_NOTE.finditer(entry)).lower()
        substitute = _SUBSTITUTE_IN_LIST.search(entry)
        role = block
        name_part = _CHAIR_NOTE.sub("", entry)
        councillor = re.match(r"^(?:(?:County\s+)?Councillor|Cllr|Alderman|Bailie|Provost)\b",
                              title or name_part.strip(), re.I)
        if role in ("present", "chair", "vice-chair") and not councillor and _OFFICER_POST.search(notes):
            role = "officer"  # "Also present: Mr Ieuan Thomas (Chief Executive)"
        if block == "officer" and councillor:
            role = "present"  # a councillor listed among those in attendance attended
        if re.search(r"\s[-–]\s", name_part):  # "Gwyneth Hopkins - Mayor", "Mark Pritchard - Chief Executive"
            name_part, dash_note = re.split(r"\s+[-–]\s+", name_part, maxsplit=1)
            if parse_name(name_part, title) is None and parse_name(dash_note):
                name_part, dash_note = dash_note, name_part  # "Head of Planning - Mrs E Rankin"
            notes = "; ".join(filter(None, (notes, dash_note.strip().lower())))
        if role == "officer" and not notes and not re.match(rf"^{_TITLE}\b", name_part.strip()):
            continue  # an untitled officer is named only with a post: a bare pair of words may be a post
        if not p.add(role, name_part, index, note=notes, title=title):
            continue
        if block == "chair":
            p.add("present", name_part, index, title=title)  # "In the Chair: X": X attended
        if substitute:
            p.add("substitute", name_part, index, note=f"for {substitute.group('for').strip()}", title=title)
        if role in ("present", "chair", "vice-chair"):
            if _VICE_NOTE.search(notes) or block == "vice-chair":
                p.add("vice-chair", name_part, index, title=title)
            elif _CHAIR_ROLE.search(notes) or block == "chair":
                p.add("chair", name_part, index, title=title)


def _post_only(entry: str) -> bool:
    """An entry naming a post and nobody ("Planning Manager", not "Ross Anderson - Planning Manager")."""
    if any(parse_name(m.group("note").replace("\x00", ",")) for m in re.finditer(r"\((?P<note>[^)]*)\)", entry)):
        return False  # "Director of Leisure (Mr P Hamill)"
    sides = re.split(r"\s+[-–]\s+", entry)
    return all(parse_name(side) is None for side in sides) and not re.match(rf"^{_TITLE}\b", entry)


def _posts_joined(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Ross Anderson, Planning Manager": a post listed after a name is that name's note; so is a chair's
    post listed before it ("The Mayor, Councillor X, in the Chair")."""
    out: list[tuple[str, str]] = []
    held = ""  # "The Deputy Mayor" waiting for its name
    for entry, title in entries:
        if _CHAIR_POST.fullmatch(entry.strip()):
            if entry.strip().lower() == "in the chair" and out:
                out[-1] = (f"{out[-1][0]} (in the Chair)", out[-1][1])
            else:
                held = entry.strip()
            continue
        if held and parse_name(entry, title):
            entry, held = f"{entry} ({held})", ""
        if out and not title and _post_only(entry) and _OFFICER_POST.search(entry) and "(" not in out[-1][0]:
            post = entry.replace("(", "").replace(")", "")  # "Service Manager (Homelessness)"
            out[-1] = (f"{out[-1][0]} ({post})", out[-1][1])
        else:
            out.append((entry, title))
    return out


def _protect_notes(text: str) -> str:
    """Commas and "and" inside brackets are not list separators."""
    return re.sub(r"\([^)]*\)", lambda m: m.group(0).replace(",", "\x00").replace(" and ", "\x01"), text)


def _substitutes(p: _Page, text: str, index: int, limit: int | None = None) -> bool:
    found = False
    limit = len(text) if limit is None else limit
    for match in (m for m in _SUBSTITUTE.finditer(text) if m.start() < limit):
        sub = _trim_name(match.group("sub"))
        if sub and p.add("substitute", sub, index, note=f"for {match.group('for').strip()}", quote=text):
            found = True
    for match in (m for m in re.finditer(rf"(?P<sub>{TITLED})\s+(?:(?:attended|was present|attending)"
                                         r"\s+as\s+(?:his|her|their|a)\s+(?:named\s+)?substitute\b|substituted\b"
                                         r"(?!\s+for))", text) if m.start() < limit):
        found |= p.add("substitute", _trim_name(match.group("sub")), index, quote=text)
    if not found:  # "Councillor A for Councillor B" under a substitutes heading
        for match in re.finditer(rf"(?P<sub>{TITLED})\s+\(?for\s+(?P<for>{TITLED})", text):
            found |= p.add("substitute", match.group("sub"), index, note=f"for {match.group('for')}", quote=text)
    return found


def _trim_name(text: str) -> str:
    """The name at the end of a captured span ("Later Councillor A Bell" -> "Councillor A Bell")."""
    match = re.search(rf"{TITLED}$", text)
    if match:
        return match.group(0)
    words = text.split()
    while len(words) > 2 and words[0].lower() in {"later", "also", "and", "the", "at", "in", "that"}:
        words.pop(0)
    return " ".join(words)


def _holder(p: _Page, role: str) -> str:
    """Who holds a post named instead of a name, from this paper's attendance: the chair of the
    meeting for "the Chair"/"the Convener", else the one person listed with that post ("(Leader of
    the Council)"); "" when none or several."""
    role = role.lower()
    if role in _CHAIRS:
        return next((a.name for a in reversed(p.found) if a.role == "chair"), "")
    vice = role.startswith(("deputy", "vice", "depute"))
    if vice and role.split()[-1] in _CHAIRS:
        return next((a.name for a in reversed(p.found) if a.role == "vice-chair"), "")
    holders = {a.name for a in p.found if a.role == "present" and any(
        note.strip().startswith(role) for note in re.split(r"[;,]", a.note))}
    return holders.pop() if len(holders) == 1 else ""


def _vote_role(match: re.Match, around: list[str]) -> str:
    side = match.group("side").lower()
    what = (match.group("what") or "").lower()
    if side.startswith(("abstain", "absten", "did not")):
        return "abstained"
    if side in ("motion", "amendment"):  # a division's lists: "Motion: ..." / "Amendment: ..."
        return "voted-for" if side == "motion" else "voted-against"
    if what == "amendment" and side == "for" and any(re.match(r"^\s*for the motion\b", line, re.I) for line in around):
        return "voted-against"  # a division between motion and amendment: for the amendment is against the motion
    return _VOTE_SIDE.get(side, "voted-for")


def _listed(p: _Page, role: str, text: str, index: int) -> None:
    text = re.sub(r"^\s*\(?\d+\)?\s*[:\-–]?\s*", "", text)
    if role == "abstained" and re.match(r"^\s*(?:none|nil|0)\b", text, re.I):
        return
    for entry, title in list_names(_protect_notes(text)):
        p.add(role, _CHAIR_NOTE.sub("", entry.replace("\x00", ",")), index, title=title)


def _sentences(p: _Page, text: str, index: int, limit: int | None = None) -> None:
    """Movers, seconders, substitutes, apologies and declarations written in running text. `text` may
    run on into the next line (a name wrapped: "seconded by Councillor Ruth / Penrose"); only what
    starts before `limit` (this line's end) is read here."""
    limit = len(text) if limit is None else limit

    def found(pattern: re.Pattern):
        return (m for m in pattern.finditer(text) if m.start() < limit)

    for match in found(_MOVED_BY):
        p.add("moved", _name_only(match.group("name") or match.group("titled")), index)
    for match in found(_SECONDED_BY):
        p.add("seconded", _name_only(match.group("name") or match.group("titled")), index)
    for match in found(_DIVISION):
        role = "voted-against" if match.group("what").lower() == "amendment" else "voted-for"
        _listed(p, role, match.group("list"), index)
    for match in found(_SUBJECT_MOVED):
        role = "seconded" if match.group("verb").lower() == "seconded" else "moved"
        p.add(role, _name_only(match.group("name")), index)
    for match in found(_AND_SECONDED):
        p.add("seconded", _name_only(match.group("name")), index)
    for match in found(_ASKED):  # "Councillor Fairley asked whether ...": a question put at the meeting
        p.add("asked", _name_only(match.group("name")), index, note="at the meeting")
    for match in found(_REPLIED):
        p.add("answered", _name_only(match.group("name")), index, note="at the meeting")
    for match in found(_PRESIDED):
        p.add("chair", _name_only(match.group("name")), index)
    for match in found(_ABSTAINING):
        p.add("abstained", _name_only(match.group("name")), index)
    for match in found(_ROLE_MOVED):  # "The Convener, seconded by ..., moved"; "The Leader proposed"
        who = _holder(p, match.group("role"))
        if who:
            p.add("moved", who, index, note=f"as {match.group('role')}")
    if re.search(r"substitut|deputis", text, re.I):
        _substitutes(p, text, index, limit)
    text = text[:limit]  # lists and declarations: this line's own
    apologies = _APOLOGY_SENTENCE.search(text)
    if apologies:
        for entry, title in list_names(_protect_notes(_cut_clause(apologies.group("list")))):
            p.add("apologies", _CHAIR_NOTE.sub("", entry.replace("\x00", ",")), index, quote=text, title=title)
    if re.search(r"\b(?:declared|declares|made a declaration|disclosed)\b", text, re.I):
        for match in _DECLARED.finditer(text):
            p.add("declared", _trim_name(_name_only(match.group("name"))), index, note=_interest(text))
    row = _DECLARATION_ROW.match(text)
    if row:
        p.add("declared", _name_only(row.group("name")), index, note=_interest(text))


def _cut_clause(text: str) -> str:
    """The names of an apologies sentence, before any clause that follows them."""
    return re.split(r"\s+(?:who|as|because|due to|owing to|with|while|whilst)\s+", text)[0]


def _name_only(text: str) -> str:
    """A captured name without a trailing word that is not a name ("Councillor Smith The" at a line's end)."""
    words = text.split()
    while len(words) > 1 and parse_name(" ".join(words)) is None:
        words.pop()
    return " ".join(words)


def _interest(text: str) -> str:
    match = re.search(r"\b(?:a|an)\s+([\w ,-]{0,60}?interest[^.;]{0,120})", text, re.I)
    return match.group(1).strip() if match else ""


_NAMED_IN = re.compile(rf"{TITLED}")


def _named(text: str) -> str:
    """The person a question header names ("the Cabinet Member for Highways, Councillor Kamal Siddiqui")."""
    if parse_name(text):
        return text.split(",")[0].strip()  # "Councillor Dawn Hepworth, Cabinet Member for Highways"
    found = [m.group(0) for m in _NAMED_IN.finditer(text)]
    return _name_only(found[-1]) if found else ""


def _question_people(document: Document, starts: list[PartStart],
                     questions: tuple[PublicQuestion, ...]) -> list[Appearance]:
    out = []
    for question in questions:
        page = document.pages[question.page - 1] if 0 < question.page <= len(document.pages) else ""
        offset = sum(len(line) + 1 for line in page.split("\n")[: question.line - 1])
        part_id = part_at(starts, question.page, offset)
        start = starts[part_id]
        quote = " ".join(f"{question.number}: {question.question}".split())[:400]
        answerers = {_named(question.response_by or question.question_to), _named(question.supplementary_response_by)}
        for role, who in [("asked", _named(question.questioner)), *(("answered", a) for a in sorted(answerers))]:
            form = parse_name(who) if who else None
            if form is None:
                continue
            out.append(Appearance(document.doc_id, part_id, role, who, question.number,
                                  start.part_date or document.meeting_date, _committee(document, starts, part_id),
                                  start.title, quote, question.page, question.line))
    return out


_ACTION_OWNER = re.compile(rf"^\s*Action:\s*(?P<who>{NAME})\s*(?:\([^)]*\))?\s+(?:to|will)\b")


def _owners(document: Document, starts: list[PartStart], commitments: tuple[Commitment, ...]) -> list[Appearance]:
    out = []
    for item in commitments:
        who = _named(item.owner) if item.owner else ""
        action = _ACTION_OWNER.match(item.quote)
        if (not who or parse_name(who) is None) and action:
            who = _name_only(action.group("who"))
        if not who or parse_name(who) is None:
            continue
        start = starts[item.part_id]
        out.append(Appearance(document.doc_id, item.part_id, "owner", who, item.kind, item.meeting_date,
                              _committee(document, starts, item.part_id), start.title, item.quote[:400],
                              item.page, item.line))
    return out
