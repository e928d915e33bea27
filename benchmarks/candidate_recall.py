"""Candidate recall: for how many answerable questions is a right answer among the candidates the
answer path proposes? The selector can only pick what is proposed, so this caps answer accuracy.

    .venv/bin/python benchmarks/candidate_recall.py --index-dir index-heldout [--sets councils-d ...]
        [--out benchmarks/results/candidate_recall.md] [--misses misses.json]

For each answerable question of eval/heldout/<set>/questions.jsonl, the candidates are the answer
path's (`Archive.answer_candidates`: the top passages, every span of every sentence). A candidate is
right as the selector's training labels say (evaluate/train.label): the span holds an accepted answer
and its passage holds the evidence. Reported per set:

- recall: a right candidate among all the candidates;
- typed: a right candidate other than a whole sentence (a sentence holds its answer, but is a poor one);
- top 30: a right candidate among the shipped selector's 30 best of those it is offered (the kinds it was
  trained on);
- passage: a passage holding the evidence was found at all (the most candidates can reach);
- candidates: how many candidates a question gets, on average.

The misses are grouped by the kind of the accepted answer (read from its text: money, percent,
figure, number in words, date, time, duration, role, name, or open text), with a few examples each.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one
SETS = ("herefordshire", "councils-a", "councils-b", "councils-c", "councils-d")
TOP = 30
EXAMPLES = 3

_NUMBER_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                           r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
                           r"|eighty|ninety|hundred|thousand)\b", re.I)
_ROLE = re.compile(r"\b(?:director|head|leader|chair\w*|cabinet member|officer|manager|nurse|mayor|executive)\b", re.I)
_MONTH = re.compile(r"(?:january|february|march|april|may|june|july|august|september|october|november|december)", re.I)
_DURATION = re.compile(r"\b(?:weeks?|months?|days?|years?|hours?|minutes?)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s?(?:am|pm)?\b|\b\d{1,2}\s?(?:am|pm)\b", re.I)
_PERSON = re.compile(r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Miss)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}$")


def answer_kind(answer: str) -> str:
    """The kind of an accepted answer, from its text alone."""
    from archive.dates import find_periods

    text = answer.strip()
    if "£" in text:
        return "money"
    if "%" in text or re.search(r"\bper ?cent\b", text, re.I):
        return "percent"
    if _TIME.fullmatch(text):
        return "time"
    if _DURATION.search(text) and (re.search(r"\d", text) or _NUMBER_WORDS.search(text)):
        return "duration"
    periods = find_periods(text)
    if (periods and sum(len(p.text) for p in periods) >= 0.6 * len(text)) or _MONTH.fullmatch(text):
        return "date"
    if re.fullmatch(r"[\d,.]+", text):
        return "figure"
    lowered = text.lower()
    if re.fullmatch(r"[a-z -]+", lowered) and all(_NUMBER_WORDS.fullmatch(w) or w == "and"
                                                  for w in re.split(r"[\s-]+", lowered) if w):
        return "number words"
    if re.search(r"\d", text) and len(text.split()) <= 4:
        return "figure"
    if _ROLE.search(text):
        return "role"
    if _PERSON.match(text) and not re.match(r"^(?:The|A|An)\b", text):
        return "name"
    return "open text"


def kind_of(item: dict) -> str:
    """The kind of a question's answer: of its first accepted answer (the others are spellings of it)."""
    return answer_kind(item["answers"][0])


def measure(archive, items: list[dict], selector) -> dict:
    from archive.evaluate.train import label

    rows = []
    for item in items:
        if not item.get("answers"):
            continue
        evidence, found = archive.answer_candidates(item["question"])
        labels = [label(c, item) for c in found]
        offered = found  # what the answer path offers the shipped selector: the kinds it was trained on
        if any(c.kind not in selector.kinds for c in found):
            offered = archive.answer_candidates(item["question"], every_kind=False)[1]
        order = selector.scores(offered).argsort()[::-1][:TOP].tolist() if offered else []
        rows.append({
            "id": item.get("id"), "question": item["question"], "answers": item["answers"],
            "kind": kind_of(item), "expected": evidence.query.expected, "candidates": len(found),
            "hit": any(labels), "typed": any(y and c.kind != "sentence" for y, c in zip(labels, found, strict=True)),
            "top": any(label(offered[i], item) for i in order),
            "passage": any(_holds(p.hit, item) for p in evidence.passages),
            "refused": archive.refusal(item["question"]) is not None,
            "evidence": item.get("evidence", []),
            "sentences": _evidence_sentences(evidence, item),
        })
    return {"rows": rows}


def _holds(hit, item: dict) -> bool:
    from archive.evaluate.metrics import holds_evidence

    return holds_evidence(hit, item.get("evidence") or [])


def _evidence_sentences(evidence, item: dict) -> list[str]:
    """The sentences of passages holding the evidence that hold an accepted answer (for reading a miss)."""
    from archive.evaluate.metrics import contains_tokens

    out = []
    for passage in evidence.passages:
        if not _holds(passage.hit, item):
            continue
        for a, b in passage.sentence_spans:
            sentence = passage.chunk.text[a:b]
            if any(contains_tokens(sentence, answer) for answer in item["answers"]) and sentence not in out:
                out.append(sentence)
    return out[:2]


def share(rows: list[dict], key: str) -> float:
    return sum(r[key] for r in rows) / max(1, len(rows))


def table(results: dict[str, list[dict]], before: dict[str, list[dict]] | None = None) -> list[str]:
    """One row per set and one over all; with `before` (an earlier run's rows), its recall and candidates."""
    then = " recall before | candidates before |" if before else ""
    lines = [f"| set | answerable |{then} recall | typed | top 30 | passage | recall where found | candidates |",
             "|---|---:|" + "---:|" * (8 if before else 6)]
    everything = [r for rows in results.values() for r in rows]
    earlier = {name: (before or {}).get(name, []) for name in results}
    earlier["all"] = [r for rows in earlier.values() for r in rows]
    for name, rows in [*results.items(), ("all", everything)]:
        found = [r for r in rows if r["passage"]]
        old = f" {share(earlier[name], 'hit'):.3f} | {_mean(earlier[name]):.0f} |" if before else ""
        lines.append(f"| {name} | {len(rows)} |{old} {share(rows, 'hit'):.3f} | {share(rows, 'typed'):.3f} | "
                     f"{share(rows, 'top'):.3f} | {share(rows, 'passage'):.3f} | {share(found, 'hit'):.3f} | "
                     f"{_mean(rows):.0f} |")
    return lines


def _mean(rows: list[dict]) -> float:
    return sum(r["candidates"] for r in rows) / max(1, len(rows))


def misses(results: dict[str, list[dict]], before: dict[str, list[dict]] | None = None) -> list[str]:
    everything = [r for rows in results.values() for r in rows]
    kinds = Counter(r["kind"] for r in everything)
    missed: dict[str, list[dict]] = defaultdict(list)
    for row in everything:
        if not row["hit"]:
            missed[row["kind"]].append(row)
    earlier = Counter(r["kind"] for name in results for r in (before or {}).get(name, []) if not r["hit"])
    then = " missed before |" if before else ""
    lines = [f"| answer kind | questions |{then} missed | of which no passage holds the evidence |",
             "|---|---:|" + "---:|" * (3 if before else 2)]
    for kind in sorted(set(missed) | set(earlier), key=lambda k: (-len(missed.get(k, [])), -earlier[k])):
        rows = missed.get(kind, [])
        old = f" {earlier[kind]} |" if before else ""
        lines.append(f"| {kind} | {kinds[kind]} |{old} {len(rows)} | {sum(not r['passage'] for r in rows)} |")
    for kind, rows in sorted(missed.items(), key=lambda item: -len(item[1])):
        lines += ["", f"**{kind}**", ""]
        found = [r for r in rows if r["passage"]] or rows
        for row in found[:EXAMPLES]:
            where = f" — in: \"{_short(row['sentences'][0])}\"" if row["sentences"] else \
                ("" if row["passage"] else " — no passage found holds the evidence")
            lines.append(f"- {row['id']} ({row['expected']}): \"{row['question']}\" → \"{row['answers'][0]}\"{where}")
    return lines


def _short(text: str, most: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "candidate_recall.md")
    parser.add_argument("--misses", type=Path, default=None, help="JSON of every answerable question's row.")
    parser.add_argument("--before", type=Path, default=None, help="An earlier run's --misses JSON, to compare.")
    args = parser.parse_args()

    from archive import Archive
    from archive.ask.select.selector import AnswerSelector
    from archive.evaluate.metrics import load_questions

    before = json.loads(args.before.read_text()) if args.before else None
    archive = Archive.open(args.index_dir)
    selector = AnswerSelector.load()
    results = {}
    for name in args.sets:
        items = load_questions(ROOT / "eval" / "heldout" / name / "questions.jsonl")
        results[name] = measure(archive, items, selector)["rows"]
        print(f"{name}: recall {share(results[name], 'hit'):.3f}", file=sys.stderr)
    lines = ["# Candidate recall", "",
             "A right answer among the candidates the answer path proposes, for the answerable questions of each",
             "held-out set (right: as the selector's training labels, the span holds an accepted answer and its",
             "passage the evidence). typed: not counting whole sentences. top 30: among the shipped selector's",
             "30 best of what it is offered. passage: a passage holding the evidence was found at all (recall can",
             "be no higher); recall where found: of the questions with such a passage. before: an earlier run's",
             "(--before, from the code before this work).", "",
             f"    .venv/bin/python benchmarks/candidate_recall.py {' '.join(sys.argv[1:])}", "",
             *table(results, before), "", "## Misses by the kind of the accepted answer", "", *misses(results, before),
             ""]
    args.out.write_text("\n".join(lines))
    print("\n".join(table(results, before)))
    if args.misses:
        args.misses.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
