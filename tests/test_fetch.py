"""`archive fetch` against a local ModernGov stand-in: an HTTP server on 127.0.0.1 replaying the web
service's XML (tests/data/moderngov/) and serving small PDFs made here. No network is used."""

from __future__ import annotations

import csv
import socket
import threading
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.errors import FetchError, NotModernGovError, SiteUnreachableError
from archive.fetch.download import Polite
from archive.fetch.harvest import doc_type_of, fetch_site, slug
from archive.fetch.moderngov import council_from_site, iso_date, parse_meetings, parse_xml, site_base
from tests.pdfs import make_pdf

DATA = Path(__file__).parent / "data" / "moderngov"

PAPERS = {
    "/documents/s9001/Budget%20report%202025-26.pdf": ["Revenue budget 2025/26. The council tax increase proposed is "
                                                       "4.99 per cent, including the adult social care precept."],
    "/documents/s9002/Appendix%20A.pdf": ["Appendix A. Capital programme: the new leisure centre is budgeted at "
                                          "12.5 million pounds over three years."],
    "/documents/g4990/Printed%20minutes%2010th-Dec-2024%2010.00%20Cabinet.pdf?T=1": [
        "Minutes of Cabinet, 10 December 2024. Cabinet agreed the draft budget for consultation."],
    "/documents/g5002/Printed%20minutes%2011th-Mar-2025%2010.00%20Cabinet.pdf?T=1": [
        "Minutes of Cabinet, 11 March 2025. Cabinet agreed to keep all branch libraries open."],
    "/documents/s9007/Mill%20Lane%20report.pdf": [
        "Planning application 24/0123/FUL. The application for 40 homes at Mill Lane is recommended for "
        "approval subject to a section 106 agreement securing affordable housing."],
}
DOCX = "/documents/s9006/Library%20consultation%20responses.docx"
RESTRICTED = "/documents/s9004/Appendix%20B.pdf"


class ModernGovStandIn:
    """A ModernGov site on 127.0.0.1: the service's replayed XML and the papers, with counters and
    switches to misbehave (`fail(path) -> status or None`, `mode`: "moderngov", "html", "404", "other-xml")."""

    def __init__(self, pdf_dir: Path) -> None:
        self.papers = {urllib.parse.urlsplit(path).path: make_pdf(pdf_dir / f"paper{i}.pdf", pages).read_bytes()
                       for i, (path, pages) in enumerate(PAPERS.items())}
        self.requests: Counter = Counter()
        self.fail = lambda path: None
        self.mode = "moderngov"
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                stand_in.requests[self.path] += 1
                status, body, kind = stand_in.answer(self.path)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def answer(self, raw: str) -> tuple[int, bytes, str]:
        parts = urllib.parse.urlsplit(raw)
        query = dict(urllib.parse.parse_qsl(parts.query))
        failed = self.fail(parts.path)
        if failed:
            return failed, b"<html><body>Server Error</body></html>", "text/html"
        if self.mode == "404":
            return 404, b"<html><body>Not found</body></html>", "text/html"
        if self.mode == "html":
            return 200, b"<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>", "text/html"
        if self.mode == "other-xml" and parts.path.endswith("/GetCommittees"):
            return 200, b'<?xml version="1.0"?><rss><channel><title>News</title></channel></rss>', "text/xml"
        service = "/mgWebService.asmx/"
        if parts.path.startswith(service):
            operation = parts.path[len(service):]
            name = {"GetCommittees": "GetCommittees.xml",
                    "GetMeetings": f"GetMeetings-{query.get('lCommitteeId')}.xml",
                    "GetMeeting": f"GetMeeting-{query.get('lMeetingId')}.xml"}.get(operation)
            if name and (DATA / name).exists():
                return 200, (DATA / name).read_text().replace("{base}", self.base).encode(), "text/xml; charset=utf-8"
            return 500, b"<html><body>Missing parameter</body></html>", "text/html"
        if parts.path in self.papers:
            return 200, self.papers[parts.path], "application/pdf"
        if parts.path == DOCX:
            return 200, b"PK\x03\x04" + bytes(200), "application/vnd.openxmlformats-officedocument"
        return 404, b"<html><body>Not found</body></html>", "text/html"

    def document_requests(self) -> int:
        return sum(n for path, n in self.requests.items() if path.startswith("/documents/"))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site(tmp_path):
    stand_in = ModernGovStandIn(tmp_path)
    yield stand_in
    stand_in.close()


def _fetch(site, corpus: Path, *extra: str):
    args = ["fetch", site.base, "--corpus", str(corpus), "--from", "2025-01-01", "--to", "2025-12-31",
            "--council", "Testshire", "--delay", "0", "--backoff", "0", "--retries", "1", *extra]
    return CliRunner().invoke(cli, args)


def _rows(corpus: Path) -> dict[str, dict[str, str]]:
    with open(corpus / "manifest.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = {row["file"]: row for row in reader}
    assert len(set(reader.fieldnames)) == len(reader.fieldnames), reader.fieldnames  # each column once
    return rows


def _leftovers(corpus: Path) -> list[Path]:
    return [p for p in corpus.rglob("*") if p.name.endswith((".part", ".tmp"))]


def test_fetch_saves_papers_and_manifest_rows(site, tmp_path):
    corpus = tmp_path / "corpus"
    result = _fetch(site, corpus)
    assert result.exit_code == 0, result.output
    rows = _rows(corpus)
    assert len(rows) == 5 and all(name.startswith("testshire/") for name in rows)
    by_url = {row["source_url"]: row for row in rows.values()}
    assert set(by_url) == {site.base + path.lstrip("/") for path in PAPERS}
    for name, row in rows.items():
        assert (corpus / name).read_bytes().startswith(b"%PDF-")
        assert row["council"] == "Testshire"
    budget = by_url[site.base + "documents/s9001/Budget%20report%202025-26.pdf"]
    assert budget["committee"] == "Cabinet" and budget["meeting_date"] == "2025-01-14"
    assert budget["doc_type"] == "report" and budget["title"] == "Budget report 2025/26"
    assert budget["file"] == "testshire/2025-01-14-cabinet-budget-report-2025-26-9001.pdf"
    minutes = by_url[site.base + "documents/g5002/Printed%20minutes%2011th-Mar-2025%2010.00%20Cabinet.pdf?T=1"]
    assert minutes["doc_type"] == "minutes" and minutes["meeting_date"] == "2025-03-11"
    planning = by_url[site.base + "documents/s9007/Mill%20Lane%20report.pdf"]
    assert planning["committee"] == "Planning Committee" and planning["meeting_date"] == "2025-02-20"
    appendix = by_url[site.base + "documents/s9002/Appendix%20A.pdf"]
    assert appendix["doc_type"] == "appendix"
    # not fetched: the restricted appendix, the meeting outside the dates, the deleted committee
    assert site.requests[RESTRICTED] == 0
    assert not any("lMeetingId=5009" in path for path in site.requests)
    assert not any("lCommitteeId=103" in path for path in site.requests)
    # the same report linked from two agenda items is fetched once; the .docx is noted, not saved
    assert site.requests["/documents/s9001/Budget%20report%202025-26.pdf"] == 1
    assert DOCX.split("/")[-1] not in " ".join(rows)
    assert "not a PDF" in (corpus / ".fetch-skipped.tsv").read_text()
    assert "5 paper(s) fetched" in result.output and "1 not public" in result.output
    assert not _leftovers(corpus)


def test_a_second_run_downloads_nothing(site, tmp_path):
    corpus = tmp_path / "corpus"
    assert _fetch(site, corpus).exit_code == 0
    before = site.document_requests()
    files = sorted(p.name for p in corpus.rglob("*.pdf"))
    result = _fetch(site, corpus)
    assert result.exit_code == 0, result.output
    assert site.document_requests() == before  # neither the papers nor the .docx again
    assert "0 paper(s) fetched, 5 already" in result.output and "1 skipped (not PDFs)" in result.output
    assert sorted(p.name for p in corpus.rglob("*.pdf")) == files
    assert len(_rows(corpus)) == 5


def test_a_failed_document_is_fetched_by_the_next_run(site, tmp_path):
    corpus = tmp_path / "corpus"
    seen: list[str] = []

    def third_document_fails(path: str):
        if path.endswith(".pdf"):
            if path not in seen:
                seen.append(path)
            if seen.index(path) == 2:
                return 503
        return None

    site.fail = third_document_fails
    result = _fetch(site, corpus)
    assert result.exit_code != 0
    assert "1 item(s) could not be fetched" in result.output
    assert site.requests[seen[2]] == 2  # tried, then retried once (--retries 1)
    assert len(_rows(corpus)) == 4 and not _leftovers(corpus)

    site.fail = lambda path: None
    before = site.document_requests()
    result = _fetch(site, corpus)
    assert result.exit_code == 0, result.output
    assert site.document_requests() == before + 1  # only the one that failed
    rows = _rows(corpus)
    assert len(rows) == 5 and site.base + seen[2].lstrip("/") in {r["source_url"] for r in rows.values()}


def test_an_interrupted_run_keeps_what_it_saved_and_a_rerun_completes(site, tmp_path):
    corpus = tmp_path / "corpus"
    saved: list[str] = []

    def interrupt_after_two(name: str) -> None:
        saved.append(name)
        if len(saved) == 2:
            raise KeyboardInterrupt

    http = Polite(delay=0, retries=0, backoff=0)
    with pytest.raises(KeyboardInterrupt):
        fetch_site(site.base, corpus, "2025-01-01", "2025-12-31", council="Testshire", http=http,
                   log=lambda m: None, on_saved=interrupt_after_two)
    assert set(_rows(corpus)) == set(saved) and all((corpus / name).is_file() for name in saved)
    assert not _leftovers(corpus)

    before = site.document_requests()
    report = fetch_site(site.base, corpus, "2025-01-01", "2025-12-31", council="Testshire", http=http,
                        log=lambda m: None)
    assert len(report.downloaded) == 3 and report.already == 2
    assert site.document_requests() == before + 3 + 1  # the three papers left and the .docx
    assert len(_rows(corpus)) == 5


def test_an_existing_manifest_keeps_its_rows_and_gains_a_council_column(site, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.txt").write_text("An old paper about bins.\n")
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,source_url,seed_file\n"
        'old.txt,"Bins, a report",Cabinet,2020-01-01,report,,000_x.txt')  # no final newline
    assert _fetch(site, corpus, "--committee", "planning").exit_code == 0
    rows = _rows(corpus)
    assert rows["old.txt"]["title"] == "Bins, a report" and rows["old.txt"]["seed_file"] == "000_x.txt"
    assert rows["old.txt"]["council"] == ""
    fetched = [row for name, row in rows.items() if name != "old.txt"]
    assert [row["committee"] for row in fetched] == ["Planning Committee"]
    assert fetched[0]["council"] == "Testshire"


def test_retries_server_errors_with_exponential_backoff(site, tmp_path):
    calls = Counter()

    def flaky(path: str):
        if path.endswith("/GetCommittees"):
            calls[path] += 1
            return 503 if calls[path] <= 2 else None
        return None

    site.fail = flaky
    waits: list[float] = []
    http = Polite(delay=0, retries=3, backoff=0.5, sleep=waits.append)
    report = fetch_site(site.base, tmp_path / "corpus", "2025-01-01", "2025-12-31", committee="Planning",
                        http=http, log=lambda m: None)
    assert len(report.downloaded) == 1
    assert site.requests["/mgWebService.asmx/GetCommittees?lDays=0"] == 3
    assert waits[:2] == [0.5, 1.0]  # back-off doubles


def test_a_site_that_keeps_failing_is_a_named_error(site, tmp_path):
    site.fail = lambda path: 500
    with pytest.raises(SiteUnreachableError):
        fetch_site(site.base, tmp_path / "corpus", http=Polite(delay=0, retries=1, backoff=0), log=lambda m: None)


@pytest.mark.parametrize("mode, error", [("html", "HTML page"), ("404", "no ModernGov web service"),
                                         ("other-xml", "not a ModernGov web service")])
def test_a_site_that_is_not_moderngov_is_a_named_error(site, tmp_path, mode, error):
    site.mode = mode
    with pytest.raises(NotModernGovError) as info:
        fetch_site(site.base, tmp_path / "corpus", http=Polite(delay=0, retries=0), log=lambda m: None)
    assert error in str(info.value)
    result = _fetch(site, tmp_path / "corpus")
    assert result.exit_code == 1 and error in result.output
    assert not (tmp_path / "corpus" / "manifest.csv").exists()


def test_a_refused_connection_is_a_named_error(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SiteUnreachableError) as info:
        fetch_site(f"http://127.0.0.1:{port}/", tmp_path / "corpus",
                   http=Polite(delay=0, retries=1, backoff=0, timeout=5), log=lambda m: None)
    assert "no answer after 2 attempts" in str(info.value)
    result = CliRunner().invoke(cli, ["fetch", f"http://127.0.0.1:{port}/", "--corpus", str(tmp_path / "c"),
                                      "--delay", "0", "--retries", "0", "--timeout", "5"])
    assert result.exit_code == 1 and "no answer" in result.output


def test_no_matching_committee_is_an_error(site, tmp_path):
    with pytest.raises(FetchError, match="no committee matches 'scrutiny'"):
        fetch_site(site.base, tmp_path / "corpus", committee="scrutiny", http=Polite(delay=0), log=lambda m: None)


def test_fetched_papers_are_indexed_and_found(site, tmp_path):
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    corpus = tmp_path / "corpus"
    assert _fetch(site, corpus).exit_code == 0
    report = build_index(corpus, tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None)
    assert len(report.indexed) == 5 and not report.skipped
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    hit = archive.search("40 homes at Mill Lane section 106", k=1)[0]
    assert hit.chunk.doc_id == "testshire/2025-02-20-planning-committee-mill-lane-planning-application-report-9007.pdf"
    assert hit.document.committee == "Planning Committee" and hit.document.meeting_date == "2025-02-20"
    assert hit.document.source_url == site.base + "documents/s9007/Mill%20Lane%20report.pdf"


# -- the pieces ------------------------------------------------------------------------------------

def test_site_addresses_and_council_names():
    assert site_base("democracy.example.gov.uk") == "https://democracy.example.gov.uk/"
    assert site_base("https://democracy.example.gov.uk/mgWebService.asmx") == "https://democracy.example.gov.uk/"
    assert site_base("https://www.example.gov.uk/moderngov/mgListCommittees.aspx?x=1") == \
        "https://www.example.gov.uk/moderngov/"
    assert council_from_site("democracy.north-somerset.gov.uk") == "North Somerset"
    assert council_from_site("https://moderngov.lambeth.gov.uk/") == "Lambeth"
    assert council_from_site("http://127.0.0.1:8000/") == "127.0.0.1"
    with pytest.raises(FetchError):
        site_base("ftp://example.org/")


def test_dates_types_and_names():
    assert iso_date("14/01/2025") == "2025-01-14" and iso_date("2025-01-14T00:00:00") == "2025-01-14"
    assert iso_date("31/02/2025") == "" and iso_date("") == ""
    assert doc_type_of("Printed minutes 10th-Dec-2024") == "minutes"
    assert doc_type_of("Public reports pack 14th-Jan-2025") == "agenda pack"
    assert doc_type_of("Agenda frontsheet") == "agenda"
    assert doc_type_of("Appendix 2 - Fees") == "appendix"
    assert doc_type_of("Report of the Director") == "report"
    assert slug("Children’s Services: Café & Play — 2025/26") == "childrens-services-cafe-play-2025-26"


def test_stray_html_inside_the_xml_is_tolerated():
    root = parse_xml((DATA / "GetMeetings-101.xml").read_bytes(), "test")
    assert [m.meeting_date for m in parse_meetings(root)] == ["2025-01-14", "2025-03-11", "2019-06-10"]
    namespaced = b'<getmeetings xmlns="http://x/"><Meeting><MeetingId>7</MeetingId><MeetingDate>01/02/2024' \
                 b"</MeetingDate></Meeting></getmeetings>"
    assert [(m.meeting_id, m.meeting_date) for m in parse_meetings(parse_xml(namespaced, "t"))] == [("7", "2024-02-01")]
