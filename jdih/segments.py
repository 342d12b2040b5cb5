"""What a search reads once per index segment, and the plain values a search
passes around: document metadata, the scope (which documents may match), the
entry score factors (priors), what was collected, and the choice of the best
entries among every match (numpy arrays).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .evaluator import SegmentArrays


@dataclass(frozen=True)
class DocMeta:
    jenis: str
    tahun: int
    status: str
    tipe: str
    tanggal: int
    public: bool


@dataclass
class Scope:
    """Which documents (and, with ``keys``, which entries) a search may return."""
    public_only: bool = True
    jenis: str = ""
    tahun: str = ""
    status: str = ""
    tipe: str = ""
    doc_ids: frozenset[str] | None = None
    keys: frozenset[str] | None = None   # only these entries ("doc_id#unit_id"), e.g. annotated clauses

    def allows(self, doc_id: str, meta: DocMeta | None) -> bool:
        if meta is None or (self.public_only and not meta.public):
            return False
        if self.doc_ids is not None and doc_id not in self.doc_ids:
            return False
        if self.jenis and meta.jenis.lower() != self.jenis.lower():
            return False
        if self.tahun and str(meta.tahun) != str(self.tahun).strip():
            return False
        if self.status and meta.status.lower() != self.status.lower():
            return False
        return not self.tipe or meta.tipe.lower() == self.tipe.lower()


@dataclass
class Collected:
    hits: list
    total: int                              # matching entries
    per_doc: dict[str, int]                 # matching entries per document
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # documents per facet value


# Units of the opening and closing: considerations, legal basis, enactment formula.
PREAMBLE = ("pembukaan", "menimbang", "mengingat", "menetapkan", "penutup")


@dataclass(frozen=True)
class Priors:
    """Score factors of entries, whatever the query: text no longer in force
    (amended, repealed), elucidations, Ketentuan Umum definitions."""
    outdated_keys: frozenset[str] = field(default=frozenset(), compare=False)
    outdated_docs: frozenset[str] = field(default=frozenset(), compare=False)
    version: tuple = ()          # identifies the two sets above (they are not compared)
    outdated: float = 1.0
    penjelasan: float = 1.0
    definition: float = 1.0
    preamble: float = 1.0


class SegmentData:
    """What is read once per segment: every entry's key, document ordinal and
    kind as arrays, field lengths, and the score factors of each Priors."""

    def __init__(self, reader, doc_ord: np.ndarray, keys: list[str], defkinds: list[str]):
        self.keys = keys
        self.doc_ord = doc_ord
        self.arrays = SegmentArrays(reader)
        self.penjelasan = np.array([k.partition("#")[2].startswith("penjelasan") for k in keys], dtype=bool)
        self.preamble = np.array([k.partition("#")[2].startswith(PREAMBLE) for k in keys], dtype=bool)
        self.definition = np.array([d == "ketentuan_umum" for d in defkinds], dtype=bool)
        self.live = np.ones(len(keys), dtype=bool)
        for docnum in reader.deleted_docs_set if reader.has_deletions() else ():
            self.live[docnum] = False
        self._factors: dict[Priors, np.ndarray] = {}
        self._pos: dict[str, int] | None = None

    def positions(self) -> dict[str, int]:
        if self._pos is None:
            self._pos = {k: i for i, k in enumerate(self.keys)}
        return self._pos

    def key_mask(self, keys: frozenset[str]) -> np.ndarray:
        mask = np.zeros(len(self.keys), dtype=bool)
        pos = self.positions()
        mask[[pos[k] for k in keys if k in pos]] = True
        return mask

    def factors(self, priors: Priors, doc_index: dict[str, int]) -> np.ndarray:
        got = self._factors.get(priors)
        if got is None:
            got = np.ones(len(self.keys))
            got[self.penjelasan] *= priors.penjelasan
            got[self.preamble] *= priors.preamble
            got[self.definition] *= priors.definition
            old = np.isin(self.doc_ord, [doc_index[d] for d in priors.outdated_docs if d in doc_index])
            pos = self.positions()
            for key in priors.outdated_keys:
                i = pos.get(key)
                if i is not None:
                    old[i] = True
            got[old] *= priors.outdated
            if len(self._factors) > 8:
                self._factors.clear()
            self._factors[priors] = got
        return got


def select(score: np.ndarray, docnum: np.ndarray, ords: np.ndarray, dates: np.ndarray, limit: int,
            per_doc: int | None, sort_by_date: bool) -> np.ndarray:
    """Positions of the entries to return, in order: best score first (ties by
    index order), or newest document first; at most ``per_doc`` of a document."""
    if per_doc is not None:
        by_doc = np.lexsort((docnum, -score, ords))
        first = np.r_[True, ords[by_doc][1:] != ords[by_doc][:-1]]
        starts = np.maximum.accumulate(np.where(first, np.arange(len(by_doc)), 0))
        keep = by_doc[(np.arange(len(by_doc)) - starts) < per_doc]
    else:
        keep = np.arange(len(score))
    if sort_by_date:
        order = np.lexsort((docnum[keep], -score[keep], -dates[ords[keep]]))
    else:
        order = np.lexsort((docnum[keep], -score[keep]))
    return keep[order[:limit]]
