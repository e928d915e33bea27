"""The index on disk: generations, the CURRENT pointer, the manifest and its versions.

`index/CURRENT` names the live generation (`gen-<timestamp>/`), which holds `archive.db`,
`vectors.npy` (and `vectors.ivf` when large: archive/index/dense.py) and `manifest.json`. A build
writes a new generation beside it and swaps the pointer atomically, so an interrupted build never
replaces a good index.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from archive.errors import IndexMismatchError, IndexMissingError

FORMAT_VERSION = 7  # 2: questions table, page labels; 3: term_df; 4: commitments; 5: vectors.npy + ANN, chunk dates;
#                     6: documents.ocr_pages; 7: sentences table + sentences.npy, chunks.kinds,
#                     ocr_words (scanned pages' word boxes), appearances, people, recommendations,
#                     resolutions, decisions
# Bump when reading, splitting or chunking changes what a paper yields: unchanged papers are then
# read again instead of being copied from the previous generation.
PARSER_VERSION = 8  # 3: question numbers normalised; 4: seasons, parts of years, misspelt months, day-month;
#                     5: scanned pages read by OCR; 6: minuted items, question-and-answer minutes as parts;
#                     7: a table row with a full date or running text is data, not a header;
#                     8: an HTML table's rows on consecutive lines (no blank line from the layout), a
#                     long action-log row still a row, a table's heading not a chunk of its own
CURRENT = "CURRENT"
DATABASE = "archive.db"
MANIFEST = "manifest.json"


def default_index_dir() -> Path:
    return Path(os.environ.get("ARCHIVE_INDEX_DIR", "index"))


def beside_generations(name: str, override_env: str, index_dir: Path | str | None = None) -> Path:
    """A file kept in the index directory outside the generations (readers' feedback, saved
    searches), so rebuilding never loses it; `override_env` names an environment variable that
    places it elsewhere."""
    override = os.environ.get(override_env)
    if override:
        return Path(override)
    return Path(index_dir or default_index_dir()) / name


def current_generation(index_dir: Path) -> Path | None:
    pointer = Path(index_dir) / CURRENT
    if not pointer.exists():
        return None
    generation = Path(index_dir) / pointer.read_text().strip()
    return generation if generation.is_dir() else None


def read_manifest(generation: Path) -> dict:
    return json.loads((generation / MANIFEST).read_text())


def open_generation(index_dir: Path) -> tuple[Path, dict]:
    """The live generation and its manifest; a named error when there is none or it is another format."""
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexMissingError(f"no index in {index_dir}: run `archive index` first")
    manifest = read_manifest(generation)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index in {index_dir} has format {manifest.get('format_version')}, this version reads "
            f"{FORMAT_VERSION}: rebuild it with `archive index`"
        )
    return generation, manifest


def check_embedder(index_dir: Path, manifest: dict, name: str, dim: int) -> None:
    if name != manifest["model"] or dim != manifest["dim"]:
        raise IndexMismatchError(
            f"index in {index_dir} was built with {manifest['model']} ({manifest['dim']} dims) but "
            f"the embedder is {name} ({dim} dims): rebuild it with `archive index`"
        )


def embedder_choice(model_name: str) -> str:
    """The embedder an index was built with, by the name its manifest records."""
    if model_name.startswith("hash"):
        return "hash"
    if model_name.endswith("-onnx-int8"):
        return "onnx"
    if model_name.endswith("-onnx"):
        return "onnx-fp32"
    return "minilm"


def publish(index_dir: Path, building: Path, generation: Path, manifest: dict) -> None:
    """Write the manifest, move the finished build into place and point CURRENT at it."""
    (building / MANIFEST).write_text(json.dumps(manifest, indent=2))
    os.replace(building, generation)
    pointer_tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    pointer_tmp.write_text(generation.name + "\n")
    with open(pointer_tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer_tmp, index_dir / CURRENT)


def remove_old_generations(index_dir: Path, keep: str, previous: str | None = None) -> None:
    """Every generation but `keep` and `previous` (the one readers were using until `keep` was
    published: a server still answering from it finds it there until it switches to the new one)."""
    kept = {keep, previous}
    for path in index_dir.iterdir():
        if path.is_dir() and path.name not in kept and path.name.startswith(("gen-", ".building-")):
            # a .building dir from a killed run is left by a dead process; a live build makes its own
            shutil.rmtree(path, ignore_errors=True)
