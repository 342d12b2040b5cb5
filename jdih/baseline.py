"""The plain BM25 baseline: SQLite FTS5 over the raw text of the same index
entries, for ``jdih eval`` and the search benchmark.

Nothing of our query understanding is used: the query's words are OR-ed
(plain bag-of-words BM25, FTS5's ``bm25()`` with its defaults), the text is
tokenized by FTS5's ``unicode61`` tokenizer (lower case, no stemming, no
stopwords), no citations, abbreviations, field weights or corrections.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Iterable

from .search import entries
from .store import Store

# The words of a query for FTS5: runs of letters and digits. Everything else
# (quotes, operators, slashes, brackets) is dropped so that user text can never
# be read as FTS5 query syntax ("NOT", "-", '"', "*", "(").
FTS_WORD_RE = re.compile(r"[^\W_]+")


class Fts5:
    """An FTS5 table of (key, doc_id, jenis, tahun, text) rows."""

    def __init__(self, path: str | Path = ":memory:"):
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS units USING fts5("
                        "key UNINDEXED, doc_id UNINDEXED, jenis UNINDEXED, tahun UNINDEXED, text, "
                        "tokenize = 'unicode61 remove_diacritics 2')")

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM units").fetchone()[0]

    def add(self, rows: Iterable[tuple[str, str, str, int, str]]) -> None:
        with self.db:
            self.db.executemany("INSERT INTO units (key, doc_id, jenis, tahun, text) VALUES (?, ?, ?, ?, ?)", rows)

    def add_store(self, store: Store, public_only: bool = False) -> None:
        """Every index entry of every stored document, with its raw text."""
        for row in store.documents(public_only=public_only):
            doc = store.get_document(row["id"])
            if doc is not None:
                self.add(entry_rows(doc))

    @staticmethod
    def match(query: str, phrase: bool = False) -> str | None:
        """The FTS5 query: the words OR-ed, or (``phrase``) all of them as one phrase."""
        words = FTS_WORD_RE.findall(query.lower())
        if not words:
            return None
        if phrase:
            return '"' + " ".join(words) + '"'
        return " OR ".join(f'"{w}"' for w in dict.fromkeys(words))

    def search(self, query: str, limit: int = 10, jenis: str = "") -> list[str]:
        """Keys of the best entries, BM25 order."""
        m = self.match(query)
        if m is None:
            return []
        sql = "SELECT key FROM units WHERE units MATCH ?"
        args: list = [m]
        if jenis:
            sql += " AND jenis = ?"
            args.append(jenis)
        sql += " ORDER BY bm25(units) LIMIT ?"
        return [r[0] for r in self.db.execute(sql, [*args, limit])]

    def page(self, query: str, limit: int = 10, jenis: str = "", phrase: bool = False) -> dict:
        """What a result page needs: the best entries with a snippet, the number
        of matches and the matching documents per jenis (the work ``bench``
        compares with a search of ours)."""
        m = self.match(query, phrase)
        if m is None:
            return {"keys": [], "total": 0, "jenis": {}}
        where = "units MATCH ?" + (" AND jenis = ?" if jenis else "")
        args = [m, jenis] if jenis else [m]
        rows = self.db.execute(f"SELECT key, snippet(units, 4, '<mark>', '</mark>', ' … ', 24) FROM units "
                               f"WHERE {where} ORDER BY bm25(units) LIMIT ?", [*args, limit]).fetchall()
        total = self.db.execute(f"SELECT count(*) FROM units WHERE {where}", args).fetchone()[0]
        facets = dict(self.db.execute(f"SELECT jenis, count(DISTINCT doc_id) FROM units WHERE {where} "
                                      f"GROUP BY jenis", args).fetchall())
        return {"keys": [r[0] for r in rows], "total": total, "jenis": facets}


def entry_rows(doc) -> list[tuple[str, str, str, int, str]]:
    """(key, doc_id, jenis, tahun, raw text) of a document's index entries."""
    out = []
    for e in entries(doc):
        text = e["body"] if e["entry"] == "unit" else e["heading"]
        out.append((e["key"], e["doc_id"], e["jenis"], e["tahun"], text or ""))
    return out
