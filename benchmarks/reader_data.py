"""Generated training data for the reader (archive/ask/select/reader.py, trained by benchmarks/train_reader.py):
questions over sentences of invented councils' papers, aimed at the answers the archive gets wrong, each
with the candidate spans the archive itself proposes in that sentence, labelled.

    .venv/bin/python benchmarks/reader_data.py OUT.jsonl [--rows 30000] [--seed 1] [--report PATH]

One JSON line per (question, sentence): {"question", "sentence", "group" (the invented council: train_reader
holds councils out by it), "class" (the miss class, benchmarks/invent/reader_cases.py), "candidates": [{"span",
"start", "label", "kind"}], "proposed" (whether the archive proposed the answer), "header" (a table row's
header line, which the reader does not see today)}. The candidates are what `spans_of` (ask/select/
candidates.py) proposes at answer time for the question as `parse_query` reads it, the whole sentence kept
only where the answer path keeps it (untyped and where questions); a candidate is right when its
answer_key is an accepted answer's. An answer the archive does not propose (open answers, "five to nine")
is added as a right candidate and counted: that count is the archive's candidate recall on these classes.
Unanswerable rows (the question's period, measure or council not in the sentence) have no right candidate.

It prints counts per class, the share of answerable rows whose answer the archive proposes, the candidates
per row, and a realism table (generated sentences beside the shipped papers' and the real-format held-out
sets'), which it also writes to --report (benchmarks/results/reader_data.md).
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
cases = importlib.import_module(f"{__package__}.invent.reader_cases" if __package__ else "invent.reader_cases")

from archive.ask.select.candidates import NUMERIC, spans_of  # noqa: E402
from archive.ask.select.relative import answer_key  # noqa: E402
from archive.ask.understand.query import parse_query  # noqa: E402
from archive.dates import find_periods  # noqa: E402
from archive.text import prose_sentence_spans, terms  # noqa: E402

DEFAULT_ROWS = 30000
REPORT = ROOT / "benchmarks" / "results" / "reader_data.md"
NEUTRAL = "How many were there?"  # the question the realism table reads every sentence with
ATTEMPTS = 20  # draws of a row before it is left out (ambiguous sentences are drawn again)


def proposed(question: str, sentence: str) -> list[tuple[str, str, int]]:
    """(span, kind, offset) the archive proposes in `sentence` for `question`: spans_of for the Query
    parse_query makes, the whole sentence kept only where candidates._span_candidates keeps it."""
    query = parse_query(question)
    return [(span, kind, offset) for span, kind, offset in spans_of(sentence, query, query.expected)
            if kind != "sentence" or query.expected == "sentence" or query.asks_place]


def _occurrences(sentence: str, answers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where any accepted answer stands in the sentence as a whole (case aside), overlapping places merged."""
    found = []
    for answer in answers:
        pattern = re.compile(rf"(?<![\w£.,-]){re.escape(answer)}(?![\w%£-]|[.,]\d)", re.IGNORECASE)
        found += [(m.start(), m.end()) for m in pattern.finditer(sentence)]
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def label(case) -> dict | None:
    """The case as a data row, or None when the archive would split its sentence or the answer stands twice
    in it (a label that could be either)."""
    sentence = case.sentence
    if prose_sentence_spans(sentence) != [(0, len(sentence))]:
        return None
    spans = proposed(case.question, sentence)
    keys = {answer_key(a) for a in case.answers}
    place = _occurrences(sentence, case.answers) if case.answers else []
    if case.answers and len(place) != 1:
        return None
    candidates, seen = [], set()
    for span, kind, offset in spans:
        if (span, offset) in seen:
            continue
        seen.add((span, offset))
        right = bool(case.answers) and answer_key(span) in keys
        if right and not (offset < place[0][1] and offset + len(span) > place[0][0]):
            return None  # the same words elsewhere in the sentence
        candidates.append({"span": span, "start": offset, "label": int(right), "kind": kind})
    hit = any(c["label"] for c in candidates)
    if case.answers and not hit:  # the archive does not propose it: added, and counted
        start = sentence.lower().find(case.answers[0].lower(), place[0][0])
        start, end = (start, start + len(case.answers[0])) if start == place[0][0] else place[0]
        candidates.append({"span": sentence[start:end], "start": start, "label": 1, "kind": "added"})
    if not candidates:
        return None
    return {"question": case.question, "sentence": sentence, "group": case.group, "class": case.kind,
            "candidates": candidates, "proposed": hit if case.answers else None, "header": case.header}


def _header_of(lines: list[str], index: int) -> str:
    """A table row's header: the first tabbed line of its block."""
    while index > 0 and "\t" in lines[index - 1]:
        index -= 1
    return lines[index]


FACT_CUES = {"votes": "against", "seconder": "seconded", "budget": "budget"}  # words the stating sentence has


def fact_case(seed: int, rng: random.Random, council: int):
    """A fact of one of the council's papers (papers_with_questions' facts), in the sentence or table row of
    the paper that states it (the fact's cue word in it, the answer not part of a date) and shares most of the
    question's words."""
    drawn = cases.paper_fact(seed, rng, council)
    if drawn is None:
        return None
    paper, fact = drawn
    answers = (fact.answer, fact.answer.removeprefix("Councillor "))
    text = paper.text
    asked = set(terms(fact.question))
    best, score = [], -1
    for start, end in prose_sentence_spans(text):
        sentence = text[start:end]
        place = _occurrences(sentence, answers)
        if len(place) != 1 or FACT_CUES.get(fact.kind, "") not in sentence or any(
                place[0][0] >= sentence.find(p.text) and place[0][1] <= sentence.find(p.text) + len(p.text)
                for p in find_periods(sentence)):
            continue
        shared = len(asked & set(terms(sentence)))
        if shared > score:
            best, score = [(start, sentence)], shared
        elif shared == score:
            best.append((start, sentence))
    if not best:
        return None
    start, sentence = rng.choice(best)
    header = ""
    if "\t" in sentence:
        lines = text.split("\n")
        index = text.count("\n", 0, start)
        header = _header_of(lines, index) if _header_of(lines, index) != lines[index] else ""
    return cases.Case("facts", fact.question, sentence, answers, council, header)


def row(seed: int, index: int) -> dict | None:
    """Row `index` of the data for `seed`: a pure function of both."""
    kind, rng, council = cases.case(seed, index)
    for _ in range(ATTEMPTS):
        case = fact_case(seed, rng, council) if kind == "facts" else cases.draw(kind, rng, council)
        made = label(case) if case is not None else None
        if made is not None:
            return made
    return None


def generate(rows: int, seed: int) -> list[dict]:
    return [r for r in (row(seed, i) for i in range(rows)) if r is not None]


# -- what the data holds --------------------------------------------------------------------------------
def _inside(row: dict) -> bool:
    """Whether a row's added answer lies inside a span the archive proposed ("nine" in "five to nine")."""
    added = next(c for c in row["candidates"] if c["kind"] == "added")
    return any(c["start"] <= added["start"] < c["start"] + len(c["span"]) for c in row["candidates"]
               if c["kind"] not in ("added", "sentence"))


def summary(data: list[dict]) -> dict:
    by_class = Counter(r["class"] for r in data)
    answerable = [r for r in data if r["proposed"] is not None]
    missed = Counter(r["class"] for r in answerable if not r["proposed"])
    inside = Counter(r["class"] for r in answerable if not r["proposed"] and _inside(r))
    return {
        "rows": len(data), "groups": len({r["group"] for r in data}),
        "classes": {c: {"rows": by_class[c], "answer not proposed": missed[c], "inside a longer span": inside[c]}
                    for c in sorted(by_class)},
        "answerable": len(answerable),
        "proposed_share": round(sum(r["proposed"] for r in answerable) / max(1, len(answerable)), 3),
        "candidates_per_row": round(sum(len(r["candidates"]) for r in data) / max(1, len(data)), 2),
        "wrong_per_row": round(sum(sum(not c["label"] for c in r["candidates"]) for r in data) / max(1, len(data)), 2),
        "one_right": sum(sum(c["label"] for c in r["candidates"]) == 1 for r in answerable),
    }


def real_sentences(paths: list[Path]) -> list[str]:
    from archive.build.ingest import read_pages

    out = []
    for path in paths:
        text = "\n".join(read_pages(path))
        out += [text[a:b] for a, b in prose_sentence_spans(text)]
    return [s for s in out if s.strip()]


def sentence_stats(sentences: list[str]) -> dict:
    query = parse_query(NEUTRAL)
    lengths, counts, figures, rows, dated, named = [], [], 0, 0, 0, 0
    for sentence in sentences:
        spans = [(s, k) for s, k, _ in spans_of(sentence, query, query.expected) if k != "sentence"]
        lengths.append(len(sentence.split()))
        counts.append(len(spans))
        figures += sum(k in NUMERIC for _, k in spans) >= 2
        rows += "\t" in sentence
        dated += any(k == "date" for _, k in spans)
        named += any(k == "person" for _, k in spans)
    n = max(1, len(sentences))
    return {"sentences": len(sentences), "words_mean": round(statistics.fmean(lengths or [0]), 1),
            "words_median": statistics.median(lengths or [0]),
            "candidates_mean": round(statistics.fmean(counts or [0]), 2),
            "two_figures": round(figures / n, 3), "table_rows": round(rows / n, 3), "with_date": round(dated / n, 3),
            "with_person": round(named / n, 3)}


def realism(data: list[dict]) -> dict[str, dict]:
    """The generated sentences beside the shipped papers' and the real-format held-out sets', all of them and
    those with at least one figure."""
    shipped = real_sentences(sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".pdf", ".html")))
    heldout = real_sentences(sorted(p for p in (ROOT / "eval" / "heldout").glob("*/corpus/*")
                                    if p.suffix in (".txt", ".pdf", ".html")))
    generated = sorted({r["sentence"] for r in data})
    query = parse_query(NEUTRAL)

    def with_figure(sentences: list[str]) -> list[str]:
        return [s for s in sentences if any(k in NUMERIC for _, k, _ in spans_of(s, query, query.expected))]

    return {name: sentence_stats(sentences) for name, sentences in (
        ("shipped papers", shipped), ("held-out sets", heldout), ("generated", generated),
        ("shipped, with a figure", with_figure(shipped)), ("held-out, with a figure", with_figure(heldout)),
        ("generated, with a figure", with_figure(generated)))}


STAT_NAMES = (("sentences", "sentences and rows"), ("words_mean", "words, mean"), ("words_median", "words, median"),
              ("candidates_mean", "typed spans per sentence"), ("two_figures", "share with 2+ figures"),
              ("table_rows", "share of table rows"), ("with_date", "share with a date"),
              ("with_person", "share with a name or role"))


def report(stats: dict, table: dict[str, dict], command: str) -> str:
    lines = ["# Reader training data (benchmarks/reader_data.py)", "", f"`{command}`", "",
             f"{stats['rows']} rows over {stats['groups']} invented councils; {stats['answerable']} answerable, "
             f"the archive's candidates propose the answer in **{stats['proposed_share']:.1%}** of them "
             f"(candidate recall on these classes); {stats['candidates_per_row']} candidates per row "
             f"({stats['wrong_per_row']} wrong). An answer not proposed is added as a right candidate; 'inside' counts "
             "those that lie inside a longer span the archive proposed (\"five to nine\" for \"nine\").", "",
             "| class | rows | answer not proposed | of them inside a longer span |", "|---|---:|---:|---:|"]
    for name, counts in stats["classes"].items():
        lines.append(f"| {name} | {counts['rows']} | {counts['answer not proposed']} "
                     f"| {counts['inside a longer span']} |")
    lines += ["", "## Realism: generated sentences beside real-format papers", "",
              f"Typed spans are `spans_of` for a neutral question ({NEUTRAL!r}), the whole sentence left out. "
              "Shipped papers: corpus/ (real published papers); held-out sets: eval/heldout/*/corpus.", "",
              "| | " + " | ".join(table) + " |", "|---|" + "---:|" * len(table)]
    for key, title in STAT_NAMES:
        lines.append(f"| {title} | " + " | ".join(str(t[key]) for t in table.values()) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report", type=Path, default=REPORT, help="where the summary and realism table go")
    args = parser.parse_args()
    started = time.time()
    data = generate(args.rows, args.seed)
    with open(args.out, "w", encoding="utf-8") as handle:
        for r in data:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    stats = summary(data)
    print(f"wrote {len(data)} rows to {args.out} in {time.time() - started:.0f}s", flush=True)
    text = report(stats, realism(data), f"benchmarks/reader_data.py {args.out.name} --rows {args.rows} "
                                        f"--seed {args.seed}")
    print(text)
    if args.report:
        args.report.write_text(text)


if __name__ == "__main__":
    main()
