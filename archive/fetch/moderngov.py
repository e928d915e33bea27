"""A council's ModernGov web service (`mgWebService.asmx`), read over plain HTTP GET.

Three operations are used, each answering XML with lower-case element names:

    GetCommittees?lDays=0                 <committees><committeescount/><committee>
                                            <committeeid/><committeetitle/><committeedeleted/>...
    GetMeetings?lCommitteeId=&sFromDate=&sToDate=   (dates dd/mm/yyyy)
                                          <getmeetings><meetingscount/><meeting>
                                            <meetingid/><meetingdate>dd/mm/yyyy</meetingdate>...
    GetMeeting?lMeetingId=                <meeting><meetingid/><meetingdate/><committeetitle/>
                                            <agendaitems><agendaitem><agendaitemtitle/>
                                              <linkeddocuments><linkeddoc><attachmentid/><title/>
                                                <url/><isrestricted/>...

Installations differ in details (a wrapper element, a namespace, upper-case letters, the date
range of GetMeetings being ignored, stray HTML inside the XML), so parsing matches elements by
local name in any case and meetings are filtered by date here as well as by the service.
"""

from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime

from archive.errors import FetchError, NotModernGovError, SiteUnreachableError
from archive.fetch.download import HttpStatusError, Polite, Response

SERVICE = "mgWebService.asmx"


@dataclass(frozen=True)
class Committee:
    committee_id: str
    title: str
    deleted: bool = False


@dataclass(frozen=True)
class Meeting:
    meeting_id: str
    committee_id: str
    meeting_date: str  # ISO, "" when the service gave none that could be read
    committee_title: str = ""
    status: str = ""


@dataclass(frozen=True)
class LinkedDoc:
    url: str  # absolute
    title: str
    attachment_id: str = ""
    agenda_item: str = ""  # the agenda item it is linked to, "" for the meeting's own papers
    restricted: bool = False


def site_base(site: str) -> str:
    """The directory a site's ModernGov pages live in, as an absolute URL ending in "/".

    "democracy.example.gov.uk", "https://democracy.example.gov.uk/mgWebService.asmx" and
    "https://www.example.gov.uk/moderngov/mgListCommittees.aspx" all name a site."""
    text = site.strip()
    if not text:
        raise FetchError("no site given: name a ModernGov site such as democracy.example.gov.uk")
    if "://" not in text:
        text = "https://" + text
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{site}: not a web address (expected a host such as democracy.example.gov.uk)")
    path = parts.path
    if re.search(r"\.as[mp]x(/.*)?$", path, re.IGNORECASE):
        path = path[: re.search(r"[^/]*\.as[mp]x(/.*)?$", path, re.IGNORECASE).start()]
    if not path.endswith("/"):
        path += "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


_HOST_PREFIXES = {"www", "democracy", "moderngov", "modgov", "committees", "meetings", "councillors", "minutes",
                  "democratic", "cmis", "mgov", "decisions", "governance"}


def council_from_site(site: str) -> str:
    """A council's name guessed from its site's host: democracy.north-somerset.gov.uk -> North Somerset."""
    host = urllib.parse.urlsplit(site_base(site)).hostname or site
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?|localhost", host):
        return host
    labels = host.split(".")
    while len(labels) > 2 and labels[0].lower() in _HOST_PREFIXES:
        labels = labels[1:]
    return labels[0].replace("-", " ").replace("_", " ").title()


def iso_date(text: str) -> str:
    """dd/mm/yyyy (the service's form, perhaps with a time) or ISO as an ISO date; "" if neither."""
    text = (text or "").strip()
    match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day).isoformat()
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if match:
            return date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return ""
    return ""


def service_date(iso: str) -> str:
    return datetime.strptime(iso, "%Y-%m-%d").strftime("%d/%m/%Y")


# -- XML ------------------------------------------------------------------------------------------

def _looks_like_html(response: Response) -> bool:
    head = response.body[:1024].lstrip().lower()
    if head.startswith(b"<?xml"):
        return False
    return head.startswith(b"<!doctype html") or b"<html" in head or response.content_type == "text/html"


def _normalise(root: ET.Element) -> ET.Element:
    """Element names as lower-case local names: `{ns}CommitteeTitle` -> `committeetitle`."""
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.rsplit("}", 1)[-1].lower()
    return root


def parse_xml(body: bytes, where: str) -> ET.Element:
    """The service's XML; stray HTML fragments some installations leave inside it are tolerated."""
    try:
        return _normalise(ET.fromstring(body))
    except ET.ParseError:
        pass
    text = body.decode("utf-8", errors="replace")
    # Meeting descriptions can hold unescaped (and unbalanced) HTML: keep it as text.
    text = re.sub(r"<div\b.*?</div>", lambda m: "<![CDATA[" + m.group(0).replace("]]>", "]]&gt;") + "]]>", text,
                  flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return _normalise(ET.fromstring(text))
    except ET.ParseError as exc:
        raise NotModernGovError(f"{where}: the answer is not well-formed XML ({exc})") from exc


def _text(element: ET.Element | None, name: str) -> str:
    if element is None:
        return ""
    found = element.find(name)
    return " ".join((found.text or "").split()) if found is not None and found.text else ""


def _true(text: str) -> bool:
    return text.strip().lower() in ("true", "1", "yes")


def parse_committees(root: ET.Element, where: str = "GetCommittees") -> list[Committee]:
    committees = [
        Committee(_text(c, "committeeid"), _text(c, "committeetitle"), _true(_text(c, "committeedeleted")))
        for c in root.iter("committee")
    ]
    if not committees and root.find(".//committeescount") is None and root.tag != "committeescount":
        raise NotModernGovError(f"{where}: XML without committees (root <{root.tag}>): not a ModernGov web service")
    return [c for c in committees if c.committee_id]


def parse_meetings(root: ET.Element, committee_id: str = "") -> list[Meeting]:
    meetings = []
    for element in root.iter("meeting"):
        meeting_id = _text(element, "meetingid")
        if not meeting_id:
            continue
        meetings.append(Meeting(meeting_id, _text(element, "committeeid") or committee_id,
                                iso_date(_text(element, "meetingdate")), _text(element, "committeetitle"),
                                _text(element, "meetingstatus")))
    return meetings


def parse_meeting(root: ET.Element, base: str) -> tuple[Meeting, list[LinkedDoc]]:
    """A meeting's details and every document linked to it or to its agenda items, each once."""
    meeting = root if root.tag == "meeting" else root.find(".//meeting")
    if meeting is None:
        raise NotModernGovError(f"GetMeeting: XML without a meeting (root <{root.tag}>)")
    details = Meeting(_text(meeting, "meetingid"), _text(meeting, "committeeid"),
                      iso_date(_text(meeting, "meetingdate")), _text(meeting, "committeetitle"),
                      _text(meeting, "meetingstatus"))
    item_of: dict[int, str] = {}
    for item in meeting.iter("agendaitem"):
        title = _text(item, "agendaitemtitle") or _text(item, "title")
        for doc in item.iter("linkeddoc"):
            item_of[id(doc)] = title
    documents, seen = [], set()
    for doc in meeting.iter("linkeddoc"):
        address = _text(doc, "url")
        if not address:
            continue
        url = absolute_url(address, base)
        if url in seen:
            continue
        seen.add(url)
        documents.append(LinkedDoc(url, _text(doc, "title") or _text(doc, "ownertitle"), _text(doc, "attachmentid"),
                                   item_of.get(id(doc), ""), _true(_text(doc, "isrestricted"))))
    return details, documents


def absolute_url(address: str, base: str) -> str:
    """A document's address made absolute; `http://` on the site's own host follows the site's
    scheme (services often answer http:// links on an https site)."""
    url = urllib.parse.urljoin(base, address.strip().replace(" ", "%20"))
    site, parts = urllib.parse.urlsplit(base), urllib.parse.urlsplit(url)
    if parts.hostname == site.hostname and parts.scheme != site.scheme and parts.port == site.port:
        url = urllib.parse.urlunsplit((site.scheme, *parts[1:]))
    return url


# -- the client -----------------------------------------------------------------------------------

class ModernGov:
    """One site's web service, through a polite HTTP client."""

    def __init__(self, site: str, http: Polite | None = None) -> None:
        self.base = site_base(site)
        self.http = http or Polite()

    def url(self, operation: str, **params: str) -> str:
        query = urllib.parse.urlencode(params)
        return urllib.parse.urljoin(self.base, f"{SERVICE}/{operation}") + (f"?{query}" if query else "")

    def call(self, operation: str, **params: str) -> ET.Element:
        url = self.url(operation, **params)
        try:
            response = self.http.get(url)
        except HttpStatusError as exc:
            if exc.status in (404, 410):
                raise NotModernGovError(
                    f"{self.base}: no ModernGov web service there ({url} answered HTTP {exc.status}); "
                    "check the site's address (the host where mgListCommittees.aspx lives)") from exc
            if exc.status in (401, 403):
                raise FetchError(f"{self.base}: the site refused the request (HTTP {exc.status}); it may block "
                                 "automated clients") from exc
            raise SiteUnreachableError(f"{self.base}: {operation} failed ({exc})") from exc
        except SiteUnreachableError as exc:
            raise SiteUnreachableError(f"{self.base}: the site does not answer; {exc}") from exc
        if _looks_like_html(response):
            raise NotModernGovError(
                f"{self.base}: {operation} answered with an HTML page, not the web service's XML "
                "(not a ModernGov site, a login page, or a bot shield)")
        return parse_xml(response.body, f"{self.base} {operation}")

    def committees(self) -> list[Committee]:
        return parse_committees(self.call("GetCommittees", lDays="0"), f"{self.base} GetCommittees")

    def meetings(self, committee_id: str, date_from: str, date_to: str) -> list[Meeting]:
        """A committee's meetings between two ISO dates (inclusive), oldest first."""
        root = self.call("GetMeetings", lCommitteeId=committee_id, sFromDate=service_date(date_from),
                         sToDate=service_date(date_to))
        found = [m for m in parse_meetings(root, committee_id)
                 if m.meeting_date and date_from <= m.meeting_date <= date_to]
        return sorted(found, key=lambda m: (m.meeting_date, m.meeting_id))

    def meeting(self, meeting_id: str) -> tuple[Meeting, list[LinkedDoc]]:
        return parse_meeting(self.call("GetMeeting", lMeetingId=meeting_id), self.base)
