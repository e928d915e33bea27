"""Misses by class (archive/evaluate/misses.py): each class decided from hand-made eval records, and
`archive eval --misses` end to end on the shipped corpus."""

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.evaluate import misses
from archive.evaluate.misses import KEYS, Record, classify, count
from archive.records import Answer, Chunk, Hit
from tests.conftest import QUESTIONS

EVIDENCE = "the General Fund was forecast to overspend by £3.18m"
RIGHT = ("At the end of September 2023 the General Fund was forecast to overspend by £3.18m, "
         "against £2.05m at quarter 1.")
OTHER = "The Housing Revenue Account was forecast to underspend by £0.4m in 2023/24."
TIMES = "Present: Councillor Jane Smith (Chair). The meeting started at 6.30 pm and ended at 8.15 pm."


def hit(text: str, chunk_id: int = 1) -> Hit:
    return Hit(Chunk(chunk_id, "paper", 1, 1, 0, len(text), "", text), 1.0)


def record(question="What General Fund overspend was forecast at the end of September 2023?",
           accepted=("£3.18m", "3.18m"), evidence=(EVIDENCE,), text=None, quote="", passages=(RIGHT, OTHER),
           note="", likely="", rank="found", spans=()) -> Record:
    hits = tuple(hit(p, i) for i, p in enumerate(passages))
    answer = Answer(question, text, quote, hits, note, likely=likely)
    if rank == "found":
        rank = next((i + 1 for i, p in enumerate(passages) if any(e.lower() in p.lower() for e in evidence)), None)
    return Record(question, tuple(accepted), tuple(evidence), answer, rank, spans)


FIGURES = (("£3.18m", "money", 0), ("£2.05m", "money", 0), ("September 2023", "date", 0), (RIGHT, "sentence", 0))


def test_a_right_answer_is_no_miss():
    assert classify(record(text="£3.18m", quote=RIGHT, spans=FIGURES)) is None
    assert classify(record(accepted=(), evidence=())) is None  # an unanswerable question declined


def test_refused():
    note = "The archive holds no papers of Bath and North East Somerset Council (it holds: Herefordshire Council)."
    assert classify(record(note=note, passages=())).kind == "refused"


def test_the_right_value_from_a_passage_without_the_evidence():
    miss = classify(record(text="£3.18m", quote="Overspend of £3.18m in total.", passages=("Overspend of £3.18m "
                                                                                         "in total.", OTHER)))
    assert miss.kind == "right_value_wrong_passage"


def test_retrieval():
    miss = classify(record(text="£0.4m", quote=OTHER, passages=(OTHER,), spans=(("£0.4m", "money", 0),)))
    assert miss.kind == "retrieval" and miss.rank is None


def test_no_candidate_open_and_typed():
    text = "Responsibility for the duty has moved to the Integrated Care Board from April 2023."
    open_ = record(question="Which body has the duty moved to?", accepted=("the Integrated Care Board",),
                   evidence=("has moved to the Integrated Care Board",), passages=(text,),
                   spans=(("April 2023", "date", 0), (text, "sentence", 0)))
    assert classify(open_).kind == "open_no_candidate"
    typed = record(spans=(("September 2023", "date", 0), (RIGHT, "sentence", 0)))  # £3.18m not a candidate
    assert classify(typed).kind == "typed_no_candidate"
    assert classify(record(question="Which body has the duty moved to?", accepted=("Committee Room B",),
                           evidence=("has moved to",), passages=(text,), spans=((text, "sentence", 0),))
                    ).kind == "open_no_candidate"


def test_false_abstention_says_the_rank_and_whether_the_likely_answer_was_right():
    miss = classify(record(passages=(OTHER, RIGHT), spans=FIGURES, likely="£3.18m",
                           note="Not sure: the best passage matches the question only in part."))
    assert (miss.kind, miss.rank, miss.likely_right) == ("false_abstention", 2, True)
    miss = classify(record(spans=FIGURES, likely="£2.05m"))
    assert (miss.kind, miss.rank, miss.likely_right) == ("false_abstention", 1, False)


def test_wrong_kind():
    who = record(question="Who chaired the meeting?", accepted=("Jane Smith", "Councillor Jane Smith"),
                 evidence=("Councillor Jane Smith (Chair)",), text="6.30 pm", quote=TIMES, passages=(TIMES,),
                 spans=(("Councillor Jane Smith", "person", 0), ("6.30 pm", "time", 0), ("8.15 pm", "time", 0)))
    assert classify(who).kind == "wrong_kind"
    how_many = record(question="How many households were in temporary accommodation?", accepted=("186",),
                      evidence=("186 households were in temporary accommodation",), text=OTHER, quote=OTHER,
                      passages=("At 30 September 186 households were in temporary accommodation.", OTHER),
                      spans=(("186", "count", 0), ("30 September", "date", 0), (OTHER, "sentence", 1)))
    assert classify(how_many).kind == "wrong_kind"  # a sentence for "how many"
    meeting = "The minutes of the meeting held on 14 November 2023 were agreed; the budget for 2024/25 was set."
    which = record(question="Which meeting's minutes were agreed?", accepted=("14 November 2023",),
                   evidence=("meeting held on 14 November 2023",), text="2024/25", quote=meeting, passages=(meeting,),
                   spans=(("14 November 2023", "date", 0), ("2024/25", "date", 0)))
    assert classify(which).kind == "wrong_kind"  # a financial year for "which meeting"


def test_the_right_sentence_the_wrong_value():
    miss = classify(record(text="£2.05m", quote=RIGHT, spans=FIGURES))
    assert (miss.kind, miss.rank) == ("right_sentence_wrong_value", 1)


def test_another_sentence_of_the_right_passage_or_another_passage():
    passage = f"{RIGHT} Capital spending of £1.2m was re-profiled."
    spans = (*FIGURES, ("£1.2m", "money", 0))
    miss = classify(record(text="£1.2m", quote="Capital spending of £1.2m was re-profiled.", passages=(passage,),
                           spans=spans))
    assert miss.kind == "wrong_sentence"
    hits = (hit(OTHER, 0), hit(RIGHT, 1))  # the answer's own passage is cited first
    answer = Answer("q", "£0.4m", OTHER, hits)
    wrong = Record("What General Fund overspend was forecast?", ("£3.18m",), (EVIDENCE,), answer, 2,
                   (*FIGURES, ("£0.4m", "money", 0)))
    assert classify(wrong) == misses.Miss("wrong_passage", 2)


def test_an_unanswerable_question_answered():
    assert classify(record(accepted=(), evidence=(), text="£2.05m", quote=RIGHT)).kind == "answered_unanswerable"


def test_without_candidates_no_miss_is_called_a_missing_candidate():
    assert classify(record(spans=None)).kind == "false_abstention"


def test_count_and_table():
    elsewhere = replace(record(accepted=(), evidence=(), text="£2.05m", quote=RIGHT), council_held=False)
    records = [record(text="£3.18m", quote=RIGHT, spans=FIGURES), record(text="£2.05m", quote=RIGHT, spans=FIGURES),
               record(spans=FIGURES, likely="£3.18m"), record(accepted=(), evidence=()), elsewhere]
    tally = count(records)
    summary = tally.summary()
    assert (summary["questions"], summary["answerable"], summary["right"], summary["wrong"], summary["abstained"],
            summary["declined"], summary["misses"]) == (5, 3, 1, 1, 1, 1, 3)
    assert summary["classes"] == {**dict.fromkeys(KEYS, 0), "right_sentence_wrong_value": 1, "false_abstention": 1,
                                  "answered_unanswerable": 1}
    assert summary["false_abstention_ranks"] == {"1": 1} and summary["false_abstention_likely_right"] == 1
    assert summary["answered_unanswerable_council_not_held"] == 1
    text = misses.table({"set-a": tally, "set-b": count(records[:1])})
    lines = text.splitlines()
    assert lines[0].split() == ["set-a", "set-b"]
    assert next(line for line in lines if line.startswith("false_abstention ")).split()[1:] == ["1", "0"]
    assert all(any(line.startswith(key + " ") for line in lines) for key in KEYS)


@pytest.fixture()
def run(hash_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(hash_index))
    return lambda *args: CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_eval_misses_end_to_end(run):
    """Over the shipped corpus: every miss has one class, and the counts agree with archive eval's."""
    plain = json.loads(run("eval", str(QUESTIONS), "--json").output)
    result = run("eval", str(QUESTIONS), "--misses", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["set"] == "eval" and found["questions"] == plain["questions"] == 30
    assert found["right"] == round(plain["answer_accuracy"] * plain["answerable"])
    assert found["misses"] == sum(found["classes"].values()) == (
        found["answerable"] - found["right"] + found["unanswerable"] - found["declined"])
    table = run("eval", str(QUESTIONS), str(QUESTIONS), "--misses")
    assert "Misses by class" in table.output
    assert table.output.splitlines()[1].split() == ["eval", "eval-2"]
    assert run("eval", str(QUESTIONS), "--misses", "--mode", "lexical").exit_code != 0


def test_a_heldout_answer_is_laid_out_as_the_answer_path_gives_it(hash_archive):
    """A cross-validation row (evaluate/train.py) over real candidates becomes the record of the answer
    the path would give: the chosen span's passage first, its sentence quoted; below the threshold the
    span is the likely answer."""
    from archive.evaluate.train import example

    item = {"question": "How many children live with kinship carers?", "answers": ["78"],
            "evidence": ["78 children live with kinship carers"]}
    found = hash_archive.answer_candidates(item["question"])[1]
    e = example(item, "Herefordshire Council", found)
    index = next(i for i, c in enumerate(found) if c.span == "78" and e.labels[i])
    given = misses.heldout_record(e, {"chosen": index, "answered": True})
    assert given.answer.text == "78" and "78 children" in given.answer.quote
    assert classify(given) is None and given.rank and given.spans
    unsure = misses.heldout_record(e, {"chosen": index, "answered": False})
    assert (unsure.answer.text, unsure.answer.likely) == (None, "78")
    assert classify(unsure) == misses.Miss("false_abstention", given.rank, True)
    wrong = next(i for i, c in enumerate(found) if c.kind in ("date", "person", "time"))
    assert classify(misses.heldout_record(e, {"chosen": wrong, "answered": True})).kind == "wrong_kind"
    refused = misses.heldout_record(example(item, "x", found, refused=True), {"chosen": -1})
    assert classify(refused).kind == "refused"


def test_eval_misses_held_out_by_council(run, tmp_path):
    """--misses --cross-validate: each council's questions answered by a selector fitted on the others'."""
    items = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    path = tmp_path / "two" / "questions.jsonl"
    path.parent.mkdir()
    path.write_text("".join(json.dumps({**item, "council": "Herefordshire Council" if i % 2 else "Elsewhere"}) + "\n"
                            for i, item in enumerate(items)))
    result = run("eval", str(path), "--misses", "--cross-validate", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["set"] == "two" and found["cross_validated"] and found["questions"] == 30
    assert found["misses"] == sum(found["classes"].values()) == (
        found["answerable"] - found["right"] + found["unanswerable"] - found["declined"])
