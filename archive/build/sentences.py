"""The build's last pass over the chunks: each read sentence by sentence (index/sentences.py) and a
vector stored per sentence, so that answering a question never splits, dates or embeds a passage's
sentences again. A chunk the previous generation embedded with the same model and text keeps its
sentences' vectors."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from archive.index import sentences as stored
from archive.index import store
from archive.index.embed import Embedder

BATCH = 2048  # chunks per batch
ENCODE_BATCH = 4096  # sentences per call of the embedder


@dataclass(frozen=True)
class SentencePass:
    sentences: int  # rows of sentences.npy
    embedded: int  # sentences encoded now
    reused: int  # sentences whose vectors came from the previous generation


def read_sentences(connection: sqlite3.Connection) -> int:
    """Every chunk's sentences and their dates, stored; returns how many sentences there are."""
    first = 0
    for rows in store.chunk_batches(connection, BATCH, "rowid, heading, text, meeting_date"):
        out = []
        for row in rows:
            reading = stored.SentenceReading.of(row["text"], row["heading"], row["meeting_date"] or "", first)
            out.append((row["rowid"], first, len(reading.spans), reading.dumps()))
            first += len(reading.spans)
        store.write_sentences(connection, out)
    return first


def embed_sentences(connection: sqlite3.Connection, building: Path, embedder: Embedder, total: int,
                    previous: np.ndarray | None, progress: bool) -> SentencePass:
    """sentences.npy: each stored sentence's vector, copied from `previous` (the previous generation's
    sentences.npy, the `old` database attached) for a chunk with the same embedding key, else encoded."""
    from tqdm import tqdm

    matrix = stored.open_matrix(building / stored.MATRIX, total, embedder.dim)
    reuse = previous is not None and previous.shape[1] == embedder.dim
    embedded = reused = 0
    bar = tqdm(total=total, desc="Sentences", unit="sentence", disable=not progress)
    pending: list[tuple[int, str]] = []  # (row, sentence) waiting to be encoded

    def flush() -> None:
        nonlocal embedded
        if pending:
            order = sorted(range(len(pending)), key=lambda i: len(pending[i][1]))  # less padding
            vectors = embedder.encode([pending[i][1] for i in order])
            matrix[np.array([pending[i][0] for i in order], dtype=np.int64)] = vectors
            embedded += len(pending)
            pending.clear()

    columns = "rowid, text, embed_hash"
    for rows in store.chunk_batches(connection, BATCH, columns):
        readings = store.sentence_rows(connection, [r["rowid"] for r in rows])
        before = store.previous_rows_by_hash(connection, [r["embed_hash"] for r in rows]) if reuse else {}
        old = store.previous_sentences(connection, list(before.values())) if before else {}
        for row in rows:
            first, text = readings[row["rowid"]]
            reading = stored.SentenceReading.loads(text, first)
            count = len(reading.spans)
            kept = old.get(before.get(row["embed_hash"], -1))
            if kept is not None and kept[1] == count:
                matrix[first : first + count] = previous[kept[0] : kept[0] + count]
                reused += count
            else:
                pending.extend((first + i, row["text"][a:b]) for i, (a, b) in enumerate(reading.spans))
            if len(pending) >= ENCODE_BATCH:
                flush()
            bar.update(count)
    flush()
    bar.close()
    matrix.flush()
    return SentencePass(total, embedded, reused)
