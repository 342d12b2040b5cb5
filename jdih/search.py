"""The search index (Whoosh), derived from the store.

One entry per citable unit (Pasal, ayat, rincian directly under a Pasal,
Menimbang items, diktum, Penjelasan with content, Lampiran) plus one per
document. ``entries`` is a pure function of a document, so rebuilding the
index from the store gives the same index. The store is never written here.
"""
from __future__ import annotations

import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from whoosh import index as windex
from whoosh import sorting
from whoosh.fields import BOOLEAN, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight
from whoosh.query import Query

from . import analysis
from .ids import citation, pasal_of, unit_citation
from .jenis import JENIS
from .model import Document, Tree, Unit, heading_label

STRUCTURE_KINDS = ("bab", "bagian", "paragraf")
CUKUP_JELAS = {"cukup jelas.", "cukup jelas", "dihapus.", "dihapus"}


def schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        unit_id=ID(stored=True),
        kind=ID(stored=True),
        entry=ID(stored=True),          # "dokumen" or "unit"
        jenis=ID(stored=True),          # base short form, for facets: "UU", "PP", "Perda"
        tahun=NUMERIC(stored=True, sortable=True),
        status=ID(stored=True),
        tipe=ID(stored=True),
        public=BOOLEAN(stored=True),
        pasal=ID(stored=True),
        heading=TEXT(analyzer=analysis.indonesian(), field_boost=2.0),
        doctitle=TEXT(analyzer=analysis.indonesian(), field_boost=0.3),
        body=TEXT(analyzer=analysis.indonesian()),
        exact=TEXT(analyzer=analysis.exact(), phrase=True),
        citation=STORED,
        path=STORED,
        order=NUMERIC(stored=True, sortable=True),
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


def entries(doc: Document, public: bool = True) -> Iterator[dict]:
    """The index entries of one document (a pure function of the document)."""
    tree = Tree(doc.units)
    jenis = base_singkatan(doc.jenis, doc.singkatan)
    common = dict(doc_id=doc.id, jenis=jenis, tahun=doc.tahun or 0, status=doc.status or "",
                  tipe=doc.tipe or "", public=public, doctitle=f"{doc.judul} {doc.singkatan} {doc.nomor}")
    title = " ".join(x for x in (doc.judul, doc.singkatan, doc.tentang) if x)
    yield dict(common, key=f"{doc.id}#", unit_id="", kind="dokumen", entry="dokumen", pasal="",
               heading=title, body=doc.tentang, exact=title,
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
        yield dict(common, key=f"{doc.id}#{unit.id}", unit_id=unit.id, kind=unit.kind, entry="unit",
                   pasal=pasal_of(unit.id) or "", heading=headings, body=text, exact=f"{headings}\n{text}",
                   citation=citation(unit.id, doc.singkatan, doc.nomor, doc.tahun),
                   path=unit_path(unit, tree), order=order)


@dataclass
class Hit:
    doc_id: str
    unit_id: str
    kind: str
    score: float
    citation: str
    path: str
    pasal: str


class SearchIndex:
    """A Whoosh index in a directory; one writer at a time (a lock in-process,
    Whoosh's own lock between processes)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._ix = None
        self._lock = threading.Lock()

    @property
    def ix(self):
        if self._ix is None:
            if windex.exists_in(str(self.path)):
                self._ix = windex.open_dir(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ix = windex.create_in(str(self.path), schema())
        return self._ix

    def clear(self) -> None:
        with self._lock:
            self._ix = None
            if self.path.exists():
                shutil.rmtree(self.path)
            self.path.mkdir(parents=True, exist_ok=True)
            self._ix = windex.create_in(str(self.path), schema())

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
            writer.commit()
        return n

    def delete_document(self, doc_id: str) -> None:
        with self._lock:
            writer = self.ix.writer(timeout=60)
            writer.delete_by_term("doc_id", doc_id)
            writer.commit()

    def doc_count(self) -> int:
        return self.ix.doc_count()

    def indexed_doc_ids(self) -> set[str]:
        with self.ix.searcher() as s:
            return {f["doc_id"] for f in s.all_stored_fields() if f.get("entry") == "dokumen"}

    def run(self, query: Query, *, limit: int, filter_query: Query | None = None,
            sort_by_date: bool = False) -> tuple[list[Hit], int, dict[str, dict[str, int]]]:
        """Run a Whoosh query; returns hits, total and facet counts."""
        facets = {"jenis": sorting.FieldFacet("jenis", maptype=sorting.Count),
                  "tahun": sorting.FieldFacet("tahun", maptype=sorting.Count),
                  "status": sorting.FieldFacet("status", maptype=sorting.Count),
                  "tipe": sorting.FieldFacet("tipe", maptype=sorting.Count)}
        kwargs = dict(limit=limit, filter=filter_query, groupedby=facets)
        if sort_by_date:
            kwargs["sortedby"] = [sorting.FieldFacet("tahun", reverse=True), sorting.ScoreFacet()]
        with self.ix.searcher() as s:
            results = s.search(query, **kwargs)
            hits = [Hit(doc_id=r["doc_id"], unit_id=r["unit_id"], kind=r["kind"], score=round(r.score or 0.0, 3),
                        citation=r["citation"], path=r["path"], pasal=r["pasal"]) for r in results]
            counts = {name: {str(k): v for k, v in results.groups(name).items() if k not in ("", None, 0)}
                      for name in facets}
            return hits, len(results), counts

    def vocabulary(self, field: str = "exact") -> Iterator[tuple[str, int]]:
        with self.ix.searcher() as s:
            for term, info in s.reader().iter_field(field):
                yield (term.decode("utf-8") if isinstance(term, bytes) else term), info.doc_frequency()


def snippet(text: str, words: set[str], size: int = 240) -> str:
    """HTML-escaped excerpt of ``text`` around the query words, matches in <mark>."""
    analyzer = analysis.indonesian()
    stems = {analysis.stem(w.lower()) for w in words} | {w.lower() for w in words}
    if stems:
        out = highlight(text, frozenset(stems), analyzer, ContextFragmenter(maxchars=size, surround=80),
                        HtmlFormatter(tagname="mark", between=" … "), top=2)
        if out:
            return out
    from html import escape
    return escape(text[:size] + ("…" if len(text) > size else ""))
