"""The archive's FTS5 expressions (ask/query.fts_query, ask/follow_ups: quoted phrases joined by
AND / OR, with parentheses) as PostgreSQL tsqueries, tokenised exactly as FTS5 tokenises them.

The lexical side must rank as FTS5's bm25() does, so both sides must see the same tokens: the
published `terms` column holds FTS5's own tokens (read from the FTS index at publish time), and a
query's phrases are tokenised here by SQLite's FTS5 'porter unicode61' tokenizer itself, in an
in-memory table, rather than by a look-alike stemmer."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache

_LEXER = re.compile(r'\s*(?:"((?:[^"]|"")*)"|(\()|(\))|\b(AND|OR|NOT)\b|([^\s()"]+))')

_tokenizer_lock = threading.Lock()
_tokenizer: sqlite3.Connection | None = None


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """FTS5's tokens of a text ('porter unicode61'), in order."""
    global _tokenizer
    with _tokenizer_lock:
        if _tokenizer is None:
            _tokenizer = sqlite3.connect(":memory:", check_same_thread=False)
            _tokenizer.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
            _tokenizer.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
        _tokenizer.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (text,))
        found = tuple(row[0] for row in _tokenizer.execute("SELECT term FROM v ORDER BY offset"))
        _tokenizer.execute("DELETE FROM t")
    return found


@dataclass(frozen=True)
class Node:
    kind: str  # phrase | and | or | not
    children: tuple[Node, ...] = ()
    words: tuple[str, ...] = ()  # a phrase's tokens


@dataclass(frozen=True)
class Translation:
    tsquery: str  # "" when nothing can match
    phrases: tuple[tuple[str, ...], ...]  # every phrase of the expression, repeats kept (bm25 sums over them)


def _parse(expression: str) -> Node:
    items = []
    for match in _LEXER.finditer(expression):
        quoted, opening, closing, operator, bare = match.groups()
        if quoted is not None:
            items.append(("phrase", quoted.replace('""', '"')))
        elif bare is not None:
            items.append(("phrase", bare))
        elif opening:
            items.append(("(", ""))
        elif closing:
            items.append((")", ""))
        elif operator:
            items.append((operator, ""))
    position = 0

    def peek() -> str | None:
        return items[position][0] if position < len(items) else None

    def take():
        nonlocal position
        position += 1
        return items[position - 1]

    # FTS5's precedence: NOT binds tightest, then AND (also implicit), then OR
    def or_expr() -> Node:
        parts = [and_expr()]
        while peek() == "OR":
            take()
            parts.append(and_expr())
        return parts[0] if len(parts) == 1 else Node("or", tuple(parts))

    def and_expr() -> Node:
        parts = [not_expr()]
        while peek() in ("AND", "phrase", "("):
            if peek() == "AND":
                take()
            parts.append(not_expr())
        return parts[0] if len(parts) == 1 else Node("and", tuple(parts))

    def not_expr() -> Node:
        node = primary()
        while peek() == "NOT":
            take()
            node = Node("not", (node, primary()))
        return node

    def primary() -> Node:
        kind, text = take() if position < len(items) else (None, "")
        if kind == "phrase":
            return Node("phrase", words=tokens(text))
        if kind == "(":
            node = or_expr()
            if peek() == ")":
                take()
            return node
        raise ValueError(f"not an FTS5 expression this backend reads: {expression!r}")

    node = or_expr()
    if position != len(items):
        raise ValueError(f"not an FTS5 expression this backend reads: {expression!r}")
    return node


def lexeme(token: str) -> str:
    """A token as a tsquery lexeme, quoted."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _render(node: Node) -> str | None:
    """tsquery text, or None for what matches nothing (a phrase with no tokens, as in FTS5)."""
    if node.kind == "phrase":
        if not node.words:
            return None
        return " <-> ".join(lexeme(t) for t in node.words) if len(node.words) > 1 else lexeme(node.words[0])
    rendered = [_render(child) for child in node.children]
    if node.kind == "or":
        kept = [r for r in rendered if r is not None]
        return f"({' | '.join(kept)})" if kept else None
    if node.kind == "and":
        return None if any(r is None for r in rendered) else f"({' & '.join(rendered)})"
    left, right = rendered
    if left is None:
        return None
    return left if right is None else f"({left} & !{right})"


def _phrases(node: Node) -> list[tuple[str, ...]]:
    if node.kind == "phrase":
        return [node.words]
    return [p for child in node.children for p in _phrases(child)]


@lru_cache(maxsize=4096)
def translate(expression: str) -> Translation:
    node = _parse(expression)
    return Translation(_render(node) or "", tuple(p for p in _phrases(node) if p))
