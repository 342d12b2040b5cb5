"""The search index (Whoosh), derived from the store.

One entry per citable unit (Pasal, ayat, rincian directly under a Pasal,
Menimbang items, diktum, Penjelasan with content, Lampiran) plus one per
document. ``entries`` is a pure function of a document, so rebuilding the
index from the store gives the same index. The store is never written here.

Fields (analyzers in ``analysis``): ``heading`` (the BAB/Bagian/Paragraf
headings above the unit), ``doctitle``, ``body`` (stemmed), ``exact``
(unstemmed words), ``lead`` (a clause's own sentence before its list of
rincian: "Tugas dan wewenang KPU Kabupaten/Kota ... meliputi:"), ``pairs`` (exact word pairs with positions: phrases),
``stempairs`` (stemmed word pairs: proximity), ``defines``/``defwords`` (the
term a Ketentuan Umum or Penjelasan definition defines).

``SearchIndex.collect`` runs a query over every matching entry once, in
Python: it scores, applies per-entry factors (a repealed version ranks below
the one in force), counts matches per document for the facets and keeps the
best entries, instead of Whoosh's collectors (whose facet and collapse paths
score twice and ignore final factors).
"""
from __future__ import annotations

import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
from whoosh import index as windex
from whoosh import scoring
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import TOC, LockError
from whoosh.query import Query
from whoosh.util.filelock import try_for
from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL

from . import analysis
from .definitions import definition_of
from .evaluator import Evaluator
from .ids import citation, pasal_of, unit_citation
from .jenis import JENIS
from .model import Document, Tree, Unit, heading_label
from .segments import Collected, DocMeta, Priors, Scope, SegmentData, select

STRUCTURE_KINDS = ("buku", "bab", "bagian", "paragraf")
CUKUP_JELAS = {"cukup jelas.", "cukup jelas", "dihapus.", "dihapus"}
FACETS = ("jenis", "tahun", "status", "tipe")


def schema() -> Schema:
    text = dict(phrase=False)
    return Schema(
        key=ID(stored=True, unique=True, sortable=True),
        doc_id=ID(stored=True, sortable=True),
        unit_id=ID(stored=True),
        kind=ID(stored=True),
        entry=ID(stored=True),          # "dokumen" or "unit"
        jenis=ID(stored=True),          # base short form, for facets: "UU", "PP", "Perda"
        tahun=NUMERIC(stored=True, sortable=True),
        tanggal=NUMERIC(stored=True),   # tanggal penetapan as yyyymmdd, for sorting by date
        status=ID(stored=True),
        tipe=ID(stored=True),
        public=BOOLEAN(stored=True),
        pasal=ID(stored=True),
        heading=TEXT(analyzer=analysis.indonesian(), **text),
        doctitle=TEXT(analyzer=analysis.indonesian(), **text),
        body=TEXT(analyzer=analysis.indonesian(), **text),
        lead=TEXT(analyzer=analysis.indonesian(), **text),
        exact=TEXT(analyzer=analysis.exact(), **text),
        pairs=TEXT(analyzer=analysis.pairs(), phrase=True),
        stempairs=TEXT(analyzer=analysis.stem_pairs(), **text),
        defines=KEYWORD(commas=True, scorable=True),
        defwords=TEXT(analyzer=analysis.indonesian(), **text),
        defkind=ID(stored=True, sortable=True),
        citation=STORED,
        path=STORED,
        order=NUMERIC(stored=True),
    )


def base_singkatan(jenis_name: str, singkatan: str) -> str:
    for j in JENIS:
        if j.name == jenis_name or jenis_name.startswith(j.name):
            return j.singkatan
    return singkatan.split(" ")[0] if singkatan else "Lainnya"


def indexable(unit: Unit, tree: Tree) -> bool:
    if unit.kind in ("pasal", "ayat", "diktum", "lampiran", "seksi"):  # seksi: a section of an evaluation note
        return True
    parent = tree.by_id.get(unit.parent) if unit.parent else None
    if unit.kind in ("huruf", "angka"):
        return parent is not None and parent.kind in ("pasal", "menimbang", "mengingat", "memperhatikan")
    if unit.kind == "penjelasan":
        return bool(unit.text) and unit.text.strip().lower() not in CUKUP_JELAS
    return False


def unit_path(unit: Unit, tree: Tree) -> str:
    """'BAB XVI › Pasal 220 ayat (1)': structural ancestors, then the citation."""
    parts = [heading_label(a) for a in tree.ancestors(unit.id) if a.kind in STRUCTURE_KINDS]
    parts.append(unit_citation(unit.id))
    return " › ".join(parts)


def date_number(tanggal: str, tahun: int | None) -> int:
    """'2014-08-05' -> 20140805; a missing date sorts at the start of its year."""
    digits = (tanggal or "").replace("-", "")
    if len(digits) == 8 and digits.isdigit():
        return int(digits)
    return (tahun or 0) * 10000


def entries(doc: Document, public: bool = True) -> Iterator[dict]:
    """The index entries of one document (a pure function of the document)."""
    tree = Tree(doc.units)
    jenis = base_singkatan(doc.jenis, doc.singkatan)
    common = dict(doc_id=doc.id, jenis=jenis, tahun=doc.tahun or 0, status=doc.status or "",
                  tipe=doc.tipe or "", public=public, tanggal=date_number(doc.tanggal_penetapan, doc.tahun),
                  doctitle=f"{doc.judul} {doc.singkatan} {doc.nomor}")
    title = " ".join(x for x in (doc.judul, doc.singkatan, doc.tentang) if x)
    yield dict(common, key=f"{doc.id}#", unit_id="", kind="dokumen", entry="dokumen", pasal="",
               heading=title, body=doc.tentang, exact=title, pairs=title, stempairs=title,
               citation=citation(None, doc.singkatan, doc.nomor, doc.tahun), path="", order=-1)
    for order, unit in enumerate(doc.units):
        if not indexable(unit, tree):
            continue
        text = tree.full_text(unit.id)
        if not text.strip():
            continue
        headings = " ".join(a.heading for a in tree.ancestors(unit.id) if a.kind in STRUCTURE_KINDS and a.heading)
        if unit.kind == "seksi":
            headings = unit.heading
        entry = dict(common, key=f"{doc.id}#{unit.id}", unit_id=unit.id, kind=unit.kind, entry="unit",
                     pasal=pasal_of(unit.id) or "", heading=headings, body=text, exact=f"{headings}\n{text}",
                     pairs=f"{headings}\n{text}", stempairs=f"{headings}\n{text}",
                     citation=citation(unit.id, doc.singkatan, doc.nomor, doc.tahun),
                     path=unit_path(unit, tree), order=order)
        if unit.text:
            entry["lead"] = unit.text  # its own sentence; for a list, the chapeau saying what it is about
        definition = definition_of(unit, tree)
        if definition is not None:
            entry.update(defines=",".join(definition.terms), defwords=" ".join(definition.terms),
                         defkind=definition.where)
        yield entry


@dataclass
class Hit:
    doc_id: str
    unit_id: str
    kind: str
    score: float
    citation: str
    path: str
    pasal: str
    defkind: str = ""


# Whoosh's default policy (MERGE_SMALL) may rewrite the small segments at every
# commit; ingest commits once per document, and those merges took a quarter of
# an ingest run's time (bench/ingest.py). Segments are left to accumulate up to
# MAX_SEGMENTS, and the worker merges the segments a batch wrote once the batch
# is done (``SearchIndex.merge_new``): searching many segments costs time too.
MAX_SEGMENTS = 16


def merge_when_many(writer, segments):
    """Merge policy: none below MAX_SEGMENTS segments, Whoosh's MERGE_SMALL above."""
    if len(segments) < MAX_SEGMENTS:
        return segments
    return MERGE_SMALL(writer, segments)


def _succeed(ix, generation: int) -> None:
    """Number the latest version of ``ix`` after ``generation``: searchers of
    the index it replaces (other processes too) compare generation numbers to
    know they must reopen."""
    toc = TOC.read(ix.storage, ix.indexname)
    if toc.generation > generation:
        return
    stale = toc.generation
    toc.generation = generation + 1
    toc.write(ix.storage, ix.indexname)
    ix.storage.delete_file(TOC._filename(ix.indexname, stale))


class SearchIndex:
    """A Whoosh index in a directory; one writer at a time (a lock in-process,
    Whoosh's own lock between processes). Searchers are kept per thread and
    refreshed when the index changes."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._ix = None
        self._lock = threading.Lock()
        self._local = threading.local()
        self._segments: dict[tuple, SegmentData] = {}
        self._docs: list[str] = []            # document ids by ordinal
        self._doc_ord: dict[str, int] = {}
        self._meta: dict[tuple, dict[str, DocMeta]] = {}
        self._stats: dict[tuple, dict[str, float]] = {}
        self._cache_lock = threading.Lock()
        self.weighting = scoring.BM25F(B=0.75, K1=1.2, heading_B=0.3, doctitle_B=0.0, defines_B=0.0)

    @property
    def ix(self):
        if self._ix is None:
            if windex.exists_in(str(self.path)):
                self._ix = windex.open_dir(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ix = windex.create_in(str(self.path), schema())
        return self._ix

    def rebuild(self, docs: Iterable[tuple[Document, bool]],
                catch_up: Callable[["SearchIndex"], None] | None = None) -> int:
        """Write a new index of ``docs`` beside this one, then put it in its
        place: searches (also in other processes) see the old index until the
        new one is complete, never an empty or half-built one. Writers (the
        worker of ``jdih serve``) may go on meanwhile: once the new index is
        built, the old one's writer lock is taken, ``catch_up(new_index)``
        brings in what changed during the build, and only then is the new
        index swapped in and the lock released."""
        tag = f"{os.getpid()}-{threading.get_ident()}"
        fresh = self.path.with_name(f"{self.path.name}.baru-{tag}")
        old = self.path.with_name(f"{self.path.name}.lama-{tag}")
        for leftover in (fresh, old):
            if leftover.exists():
                shutil.rmtree(leftover)
        built = SearchIndex(fresh)
        n = built.update_documents(docs)
        with self._lock:
            lock = self.ix.lock("WRITELOCK") if windex.exists_in(str(self.path)) else None
            if lock is not None and not try_for(lock.acquire, timeout=120, delay=0.1):
                shutil.rmtree(fresh, ignore_errors=True)
                raise LockError("the index is being written for more than 120 s; try again")
            try:
                if catch_up is not None:
                    catch_up(built)
                if lock is not None:
                    _succeed(built.ix, self.ix.latest_generation())
                built.ix.close()
                if self.path.exists():
                    self.path.rename(old)
                fresh.rename(self.path)
            finally:
                if lock is not None:
                    lock.release()
            self._ix = None
            self._local = threading.local()
        shutil.rmtree(old, ignore_errors=True)
        return n

    def update_documents(self, docs: Iterable[tuple[Document, bool]]) -> int:
        """Replace the entries of each (document, public) pair; returns entries written."""
        n = 0
        with self._lock:
            writer = self.ix.writer(timeout=60)
            try:
                for doc, public in docs:
                    writer.delete_by_term("doc_id", doc.id)
                    for entry in entries(doc, public):
                        writer.add_document(**entry)
                        n += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=merge_when_many)
        return n

    def segment_ids(self) -> set[str]:
        return {seg.segment_id() for seg in self.ix._segments()}

    def merge_new(self, old: set[str]) -> bool:
        """Merge the segments not in ``old`` (what a batch wrote) into one, when
        there are several; the older segments are left alone, so the cost is
        that of the batch. Returns whether the index changed."""
        def policy(writer, segments):
            new = [seg for seg in segments if seg.segment_id() not in old]
            if len(new) < 2:
                return segments
            for seg in new:
                reader = SegmentReader(writer.storage, writer.schema, seg)
                writer.add_reader(reader)
                reader.close()
            return [seg for seg in segments if seg.segment_id() in old]

        with self._lock:
            if len(self.segment_ids() - old) < 2:
                return False
            writer = self.ix.writer(timeout=60)
            try:
                writer.commit(mergetype=policy)
            except BaseException:
                writer.cancel()
                raise
        return True

    def delete_document(self, doc_id: str) -> None:
        with self._lock:
            writer = self.ix.writer(timeout=60)
            writer.delete_by_term("doc_id", doc_id)
            writer.commit(mergetype=merge_when_many)

    def doc_count(self) -> int:
        return self.ix.doc_count()

    def searcher(self):
        """This thread's searcher on the latest version of the index."""
        s = getattr(self._local, "searcher", None)
        if s is None:
            s = self.ix.searcher(weighting=self.weighting)
        elif not s.up_to_date():
            # Not s.refresh(): whoosh3 3.54's FileIndex._reader(reuse=...) adds every
            # segment of the old reader that the new version lacks, so after a merge a
            # refreshed searcher reads the merged-away segments too and every entry in
            # them twice (tests/test_search.py checks entry counts across merges).
            s.close()
            s = self.ix.searcher(weighting=self.weighting)
            self._prune(s)
        self._local.searcher = s
        return s

    def _prune(self, s) -> None:
        """Forget what was read from segments the index no longer has."""
        live = {self._segment_id(sub.reader()) for sub, _ in s.leaf_searchers()}
        with self._cache_lock:
            for cache in (self._segments, self._meta):
                for sid in [k for k in cache if k not in live]:
                    del cache[sid]
            self._stats.clear()

    def indexed_doc_ids(self) -> set[str]:
        return set(self.documents())

    def documents(self) -> dict[str, DocMeta]:
        """Metadata of every indexed document, from its document entry."""
        s = self.searcher()
        out: dict[str, DocMeta] = {}
        for sub, _ in s.leaf_searchers():
            out.update(self._segment_meta(sub.reader()))
        return out

    def _segment_id(self, reader) -> tuple:
        seg = reader.segment()
        return (seg.segment_id(), seg.deleted_count()) if seg is not None else (id(reader), 0)

    def _segment(self, reader) -> SegmentData:
        sid = self._segment_id(reader)
        seg = self._segments.get(sid)
        if seg is None:
            n = reader.doc_count_all()
            keys = list(reader.column_reader("key")) if reader.has_column("key") else [""] * n
            defkinds = list(reader.column_reader("defkind")) if reader.has_column("defkind") else [""] * n
            with self._cache_lock:
                ords = []
                for key in keys:
                    doc_id = key.partition("#")[0]
                    ordinal = self._doc_ord.get(doc_id)
                    if ordinal is None:
                        ordinal = self._doc_ord[doc_id] = len(self._docs)
                        self._docs.append(doc_id)
                    ords.append(ordinal)
            seg = SegmentData(reader, np.array(ords, dtype=np.int64), keys, defkinds)
            with self._cache_lock:
                self._segments[sid] = seg
        return seg

    def _segment_meta(self, reader) -> dict[str, DocMeta]:
        sid = self._segment_id(reader)
        meta = self._meta.get(sid)
        if meta is None:
            meta = {}
            for docnum, key in enumerate(self._segment(reader).keys):
                if key.endswith("#") and not reader.is_deleted(docnum):
                    f = reader.stored_fields(docnum)
                    meta[f["doc_id"]] = DocMeta(f["jenis"], f["tahun"], f["status"], f["tipe"],
                                                f.get("tanggal") or 0, bool(f["public"]))
            self._meta[sid] = meta
        return meta

    def _field_stats(self, s) -> dict[str, float]:
        """Average length of each text field over the entries that have it
        (Whoosh divides by all entries, which punishes sparse fields)."""
        key = tuple(self._segment_id(sub.reader()) for sub, _ in s.leaf_searchers())
        stats = self._stats.get(key)
        if stats is None:
            stats = {}
            for name in ("heading", "doctitle", "body", "lead", "exact", "pairs", "stempairs", "defines",
                         "defwords"):
                # exact total length (the per-entry lengths are stored in one lossy byte)
                total = float(s.field_length(name))
                count = sum(float(np.count_nonzero(self._segment(sub.reader()).arrays.lengths(name)))
                            for sub, _ in s.leaf_searchers())
                stats[name] = total / count if count else 1.0
            self._stats[key] = stats
        return stats

    def collect(self, query: Query, scope: Scope, *, limit: int, priors: Priors = Priors(),
                per_doc: int | None = None, sort_by_date: bool = False) -> Collected:
        """Score every entry ``query`` matches within ``scope``; return the best
        ``limit`` (at most ``per_doc`` of one document), the number of matches
        and the number of matching documents per facet value."""
        s = self.searcher()
        leaves = [(sub, offset, self._segment(sub.reader())) for sub, offset in s.leaf_searchers()]
        metas = self.documents()
        allowed = np.array([scope.allows(d, metas.get(d)) for d in self._docs], dtype=bool)
        if scope.keys is not None:
            allowed &= np.isin(np.arange(len(self._docs)),
                               [self._doc_ord[k.partition("#")[0]] for k in scope.keys
                                if k.partition("#")[0] in self._doc_ord])
        dates = np.array([metas[d].tanggal if d in metas else 0 for d in self._docs], dtype=np.int64)
        ev = Evaluator(s, self.weighting, self._field_stats(s))
        counts = np.zeros(len(self._docs), dtype=np.int64)
        parts = []
        for sub, offset, seg in leaves:
            got = ev.run(query, sub, seg.arrays)
            keep = got.match & seg.live & allowed[seg.doc_ord]
            if scope.keys is not None:
                keep &= seg.key_mask(scope.keys)
            idx = np.flatnonzero(keep)
            if not len(idx):
                continue
            ords = seg.doc_ord[idx]
            counts += np.bincount(ords, minlength=len(counts))
            parts.append((got.score[idx] * seg.factors(priors, self._doc_ord)[idx], idx + offset, ords))
        per = {self._docs[i]: int(n) for i in np.flatnonzero(counts) for n in [counts[i]]}
        if not parts:
            return Collected([], 0, {}, self._facets(per, metas))
        score, docnum, ords = (np.concatenate(x) for x in zip(*parts))
        chosen = select(score, docnum, ords, dates, limit, per_doc, sort_by_date)
        best = [(float(score[i]), int(docnum[i])) for i in chosen]
        return Collected(self._hits(s, best), int(len(score)), per, self._facets(per, metas))

    @staticmethod
    def _hits(s, best: list[tuple[float, int]]) -> list[Hit]:
        hits = []
        for score, docnum in best:
            f = s.stored_fields(docnum)
            hits.append(Hit(doc_id=f["doc_id"], unit_id=f["unit_id"], kind=f["kind"], score=round(score, 3),
                            citation=f["citation"], path=f["path"], pasal=f["pasal"],
                            defkind=f.get("defkind") or ""))
        return hits

    @staticmethod
    def _facets(counts: dict[str, int], metas: dict[str, DocMeta]) -> dict[str, dict[str, int]]:
        facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        for doc_id in counts:
            meta = metas[doc_id]
            for name in FACETS:
                value = str(getattr(meta, name))
                if value not in ("", "0"):
                    facets[name][value] = facets[name].get(value, 0) + 1
        return facets

    def doc_frequency(self, field_name: str, term: str) -> int:
        return self.searcher().doc_frequency(field_name, term)

    def vocabulary(self, field_name: str = "exact") -> Iterator[tuple[str, int]]:
        s = self.searcher()
        for term, info in s.reader().iter_field(field_name):
            yield (term.decode("utf-8") if isinstance(term, bytes) else term), info.doc_frequency()

    def public_frequency(self, field_name: str, term: str, public_only: bool) -> int:
        """Entries of (public) documents containing ``term``: suggestions must
        never come from unpublished documents."""
        if not public_only:
            return self.doc_frequency(field_name, term)
        s = self.searcher()
        metas = self.documents()
        n = 0
        for sub, _ in s.leaf_searchers():
            reader = sub.reader()
            if (field_name, term) not in reader:
                continue
            seg = self._segment(reader)
            for docnum in reader.postings(field_name, term).all_ids():
                meta = metas.get(self._docs[seg.doc_ord[docnum]])
                if meta is not None and meta.public:
                    n += 1
        return n
