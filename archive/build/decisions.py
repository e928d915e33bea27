"""What became of each report's recommendations: the report's "Recommendation(s)", the resolution
in the minutes of the meeting that took it, and an outcome.

Per paper (pure, at analysis time): a report's recommendations (`Recommendation`s, read under its
title block: "Title of report", "Meeting", "Meeting date"), the minutes' items with what they
resolved (`Resolution`s: "RESOLVED", "DECIDED", "AGREED", "It was RESOLVED to ...", a motion
"declared lost"), and ModernGov decision records ("Decision status: Recommendations Approved"),
which are both at once. Across papers (`link`, at build time): a recommendation goes with the
resolution of the same council whose meeting is the report's own date (the minutes' own date,
even when they are printed in a later pack) and whose item is the report's subject.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from archive.build.packs import PartStart, part_at
from archive.dates import parse_date
from archive.records import Document
from archive.text import terms

OUTCOMES = ("agreed", "agreed-amended", "deferred", "rejected", "noted", "referred", "not-found")

_RECOMMENDATIONS = re.compile(r"^\s*(?:\d{1,2}\.?\s+)?Recommendations?(?:\(s\))?\s*:?\s*$", re.I)
_SECTION = re.compile(r"^\s*(?:\d{1,2}\.?\s+)?(?:Alternative options?|Key considerations|Reasons? for|Purpose|"
                      r"Background|Site description|Community impact|Environmental impact|Financial implications|"
                      r"Legal implications|"
                      r"Risk management|Consultees|Appendices|Background papers|Introduction|Executive summary|"
                      r"Report details|Summary|Wards affected|Decision type|Classification)\b", re.I)
_MEETING = re.compile(r"^\s*Meeting:\s*(?P<body>.+)$", re.I)
_MEETING_DATE = re.compile(r"^\s*Meeting date:\s*(?P<date>.+)$", re.I)
_ITEM = re.compile(r"^\s*(?:(?:Item|Minute|Min\.?)\s+)?(?P<number>\d{1,3}|\d{2,4}/\d{1,4}|[A-Z]{1,4}\d{0,2}/\d{1,4})"
                   r"[.:)]?\s+(?P<title>.{3,160})$")
_RESOLVED = re.compile(r"\b(?:RESOLVED|Resolved|DECIDED|Decided|AGREED|PENDERFYNWYD|Decision|DECISION)\b"
                       r"\s*(?:[:\-–]|that\b|to\b|,)"
                       # "The Committee agreed to ...", "the Council DECIDED to ...",
                       # "... put to the meeting and AGREED."
                       r"|\b(?:Committee|Council|Cabinet|Board|Panel|Sub-Committee|Members)\s+"
                       r"(?:unanimously\s+|thereby\s+|therefore\s+|then\s+|accordingly\s+)?"
                       r"(?:agreed|resolved|decided|AGREED|RESOLVED|DECIDED)\b\s*(?::|that\b|to\b)"
                       r"|\bput to the (?:meeting|vote) and (?:was\s+)?(?:AGREED|agreed|CARRIED|carried)\b"
                       r"|\band (?:unanimously )?(?:agreed|resolved|decided) to "
                       r"(?=(?:note|approve|agree|adopt|defer|refer|remit|endorse|accept|reject|recommend)\b)", re.M)
_STATUS = re.compile(r"^\s*Decision status:\s*(?P<status>.+)$", re.I | re.M)
_DECISION_TEXT = re.compile(r"^\s*Decision:\s*(?P<text>.*)$", re.I)
_DECISION_TITLE = re.compile(r"^\s*Decision details\s*$", re.I)
_LOST = re.compile(r"(?<!amendment )\b(?:was|being|declared|were)\s+(?:declared\s+)?lost\b|\bnot carried\b"
                   r"|(?<!amendment )\b(?:therefore\s+)?fell\b|\bwas defeated\b", re.I)
_CARRIED = re.compile(r"[^.]*\b(?:(?:was|were)\s+(?:duly\s+|accordingly\s+|therefore\s+|unanimously\s+)?"
                      r"(?:declared\s+)?(?:agreed|carried|approved|adopted|accepted|endorsed)"
                      r"|and\s+(?:declared\s+)?(?:agreed|carried))\b[^.]*",
                      re.I)
_DEFERRED = re.compile(r"\b(?:deferred|defer|postponed|adjourned|"
                       r"continued?\b[^.;]{0,80}?\b(?:to|until) (?:the|a|its|their) "
                       r"(?:next|future|later)\b|be continued\b|withdrawn)", re.I)
_REFERRED = re.compile(r"\b(?:referred|remitted|refer|remit)\s+(?:back\s+)?(?:[\w'’-]+\s+){0,6}?to\b"
                       r"|\bbe referred\b|\bbe remitted\b", re.I)
_REJECTED = re.compile(r"\b(?:refused|rejected|(?:to|be) (?:refuse|reject)\b|"
                       r"(?:decided )?not to (?:approve|agree|proceed|adopt|accept|support)\b|"
                       r"not (?:proceed|go ahead|be progressed|be pursued)\b|"
                       r"not (?:be )?(?:approved|agreed|adopted|accepted|supported)|"
                       r"declined to (?:approve|agree|support)|did not (?:approve|agree|support|accept))\b", re.I)
_AMENDED = re.compile(r"\b(?:as amended|subject to the (?:following )?amendments?|with the following amendments?|"
                      r"subject to the (?:deletion|addition|removal|inclusion)|with the (?:deletion|addition|removal|"
                      r"inclusion) of|amended to (?:read|include)|following amendments?|as varied|"
                      r"subject to the variation)\b", re.I)
# what was resolved differs from what was recommended: "with the grant for X reduced to £4,000"
_CHANGED = re.compile(r"\brather than (?:the )?(?:[^.;]|\.(?=\d)){0,60}?\b(?:proposed|recommended)\b"
                      r"|\bwith (?:the )?[^.;]{0,80}?\b(?:reduced|increased|changed|replaced|removed|deleted|added|"
                      r"amended)\b|\bsubject to (?:the )?[^.;]{0,80}?\b(?:reduced|increased|changed|replaced|removed|"
                      r"deleted|added|amended|moved|extended|limited|brought forward|put back)\b", re.I)
_MONEY = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?")  # a sum as written: compared, never read for its unit
_MEETING_CLOSED = re.compile(r"^\s*(?:The meeting (?:ended|closed|finished|concluded|terminated|rose)|"
                             r"There being no further business)\b", re.I)
# what is put to a vote: a sentence about it says what became of the item ("That judgement was accepted" does not)
_PUT = re.compile(r"\b(?:motion|proposal|proposition|recommendations?|resolution|report|application|item|substantive|"
                  r"proposed|seconded|moved|put to|vote)\b", re.I)
_CONTRARY = re.compile(r"\bcontrary to the (?:officers?'?|officer's)?\s*recommendation", re.I)
_SUB_ITEM = re.compile(r"^(?:\(?[a-z]{1,2}\)|[a-z][.)]|\(?\d{1,2}\)|[-•·])\s")  # "b) ...", "(2) ...", "- ..."
_PARTLY = re.compile(r"\b(?:agreed|approved|adopted)\b[^.]{0,80}\b(?:with the exception of|except for|save for|"
                     r"other than) (?:recommendations?|paragraphs?|parts?|items?)\b", re.I)
# an amendment that puts the recommendation back ("moved as an amendment that the application be approved in
# accordance with the recommendation") changes nothing the report asked for
_AMENDMENT_AS_RECOMMENDED = re.compile(r"\bamendment\b[^.]{0,160}\b(?:in accordance with the "
                                       r"(?:officers?'? |officer's )?recommendation|as recommended)\b", re.I)
_AMENDMENT_CARRIED = re.compile(r"(?<!no )\bamendment (?:was|being|is) (?:carried|agreed|accepted|approved)\b"
                                r"|(?<!no )\bamendment\b[^.,]{0,80}?\b(?:and|was) declared carried\b"
                                r"|\bcasting vote (?:in favour of|for) the amendment\b", re.I)
_NOTED = re.compile(r"\b(?:be noted|noted|note the|notes the|received and noted|be received)\b", re.I)
_AGREED = re.compile(r"\b(?:approved?|agreed?|adopt(?:ed)?|endorsed?|accepted?|granted|confirmed|extended|frozen|"
                     r"struck|be made|authoris|delegated|proceed|recommended|supported?)\b", re.I)
_STATUS_OUTCOME = (
    (re.compile(r"amend|modif|with changes", re.I), "agreed-amended"),
    (re.compile(r"defer|postpon|withdrawn", re.I), "deferred"),
    (re.compile(r"refer|call.?in|called in", re.I), "referred"),
    (re.compile(r"reject|refus|not approved|not agreed", re.I), "rejected"),
    (re.compile(r"not(?:ed|ing)\b", re.I), "noted"),
    (re.compile(r"approv|agreed|adopt|made|implement", re.I), "agreed"),
)


@dataclass(frozen=True)
class Recommendation:
    doc_id: str
    part_id: int
    title: str  # the report's title
    committee: str  # the meeting it goes to ("Meeting: Cabinet"), else the paper's committee
    meeting_date: str
    text: str  # the recommendations as printed (lettered items joined)
    page: int
    line: int

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Resolution:
    doc_id: str
    part_id: int
    item: str  # the minuted item's title ("44. LEISURE CENTRE CONTRACT EXTENSION")
    committee: str
    meeting_date: str  # the minutes' own date, even inside a later pack
    text: str  # what was resolved, as printed
    outcome: str
    kind: str  # "minutes" | "decision record"
    page: int
    line: int

    def as_dict(self) -> dict:
        return asdict(self)


def _lines(document: Document):
    for page_no, page in enumerate(document.pages, start=1):
        offset = 0
        for index, line in enumerate(page.split("\n")):
            yield page_no, index, offset, line.replace("**", "")
            offset += len(line) + 1


def extract_recommendations(document: Document, starts: list[PartStart]) -> list[Recommendation]:
    """The recommendations of each report in a paper (a report, or a report inside a pack)."""
    found: list[Recommendation] = []
    rows = list(_lines(document))
    index = 0
    while index < len(rows):
        page_no, line_no, offset, line = rows[index]
        if not _RECOMMENDATIONS.match(line):
            index += 1
            continue
        part_id = part_at(starts, page_no, offset)
        start = starts[part_id]
        if start.title.startswith("Minutes of") or start.kind in ("item", "agenda item", "question"):
            index += 1
            continue
        collected, cursor = [], index + 1
        while cursor < len(rows) and len(collected) < 40:
            text = rows[cursor][3].strip()
            if text and (_SECTION.match(text) or (rows[cursor][0], rows[cursor][2]) >= _next_start(starts, part_id)):
                break
            if (text and text.lower() not in ("that:", "that", "the committee is asked to:")) or text:
                collected.append(text)
            cursor += 1
        text = " ".join(" ".join(collected).split())
        if text:
            committee, when = _report_meeting(rows, index, document, start)
            found.append(Recommendation(document.doc_id, part_id, start.title, committee, when, text[:2000],
                                        page_no, line_no + 1))
        index = cursor
    return found


def _next_start(starts: list[PartStart], part_id: int) -> tuple[int, int]:
    return (starts[part_id + 1].page, starts[part_id + 1].offset) if part_id + 1 < len(starts) else (10**9, 0)


def _report_meeting(rows, index: int, document: Document, start: PartStart) -> tuple[str, str]:
    """The "Meeting:" and "Meeting date:" lines above the recommendations, in the report's title block."""
    committee, when = document.committee, start.part_date or document.meeting_date
    for _, _, _, line in reversed(rows[max(0, index - 60): index]):
        meeting = _MEETING.match(line)
        if meeting and committee == document.committee:
            committee = meeting.group("body").strip()
        dated = _MEETING_DATE.match(line)
        if dated:
            when = parse_date(dated.group("date")) or when
        if line.strip().lower().startswith("title of report"):
            break
    return committee, when


def _is_minutes(document: Document) -> bool:
    kind = document.doc_type.lower()
    return "minute" in kind or bool(re.search(r"\bminutes? of (?:the )?(?:\w+ )?meeting\b",
                                              document.pages[0][:600] if document.pages else "", re.I))


def _minutes_container(document: Document, starts: list[PartStart], part_id: int) -> PartStart | None:
    """The minutes an item belongs to: a "Minutes of X" part of a pack, or the paper when it is minutes."""
    for start in reversed(starts[: part_id + 1]):
        if start.title.startswith("Minutes of"):
            return start
        if start.kind == "title block":
            return None
    return starts[0] if _is_minutes(document) or "agenda item" in document.doc_type.lower() else None


_INLINE_ITEM = re.compile(r"^\s*(?P<number>\d{1,4}/\d{2,4})\.?\s+(?P<title>[A-Z][^:.]{2,80}):\s")


def _item_heading(line: str) -> str:
    inline = _INLINE_ITEM.match(line)  # a parish's "81/24 Precept 2025/26: The Clerk's draft ..."
    if inline:
        return f"{inline.group('number')} {inline.group('title').strip()}"
    match = _ITEM.match(line)
    if not match or re.search(r"\.\s*$", line):
        return ""
    title = match.group("title").strip()
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 4:
        return ""
    if sum(c.isupper() for c in letters) < 0.8 * len(letters) and not _title_case(title):
        return ""
    return " ".join(line.split())


_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by", "with", "from", "or", "&", "-", "–"}


def _title_case(title: str) -> bool:
    """"Council Tax Base 2025/26", "Minutes of the previous meeting": a heading, not a numbered
    sentence ("The Committee enquired if ..."): short, no full stop, its first and most words capitalised."""
    words = title.split()
    if len(words) > 12 or title.rstrip().endswith((".", ",", ";", ":")) or not words[0][:1].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = [w for w in content if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) >= max(1, 0.6 * len(content))


def extract_resolutions(document: Document, starts: list[PartStart]) -> list[Resolution]:
    """Each minuted item with what it resolved and its outcome; a decision record as one resolution."""
    record = _decision_record(document)
    if record:
        return [record]
    items: list[list] = []  # [heading, part_id, page, line, [(page, line, text)], container]
    current: list | None = None
    for page_no, line_no, offset, line in _lines(document):
        part_id = part_at(starts, page_no, offset)
        container = _minutes_container(document, starts, part_id)
        if container is None:
            current = None
            continue
        if _MEETING_CLOSED.match(line):
            current = None  # what follows the close (an appendix of questions) is no item's
            continue
        heading = _item_heading(line)
        page_item = starts[part_id].kind == "agenda item" and (current is None or current[1] != part_id)
        if heading or page_item:  # a numbered item of minutes, or a ModernGov page of one item
            current = [heading or starts[part_id].title, part_id, page_no, line_no + 1, [], container]
            items.append(current)
            if not _INLINE_ITEM.match(line):
                continue  # an inline heading's line goes on with the item's text
        if current is not None:
            current[4].append((page_no, line_no + 1, line))
    found = []
    for item in items:
        heading, part_id, page_no, line_no, lines, container = item
        text = "\n".join(line for _, _, line in lines)
        resolved = _resolution_text(lines)
        outcome = classify(text, resolved[2] if resolved else "")
        if outcome is None:
            continue
        committee = (container.title.removeprefix("Minutes of ").strip() if container.title.startswith("Minutes of")
                     else document.committee)
        page, line = (resolved[0], resolved[1]) if resolved else (page_no, line_no)
        quote = resolved[2] if resolved else (_last_put(text) or _body_decided(text) or _lost_sentence(text))
        found.append(Resolution(document.doc_id, part_id, heading, committee,
                                container.part_date or document.meeting_date, quote[:2000], outcome, "minutes", page,
                                line))
    return found


def _resolution_text(lines: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """(page, line, text) of the item's last resolution: the line saying RESOLVED/DECIDED/AGREED and
    the lines that continue it (lettered items, a wrapped sentence), up to a blank line after text."""
    last = None
    for index, (page, line_no, line) in enumerate(lines):
        match = _RESOLVED.search(line)
        if not match or (match.group(0).startswith(("Agreed", "AGREED")) and "all in favour" in line.lower()):
            continue
        if match.group(0).lower().startswith("decision") and not line.strip().lower().startswith("decision"):
            continue
        collected = [line[match.start():].strip()]
        cursor = index + 1
        while cursor < len(lines):
            following = lines[cursor][2].strip()
            if not following:
                ahead = next((text.strip() for _, _, text in lines[cursor + 1:] if text.strip()), "")
                if len(" ".join(collected).split()) > 4 and not _SUB_ITEM.match(ahead):
                    break
            elif _item_heading(following) or _RESOLVED.search(following) or following.lower().startswith(
                    ("action:", "the meeting", "there being no further")):
                break
            else:
                collected.append(following)
            cursor += 1
        last = (page, line_no, " ".join(" ".join(collected).split()))
    return last


def _lost_sentence(text: str) -> str:
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if _LOST.search(sentence):
            return sentence
    return ""


def _last_put(text: str) -> str | None:
    """The item's last sentence saying a motion or proposal was carried, agreed or lost, leaving out
    what became of an amendment ("The amendment ... was declared lost. The substantive proposal was
    then put and declared carried")."""
    for sentence in reversed(re.split(r"(?<=[.!?])\s+", " ".join(text.split()))):
        if re.search(r"\bamendment\b", sentence, re.I) and not re.search(r"\bas amended\b|\bsubstantive\b", sentence,
                                                                              re.I):
            continue
        if (_LOST.search(sentence) or _CARRIED.search(sentence)) and _PUT.search(sentence):
            return sentence
    return None


_BODY_DECIDED = re.compile(r"^(?:(?:The\s+)?(?:[\w-]+\s+){0,3}?(?:Committee|Cabinet|Council|Panel|Board|Sub-Committee)"
                           r"|The\s+Members|Members)\s+(?:unanimously\s+|received and\s+)?"
                           r"(?P<verb>noted|agreed|approved|endorsed|adopted|accepted|rejected|refused|deferred)\b",
                           re.I)


def _body_decided(text: str) -> str | None:
    """The last sentence in which the body itself decides: "The Committee noted the report.",
    "Cabinet approved the strategy." (a minute with no RESOLVED line)."""
    for sentence in reversed(re.split(r"(?<=[.!?])\s+", " ".join(text.split()))):
        if _BODY_DECIDED.match(sentence) and not re.search(r"\b(?:that officers|asked|whether)\b", sentence, re.I):
            return sentence
    return None


def classify(item_text: str, resolved: str) -> str | None:
    """The outcome of an item: from what it resolved, else from a motion declared lost; None when
    the item took no decision (apologies, a discussion with nothing resolved)."""
    if not resolved:
        last = _last_put(item_text)
        if last is None or not re.search(r"\b(?:proposed|moved|put to the|put and|recommendations?)\b", item_text,
                                         re.I):
            last = _body_decided(item_text)  # "The Committee noted the report."
        if last is None:
            return None
        if _LOST.search(last):
            return "rejected"
        resolved = last  # that sentence, never the whole item (its amendments and debate)
    if _PARTLY.search(resolved):  # agreed "with the exception of recommendation 2.3"
        return "agreed-amended"
    if _DEFERRED.search(resolved):
        return "deferred"
    if _REFERRED.search(resolved):
        return "referred"
    if _REJECTED.search(resolved):
        return "rejected"
    carried = _AMENDMENT_CARRIED.search(item_text) if not _AMENDMENT_AS_RECOMMENDED.search(item_text) else None
    if _AMENDED.search(resolved) or _CHANGED.search(resolved) or (
            carried and not _LOST.search(item_text[carried.end():])):
        return "agreed-amended"
    if _CONTRARY.search(item_text):  # what was carried went against the report's recommendation
        return "rejected"
    said = _RESOLVED.sub("", resolved, count=1)  # what was resolved, without "RESOLVED"/"The Committee agreed to"
    if _NOTED.search(said) and not _AGREED.search(_NOTED.sub("", said)):
        return "noted"
    return "agreed"


def _decision_record(document: Document) -> Resolution | None:
    """A ModernGov decision record: "Decision status: Recommendations Approved", the "Decision:" text."""
    page = document.pages[0] if document.pages else ""
    status = _STATUS.search(page)
    if not status:
        return None
    lines = page.split("\n")
    title = document.title
    for index, line in enumerate(lines):
        if _DECISION_TITLE.match(line):
            title = next((following.strip() for following in lines[index + 1:] if following.strip()), title)
            break
    text, line_no = status.group(0).strip(), page[: status.start()].count("\n") + 1
    for index, line in enumerate(lines):
        decision = _DECISION_TEXT.match(line)
        if decision:
            body = [decision.group("text").strip()]
            for following in lines[index + 1:]:
                if following.strip() and following.strip().endswith(":") and len(body) > 1:
                    break
                if re.match(r"^\s*[A-Z][\w ]{2,40}:\s*", following) and any(body):
                    break
                body.append(following.strip())
            text, line_no = " ".join(" ".join(body).split()), index + 1
            break
    outcome = next((name for pattern, name in _STATUS_OUTCOME if pattern.search(status.group("status"))), "agreed")
    maker = re.search(r"^\s*Decision Maker:\s*(?P<who>.+)$", page, re.I | re.M)
    when = re.search(r"^\s*Date of decision:\s*(?P<date>.+)$", page, re.I | re.M)
    return Resolution(document.doc_id, 0, title, maker.group("who").strip() if maker else document.committee,
                      (parse_date(when.group("date")) if when else "") or document.meeting_date,
                      f"{text} (Decision status: {status.group('status').strip()})", outcome, "decision record", 1,
                      line_no)


# -- across papers, at build time ------------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    council: str
    committee: str
    meeting_date: str
    title: str
    outcome: str
    recommendation: dict | None  # a Recommendation's fields, None for a decision record with no report
    resolution: dict | None  # a Resolution's fields, None when not found


def _words(text: str) -> set[str]:
    return {t for t in terms(re.sub(r"\b\d+\b", " ", text)) if len(t) > 2} - {"report", "item", "minut"}


def _same_body(a: str, b: str) -> bool:
    wa, wb = _words(a) - {"committe", "council"}, _words(b) - {"committe", "council"}
    return not wa or not wb or bool(wa & wb) or a.lower() in b.lower() or b.lower() in a.lower()


def _amounts(text: str) -> set[str]:
    return {re.sub(r"[\s,£]", "", m.group(0)).lower() for m in _MONEY.finditer(text)}


def _outcome(rec: dict, resolution: dict | None) -> str:
    """The resolution's outcome; "agreed" becomes "agreed-amended" when it sets sums the report did not
    recommend (a precept of £38,500 where £39,750 was recommended)."""
    if resolution is None:
        return "not-found"
    outcome = resolution["outcome"]
    recommended, resolved = _amounts(rec["text"]), _amounts(resolution["text"])
    if outcome == "agreed" and recommended and resolved and not resolved & recommended:
        return "agreed-amended"
    return outcome


def link(recommendations: list[dict], resolutions: list[dict]) -> list[Decision]:
    """recommendations and resolutions as stored rows with their paper's "council". A recommendation
    is decided by the resolution of its council and meeting date whose item shares most of the
    report's title words (at least half); a decision record no report claims is a decision of its own."""
    by_meeting: dict[tuple[str, str], list[dict]] = {}
    for row in resolutions:
        by_meeting.setdefault((row["council"], row["meeting_date"]), []).append(row)
    pairs = []  # (score, recommendation's place, resolution's place)
    places = {id(row): n for n, row in enumerate(resolutions)}
    for n, rec in enumerate(recommendations):
        wanted = _words(rec["title"])
        for row in by_meeting.get((rec["council"], rec["meeting_date"]), []):
            if not _same_body(rec["committee"], row["committee"]) and row["kind"] != "decision record":
                continue
            score = len(wanted & _words(row["item"])) / max(1, len(wanted))
            if score < 0.5:
                score = max(score, 0.6 * len(wanted & _words(row["text"])) / max(1, len(wanted)))
            if score >= 0.5:
                pairs.append((score, n, places[id(row)]))
    chosen: dict[int, int] = {}  # each resolution decides one report at most: the best fitting first
    taken: set[int] = set()
    for _, n, m in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if n not in chosen and m not in taken:
            chosen[n] = m
            taken.add(m)
    used = {(resolutions[m]["doc_id"], resolutions[m]["page"], resolutions[m]["line"]) for m in taken}
    decisions = []
    for n, rec in enumerate(recommendations):
        best = resolutions[chosen[n]] if n in chosen else None
        decisions.append(Decision(rec["council"], rec["committee"], rec["meeting_date"], rec["title"],
                                  _outcome(rec, best), rec, best))
    for row in resolutions:
        if row["kind"] == "decision record" and (row["doc_id"], row["page"], row["line"]) not in used:
            decisions.append(Decision(row["council"], row["committee"], row["meeting_date"], row["item"],
                                      row["outcome"], None, row))
    return sorted(decisions, key=lambda d: (d.meeting_date, d.council, d.committee, d.title))
