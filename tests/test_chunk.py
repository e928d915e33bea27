from archive.build.chunk import ChunkSettings, chunk_document
from archive.build.ingest import read_pages
from archive.build.packs import find_part_starts, split_parts
from archive.records import Document
from tests.conftest import CORPUS

PACK = CORPUS / "2024-03-12-cyp-scrutiny-agenda-pack.txt"


def _pack() -> Document:
    return Document(PACK.name, str(PACK), "Agenda pack", "Children and Young People Scrutiny Committee",
                    "2024-03-12", "agenda pack", "", tuple(read_pages(PACK)))


def test_pack_is_split_into_its_documents():
    parts = split_parts(_pack())
    titles = [(p.title, p.part_date) for p in parts]
    assert titles[0] == ("Agenda pack", "2024-03-12")
    assert ("Minutes of Children and Young People Scrutiny Committee", "2024-01-23") in titles
    assert ("Corporate Parenting Service", "2024-03-12") in titles
    assert ("Corporate Parenting Board", "2024-03-12") in titles
    # the appendix the report lists ("Appendix 1: Corporate Parenting Strategy") starts where its title does
    assert titles[-1] == ("Appendix 1: Corporate Parenting Strategy", "2024-03-12")
    document = _pack()
    starts = find_part_starts(document)
    letter = next(c for c in chunk_document(document, starts) if "Dear Corporate Parents" in c.text)
    assert starts[letter.part_id].title == "Appendix 1: Corporate Parenting Strategy"


def test_chunks_are_verbatim_and_bounded():
    document = _pack()
    page = document.pages[0]
    settings = ChunkSettings()
    chunks = chunk_document(document, find_part_starts(document), settings)
    assert len(chunks) > 50
    for chunk in chunks:
        for line in chunk.text.split("\n"):
            assert line in page  # every line of a chunk is a line of the paper
        assert len(chunk.text.split()) <= settings.max_words + 40
        assert page.count("\n", 0, chunk.start) + 1 == chunk.line


def test_table_rows_keep_their_header():
    document = _pack()
    chunks = chunk_document(document, find_part_starts(document))
    row_chunks = [c for c in chunks if "2022/23\t412\t121" in c.text]
    assert len(row_chunks) == 1
    assert "Year\tNumber\tRate\tEngland" in row_chunks[0].text
    assert "numbers and rate" in row_chunks[0].heading  # the caption above the table
    cost = next(c for c in chunks if "Residential\t44\t£6,023" in c.text)
    assert cost.text.startswith("Placement Type\tNumber of Children\tAverage weekly cost")


def test_minutes_chunks_belong_to_the_minutes_part():
    document = _pack()
    starts = find_part_starts(document)
    chunks = chunk_document(document, starts)
    ended = next(c for c in chunks if "The meeting ended at 5.03pm" in c.text)
    assert starts[ended.part_id].part_date == "2024-01-23"
    uasc = next(c for c in chunks if "In January 2024 this was 38." in c.text)
    assert starts[uasc.part_id].title == "Corporate Parenting Service"


def test_long_paragraph_is_split_at_sentences():
    sentence = "The committee noted the report and asked for a further update. "
    document = Document("d", "d", "t", "", "", "", "", ("Heading\n\n" + sentence * 60,))
    chunks = chunk_document(document, find_part_starts(document), ChunkSettings(target_words=50, max_words=80))
    assert len(chunks) > 3
    assert all(c.text.rstrip().endswith(".") for c in chunks)


def test_column_names_may_hold_digits_and_figures_may_not():
    from archive import tables

    table = "Indicator\tTarget\tQuarter 1 22/23\tQuarter 2 22/23\tRAG\nHouseholds in TA\t60\t58\t66\tRed"
    assert tables.header_lines(table) == ["Indicator\tTarget\tQuarter 1 22/23\tQuarter 2 22/23\tRAG"]
    assert tables.header_lines("Measure\t2022\t2023\nVisits\t312\t418") == ["Measure\t2022\t2023"]
    assert tables.header_lines("2019/20\t351\t103\n2020/21\t364\t107") == []  # data rows from the start
    assert tables.header_count(["Year\tChildren\tRate", "2019/20\t351\t103"]) == 1
    # an action log's rows hold no figures, but dates and running text: data, not column names
    log = ("OSC/23/02\t16 January 2023\tCirculate the damp and mould action plan\tAssistant Director\tComplete\n"
           "OSC/23/03\t6 March 2023\tReview waiting times for grants and report back\tDirector of Place\tOngoing")
    assert tables.header_lines(log) == []
    assert tables.header_lines("Ref.\tAction\tOwner\tDate closed\n" + log) == ["Ref.\tAction\tOwner\tDate closed"]


def test_an_action_log_keeps_its_long_rows_and_its_heading_heads_the_table():
    """A row whose update runs to two sentences is still a row of the table (it carries the header
    into its chunk), and the table's caption heads its chunks rather than being a chunk alone."""
    update = ("Data requested from the trust in September; the provider has confirmed that figures by "
              "locality will be available once the new patient record system is live, expected in the "
              "first quarter of 2024.")
    rows = ["Action no.\tMeeting date\tAction\tOwner\tDue date\tStatus\tUpdate"] + [
        f"CYP/23/{n:02d}\t1{n % 9} June 2023\tProvide waiting times by locality for item {n}\t"
        f"Head of Commissioning\tNovember 2023\tOngoing\t{update}" for n in range(1, 13)]
    page = "Agenda item 5\n\nTable 1: Open actions\n\n" + "\n".join(rows) + "\n\nAfter the table.\n"
    assert len(rows[1].split()) > 40
    document = Document("log.txt", "log.txt", "Action log", "Select Committee", "2023-11-14", "action log", "",
                        (page,))
    chunks = chunk_document(document, find_part_starts(document))
    assert not any(c.text.strip() == "Table 1: Open actions" for c in chunks)
    table_chunks = [c for c in chunks if "CYP/23/" in c.text]
    assert len(table_chunks) > 1
    for chunk in table_chunks:
        assert chunk.text.startswith(rows[0]) and "Table 1: Open actions" in chunk.heading
    assert sum(c.text.count("CYP/23/") for c in table_chunks) == 12
