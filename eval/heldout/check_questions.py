#!/usr/bin/env python3
"""Validate a held-out question file against a corpus directory.

Usage: python eval/heldout/check_questions.py QUESTIONS.jsonl CORPUS_DIR

Checks, for every line of QUESTIONS.jsonl:
  * the line parses as a JSON object with the required fields
    (id, question, answers, evidence, file, council, kind);
  * ids are unique;
  * "kind" is one of the known kinds;
  * unanswerable questions (answers == []) also have evidence == [];
  * answerable questions name an existing file in CORPUS_DIR, and each
    evidence string (4-15 lowercase \\w+ tokens) occurs in that file as a
    contiguous run of lowercase \\w+ tokens (punctuation, tabs, newlines
    ignored);
  * at least one accepted answer's tokens occur contiguously in the file
    within WINDOW characters of some occurrence of some evidence string.

Prints every failure, the share of unanswerable questions and counts per
kind. Exit status is 1 if any check failed, else 0. Standard library only.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser
from collections import Counter

KINDS = {
    "figure-date", "figure", "table", "person", "place", "date", "time",
    "duration", "decision", "qa", "money", "rate", "commitment", "vote", "change", "status",
}
REQUIRED = ("id", "question", "answers", "evidence", "file", "council", "kind")
WINDOW = 300  # characters either side of the evidence span
MIN_EV_TOKENS, MAX_EV_TOKENS = 4, 15

TOKEN_RE = re.compile(r"\w+")


def tokens_with_spans(text):
    """Lowercase \\w+ tokens of text with their (start, end) char offsets."""
    return [(m.group(0).lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def tokens(text):
    return [t.lower() for t in TOKEN_RE.findall(text)]


def find_runs(doc_tokens, needle):
    """All start indices where the token list needle occurs in doc_tokens."""
    if not needle:
        return []
    words = [t for t, _, _ in doc_tokens]
    n = len(needle)
    first = needle[0]
    return [i for i, w in enumerate(words)
            if w == first and words[i:i + n] == needle]


class _Visible(HTMLParser):
    """The text a reader sees: tags dropped, each block and cell on its own line."""

    BLOCKS = {"p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "table", "section"}

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html):
    parser = _Visible()
    parser.feed(html)
    return "".join(parser.parts)


class Corpus:
    def __init__(self, root):
        self.root = root
        self._cache = {}

    def get(self, name):
        if name not in self._cache:
            path = os.path.join(self.root, name)
            if not os.path.isfile(path):
                self._cache[name] = None
            else:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                if name.lower().endswith((".html", ".htm")):
                    text = visible_text(text)
                self._cache[name] = tokens_with_spans(text)
        return self._cache[name]


def check(questions_path, corpus_dir):
    corpus = Corpus(corpus_dir)
    failures = []
    seen_ids = {}
    kinds = Counter()
    kinds_unans = Counter()
    total = unanswerable = 0

    with open(questions_path, encoding="utf-8") as fh:
        lines = fh.readlines()

    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"line {lineno}"
        try:
            q = json.loads(raw)
        except json.JSONDecodeError as exc:
            failures.append(f"{where}: JSON parse error: {exc}")
            continue
        if not isinstance(q, dict):
            failures.append(f"{where}: not a JSON object")
            continue
        total += 1
        qid = q.get("id")
        where = f"line {lineno} ({qid})"
        missing = [k for k in REQUIRED if k not in q]
        if missing:
            failures.append(f"{where}: missing fields {missing}")
            continue
        if qid in seen_ids:
            failures.append(f"{where}: duplicate id (first on line {seen_ids[qid]})")
        else:
            seen_ids[qid] = lineno
        if not isinstance(q["question"], str) or not q["question"].strip():
            failures.append(f"{where}: empty question")
        answers, evidence = q["answers"], q["evidence"]
        if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
            failures.append(f"{where}: answers must be a list of non-empty strings")
            continue
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            failures.append(f"{where}: evidence must be a list of strings")
            continue
        kind = q["kind"]
        kinds[kind] += 1
        if kind not in KINDS:
            failures.append(f"{where}: unknown kind {kind!r}")

        if not answers:
            unanswerable += 1
            kinds_unans[kind] += 1
            if evidence:
                failures.append(f"{where}: unanswerable question has evidence")
            continue
        if not evidence:
            failures.append(f"{where}: answerable question has no evidence")
            continue

        doc = corpus.get(q["file"])
        if doc is None:
            failures.append(f"{where}: file not found in corpus: {q['file']!r}")
            continue

        spans = []  # (char_start, char_end) of each evidence occurrence
        for ev in evidence:
            ev_toks = tokens(ev)
            if not (MIN_EV_TOKENS <= len(ev_toks) <= MAX_EV_TOKENS):
                failures.append(f"{where}: evidence has {len(ev_toks)} tokens "
                                f"(want {MIN_EV_TOKENS}-{MAX_EV_TOKENS}): {ev!r}")
            runs = find_runs(doc, ev_toks)
            if not runs:
                failures.append(f"{where}: evidence not found in {q['file']}: {ev!r}")
                continue
            for i in runs:
                spans.append((doc[i][1], doc[i + len(ev_toks) - 1][2]))
        if not spans:
            continue

        ok = False
        for ans in answers:
            a_toks = tokens(ans)
            if not a_toks:
                continue
            for i in find_runs(doc, a_toks):
                a_start, a_end = doc[i][1], doc[i + len(a_toks) - 1][2]
                if any(a_start >= s - WINDOW and a_end <= e + WINDOW for s, e in spans):
                    ok = True
                    break
            if ok:
                break
        if not ok:
            failures.append(f"{where}: no accepted answer {answers!r} found within "
                            f"{WINDOW} chars of the evidence in {q['file']}")

    for f in failures:
        print("FAIL", f)
    print()
    print(f"questions: {total}")
    share = (unanswerable / total) if total else 0.0
    print(f"unanswerable: {unanswerable} ({share:.1%})")
    print("counts per kind (total / unanswerable):")
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:12s} {n:4d} / {kinds_unans[kind]}")
    print()
    print(f"{len(failures)} failure(s)" if failures else "all checks passed")
    return 1 if failures else 0


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    return check(argv[1], argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
