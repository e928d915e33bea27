"""Every output a user sees, written to one directory, so two versions of the code can be compared
byte for byte (a restructuring must change none of them).

    .venv/bin/python benchmarks/snapshot_outputs.py OUT_DIR --index-dir index-heldout
    diff -r before/ after/

Written: `archive eval --mode all`, `ask --jsonl` and `search --jsonl` for every question set
(eval/questions.jsonl, tests/data/questions_extra.jsonl, eval/heldout/*/questions.jsonl), and
`commitments`, `questions`, `glossary` and `figures` for a few measures as JSON, and the HTTP API's
answers to the same kinds of request. Build the index with `make eval-heldout` (or
eval/heldout/assemble.py and `archive index`) so that every set's papers are in it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = str(Path(sys.executable).parent / "archive")
MEASURES = ("children in care", "UASC", "foster carers", "council tax", "agency social workers")
API_REQUESTS = (
    "/ask?q=What+was+the+UASC+figure+in+January+2024",
    "/ask?q=Who+chaired+the+meeting&council=Herefordshire",
    "/search?q=kinship+carers&k=5",
    "/search?q=budget+overspend&k=3&mode=lexical",
    "/commitments?status=overdue",
    "/figures?measure=children+in+care",
    "/questions?text=parking",
    "/meetings",
    "/ask?q=",
    "/search?q=x&k=0",
)


def question_sets() -> list[Path]:
    return [ROOT / "eval" / "questions.jsonl", ROOT / "tests" / "data" / "questions_extra.jsonl",
            *sorted((ROOT / "eval" / "heldout").glob("*/questions.jsonl"))]


def run(args: list[str], out: Path, stdin: str | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run([ARCHIVE, *args], input=stdin, capture_output=True, text=True, check=False)
    out.write_text(result.stdout + (f"\n[exit {result.returncode}]\n{result.stderr[-2000:]}"
                                    if result.returncode else ""), encoding="utf-8")
    return time.perf_counter() - started


def api(index_dir: Path, out: Path) -> None:
    from fastapi.testclient import TestClient

    from archive.api.app import create_app
    from archive.core import Archive

    client = TestClient(create_app(Archive.open(index_dir)))
    lines = []
    for path in API_REQUESTS:
        response = client.get(path)
        lines.append(f"{path} {response.status_code} {response.text}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--skip-eval", action="store_true", help="ask and search only (quicker)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    index = ["--index-dir", str(args.index_dir)]
    timings = {}
    for path in question_sets():
        name = path.parent.name if path.parent.parent.name == "heldout" else path.stem
        questions = "\n".join(json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip())
        timings[f"ask {name}"] = run(["ask", "--jsonl", *index], args.out / f"ask-{name}.jsonl", questions + "\n")
        timings[f"search {name}"] = run(["search", "--jsonl", *index], args.out / f"search-{name}.jsonl",
                                        questions + "\n")
        if not args.skip_eval:
            timings[f"eval {name}"] = run(["eval", str(path), "--mode", "all", *index], args.out / f"eval-{name}.txt")
    run(["commitments", "--json", *index], args.out / "commitments.json")
    run(["questions", "--json", *index], args.out / "questions.json")
    run(["glossary", *index], args.out / "glossary.txt")
    for measure in MEASURES:
        run(["figures", measure, "--json", *index], args.out / f"figures-{measure.replace(' ', '-')}.json")
    api(args.index_dir, args.out / "api.txt")
    for name, seconds in timings.items():
        print(f"{name}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
