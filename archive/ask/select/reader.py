"""The trained reader: a small cross-encoder, fine-tuned from the shipped all-MiniLM-L6-v2, that reads
the question with one candidate span marked in its sentence and scores whether that span answers it.

It ships inside the package as int8 ONNX (`ask/models/reader-int8.onnx`, with `reader.json`: its
version, what it was trained on and its held-out figures) and runs on onnxruntime with the shipped
model's tokenizer: answering never imports torch. `benchmarks/train_reader.py` writes both.
Only the selector's best few candidates are read (`READ`), each in a window of its own sentence.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from archive import tables
from archive.ask.select.selector import MODELS

NAME = "reader"
MAX_TOKENS = 96  # question and marked window together
WINDOW_WORDS = 12  # words of the sentence kept on each side of the span (the model's own in reader.json)
OPEN, CLOSE = "<<", ">>"  # the span's marks, as plain tokens the tokenizer already knows


def marked(sentence: str, start: int, end: int, words: int = WINDOW_WORDS) -> str:
    """The span at sentence[start:end] between marks, with up to `words` words of the sentence on each
    side ("... fell from 41% in May 2022 to << 58% >> in May 2023")."""
    before = sentence[:start].split()[-words:]
    after = sentence[end:].split()[:words]
    return " ".join([*before, OPEN, " ".join(sentence[start:end].split()), CLOSE, *after])


def window(sentence: str, start: int, end: int, header: str = "", words: int = WINDOW_WORDS) -> str:
    """What the reader reads of a candidate: its marked window and, for a table row, the name of the
    column the span sits in ("... << 57.1 >> (3.2) | column: Forecast outturn £m")."""
    text = marked(sentence, start, end, words)
    if not header or "\t" not in sentence:
        return text
    columns = tables.column_names([line for line in header.split("\n") if "\t" in line])
    position = sentence[:start].count("\t")
    return f"{text} | column: {columns[position]}" if position < len(columns) and columns[position] else text


def model_file() -> Path:
    return Path(os.environ.get("ARCHIVE_READER", MODELS / f"{NAME}-int8.onnx"))


class Reader:
    """Scores (question, marked window) pairs: a logit, higher when the span answers the question."""

    def __init__(self, path: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        from archive.index.embed import model_path

        meta_path = path.with_name(f"{NAME}.json")
        self.meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        self.tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=int(self.meta.get("max_tokens", MAX_TOKENS)))
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    @property
    def version(self) -> int:
        return int(self.meta.get("version", 0))

    @property
    def window_words(self) -> int:
        return int(self.meta.get("window_words", WINDOW_WORDS))

    def scores(self, question: str, windows: list[str]) -> np.ndarray:
        """One logit per window, read in one padded batch."""
        if not windows:
            return np.zeros(0, dtype=np.float32)
        encodings = self.tokenizer.encode_batch([(question, w) for w in windows])
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        types, mask = np.zeros_like(ids), np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            types[row, : len(encoding.ids)] = encoding.type_ids
            mask[row, : len(encoding.ids)] = 1
        out = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        return out.reshape(-1).astype(np.float32)


@lru_cache(maxsize=1)
def shipped() -> Reader | None:
    """The shipped reader, loaded on first use; None when the package holds none."""
    path = model_file()
    return Reader(path) if path.exists() else None
