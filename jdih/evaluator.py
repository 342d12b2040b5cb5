"""Query evaluation as arrays: every clause a query matches, scored at once.

Whoosh evaluates a query one posting at a time through a tree of Python
matcher objects; on the corpus that was ~100 ms for a five-word query and
grows with every clause a common word matches. Here each term's posting list
is read block by block into numpy arrays, scored with the same BM25 formula
(Whoosh's idf; per-field B; the field's true average length over the entries
that have it), and the query tree (Term, Phrase, Or, And, AndMaybe, AndNot,
``BestOf``) is combined as dense per-segment score and match arrays.

A phrase of three or more words is a run of word pairs at consecutive
positions in the pair field: the documents holding every pair are found with
array intersections, then only their positions are decoded and checked.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from .scoring import BestOf

# Field length byte (Whoosh stores lengths in one lossy byte) -> length.
_LENGTH_OF_BYTE = np.array([byte_to_length(i) for i in range(256)], dtype=np.float64)


@dataclass
class Scored:
    """Scores and matches of one query node over one segment's entries."""
    score: np.ndarray   # float64[n]
    match: np.ndarray   # bool[n]


class SegmentArrays:
    """Field lengths of one segment, read once and kept while the segment lives."""

    def __init__(self, reader):
        self.reader = reader
        self.n = reader.doc_count_all()
        self._lengths: dict[str, np.ndarray] = {}

    def lengths(self, field: str) -> np.ndarray:
        got = self._lengths.get(field)
        if got is None:
            got = np.zeros(self.n, dtype=np.float64)
            perdoc = getattr(self.reader, "_perdoc", None)
            col = perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN) if perdoc is not None else None
            if col is not None:
                raw = np.frombuffer(col._dbfile.get(col._basepos, col._count), dtype=np.uint8)
                got[:len(raw)] = _LENGTH_OF_BYTE[raw]
                got[:len(raw)][raw == 0] = 0.0
            else:
                for docnum in range(self.n):
                    got[docnum] = self.reader.doc_field_length(docnum, field, 0) or 0
            self._lengths[field] = got
        return got


def read_postings(reader, field: str, text: str, values: bool = False) -> tuple[np.ndarray, np.ndarray, list]:
    """Document numbers, term frequencies and (optionally) the encoded values
    (positions) of one term in one segment. Deleted documents are included
    (the caller masks them)."""
    if (field, text) not in reader:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64), []
    m = reader.postings(field, text)
    raw = getattr(m, "child", m)  # a FilterMatcher hides deleted documents
    if all(hasattr(raw, a) for a in ("_read_data", "_next_block", "_maxid", "_byteids")) and not raw._byteids:
        return _read_blocks(raw, values)
    ids, weights, vals = [], [], []
    while raw.is_active():
        ids.append(raw.id())
        weights.append(raw.weight())
        if values:
            vals.append(raw.value())
        raw.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), vals


def _read_blocks(raw, values: bool) -> tuple[np.ndarray, np.ndarray, list]:
    """whoosh3 posting blocks taken whole: each block's ids are deltas from 0,
    so one cumulative sum decodes them all once every block's first delta is
    made relative to the previous block's last id (its header's max id)."""
    deltas: list = []
    weights: list = []
    vals: list = []
    starts: list[int] = []
    prev_max: list[int] = []
    last = 0
    while raw.is_active():
        raw._read_data()
        ids, w = raw._data[0], raw._data[1]
        n = raw._blocklength
        starts.append(len(deltas))
        prev_max.append(last)
        deltas.extend(ids)
        if w is None:
            weights.extend([1.0] * n)
        elif isinstance(w, float):
            weights.extend([w] * n)
        else:
            weights.extend(w)
        if values:
            raw._read_values()
            vals.extend(raw._values)
        last = raw._maxid
        raw._next_block()
    arr = np.asarray(deltas, dtype=np.int64)
    arr[np.asarray(starts, dtype=np.int64)] -= np.asarray(prev_max, dtype=np.int64)
    return np.cumsum(arr), np.asarray(weights, dtype=np.float64), vals


class Evaluator:
    """Evaluates Whoosh queries over the segments of one searcher."""

    def __init__(self, searcher, weighting, field_stats):
        self.searcher = searcher
        self.weighting = weighting
        self.field_stats = field_stats   # field -> average length over entries that have the field

    def run(self, query: Q.Query, sub, arrays: SegmentArrays) -> Scored:
        node = self._node(query, sub, arrays)
        return node if node is not None else self._empty(arrays.n)

    @staticmethod
    def _empty(n: int) -> Scored:
        return Scored(np.zeros(n), np.zeros(n, dtype=bool))

    def _node(self, q, sub, arrays: SegmentArrays) -> Scored | None:
        if isinstance(q, Q.Term):
            return self._term(q, sub, arrays)
        if isinstance(q, Q.Phrase):
            return self._phrase(q, sub, arrays)
        if isinstance(q, (BestOf, Q.Or, Q.And)):
            kids = [self._node(s, sub, arrays) for s in q.subqueries]
            return self._combine(q, kids, arrays.n)
        if isinstance(q, (Q.AndMaybe, Q.AndNot)):
            a, b = self._node(q.a, sub, arrays), self._node(q.b, sub, arrays)
            if a is None:
                return None
            if b is None:
                return a
            if isinstance(q, Q.AndNot):
                keep = a.match & ~b.match
                return Scored(a.score * keep, keep)
            return Scored(a.score + b.score * a.match, a.match)
        if q is Q.NullQuery:
            return None
        raise TypeError(f"query node not supported: {type(q).__name__}")

    def _combine(self, q, kids: list[Scored | None], n: int) -> Scored | None:
        present = [k for k in kids if k is not None]
        if not present or (isinstance(q, Q.And) and len(present) < len(kids)):
            return None
        first = present[0]
        if len(present) == 1:
            score, match = first.score, first.match
        else:
            score, match = first.score.copy(), first.match.copy()
            best = first.score.copy() if isinstance(q, BestOf) else None
            for k in present[1:]:
                score += k.score
                if isinstance(q, Q.And):
                    match &= k.match
                else:
                    match |= k.match
                if best is not None:
                    np.maximum(best, k.score, out=best)
            if isinstance(q, Q.And):
                score *= match
            elif best is not None:
                score = best + q.tiebreak * (score - best)
        boost = getattr(q, "boost", 1.0)
        return Scored(score * boost if boost != 1.0 else score, match)

    def _term(self, q: Q.Term, sub, arrays: SegmentArrays) -> Scored | None:
        ids, tf, _ = read_postings(sub.reader(), q.fieldname, q.text)
        if not len(ids):
            return None
        idf = self.searcher.idf(q.fieldname, q.text)
        fl = arrays.lengths(q.fieldname)[ids]
        avgfl = self.field_stats.get(q.fieldname) or 1.0
        b = self.weighting._field_B.get(q.fieldname, self.weighting.B)
        k1 = self.weighting.K1
        s = idf * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl))
        score = np.zeros(arrays.n)
        match = np.zeros(arrays.n, dtype=bool)
        score[ids] = s * q.boost
        match[ids] = True
        return Scored(score, match)

    def _phrase(self, q: Q.Phrase, sub, arrays: SegmentArrays) -> Scored | None:
        """An exact sequence of tokens: the documents holding all of them, then
        their positions checked (only in those documents) for a run of
        consecutive positions."""
        reader = sub.reader()
        lists = [read_postings(reader, q.fieldname, w, values=True) for w in q.words]
        if any(not len(ids) for ids, _, _ in lists):
            return None
        cand = lists[0][0]
        for ids, _, _ in lists[1:]:
            cand = np.intersect1d(cand, ids, assume_unique=True)
        if not len(cand):
            return None
        decode = reader.schema[q.fieldname].format.decode_positions
        where = [np.searchsorted(ids, cand) for ids, _, _ in lists]
        freq = np.zeros(len(cand))
        for j in range(len(cand)):
            starts = set(decode(lists[0][2][where[0][j]]))
            for k in range(1, len(lists)):
                if not starts:
                    break
                starts &= {p - k for p in decode(lists[k][2][where[k][j]])}
            freq[j] = len(starts)
        keep = freq > 0
        if not keep.any():
            return None
        docs, tf = cand[keep], freq[keep]
        idf = max(self.searcher.idf(q.fieldname, w) for w in q.words)
        fl = arrays.lengths(q.fieldname)[docs]
        avgfl = self.field_stats.get(q.fieldname) or 1.0
        b, k1 = self.weighting._field_B.get(q.fieldname, self.weighting.B), self.weighting.K1
        score = np.zeros(arrays.n)
        match = np.zeros(arrays.n, dtype=bool)
        score[docs] = idf * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)) * q.boost
        match[docs] = True
        return Scored(score, match)
