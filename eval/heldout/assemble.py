"""Put the shipped papers and the invented councils' papers in one corpus directory, as a user
would index them side by side, with one manifest.

    python eval/heldout/assemble.py OUT_DIR [SET ...]
    archive index OUT_DIR --index-dir index-heldout
    archive eval eval/heldout/councils-a/questions.jsonl --index-dir index-heldout --mode all
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HELDOUT = ROOT / "eval" / "heldout"
# the shipped papers, then every invented councils' set (eval/heldout/NAME/corpus)
SOURCES = [ROOT / "corpus", *sorted(HELDOUT.glob("*/corpus"))]


def sources(sets: list[str] | None = None) -> list[Path]:
    """The shipped corpus and the named sets' papers (every set's when none is named; a set of
    questions on the shipped papers has none of its own)."""
    if sets is None:
        return SOURCES
    return [ROOT / "corpus", *(HELDOUT / name / "corpus" for name in sets if (HELDOUT / name / "corpus").is_dir())]


def assemble(out: Path, sets: list[str] | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    rows, columns = [], ["file"]
    for source in sources(sets):
        with open(source / "manifest.csv", newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            columns += [c for c in reader.fieldnames or [] if c not in columns]
            rows.extend(reader)
        for path in source.iterdir():
            if path.name != "manifest.csv":
                shutil.copy2(path, out / path.name)
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    print(f"{assemble(Path(sys.argv[1]), sys.argv[2:] or None)} papers in {sys.argv[1]}")
