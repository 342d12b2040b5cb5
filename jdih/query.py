"""Search as users meet it: understand the query, run it, shape the results.

A citation in the query ("uu 17/2014 pasal 242", "PP 54 tahun 2012") goes
straight to that unit or document; otherwise (and for words beside a
citation) the full-text index answers. Results are clauses with exact
citations, in the JSON shape of DESIGN.md section 3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as Q
from whoosh.qparser import MultifieldParser, OrGroup

from . import analysis
from .citations import Citation, parse_query
from .ids import citation as cite_text
from .ids import pasal_of, slug
from .model import Tree
from .search import Hit, SearchIndex, snippet
from .store import Store

FIELDS = ["heading", "doctitle", "body", "exact"]
DOC_KEYS = ("id", "tipe", "jenis", "singkatan", "nomor", "tahun", "judul", "status")


@dataclass
class Understood:
    text: str
    citation: Citation | None
    words: str
    resolved: list[tuple[str, str | None]] = field(default_factory=list)  # (doc_id, unit_id)
    whoosh: str = ""


def resolve(store: Store, cite: Citation, public_only: bool) -> list[tuple[str, str | None]]:
    """Document and unit ids a citation names; several when it is ambiguous."""
    if cite.has_doc:
        docs = store.find_documents(cite.singkatan, cite.nomor, cite.tahun)
        if cite.qualifier and len(docs) > 1:
            q = slug(cite.qualifier)
            docs = [d for d in docs if q in slug(d["singkatan"])] or docs
        doc_ids = [d["id"] for d in docs if d["public"] or not public_only]
    elif cite.path:
        doc_ids = []
        for uid in cite.unit_ids():
            doc_ids = [d for d in store.documents_with_unit(uid)
                       if not public_only or (store.document_row(d) or {}).get("public")]
            if doc_ids:
                break
    else:
        return []
    out: list[tuple[str, str | None]] = []
    for doc_id in doc_ids:
        if not cite.path:
            out.append((doc_id, None))
            continue
        have = {u.id for u in store.units(doc_id)}
        unit = next((uid for uid in cite.unit_ids() if uid in have), None)
        if unit is not None:
            out.append((doc_id, unit))
        elif cite.has_doc:
            out.append((doc_id, None))
    return out


def build_query(words: str, index: SearchIndex) -> Q.Query | None:
    if not words.strip():
        return None
    parser = MultifieldParser(FIELDS, index.ix.schema, group=OrGroup.factory(0.9))
    main = parser.parse(words)
    plain = re.findall(r"\w+", words.lower())
    if len(plain) > 1 and '"' not in words:
        phrase = Q.Phrase("exact", plain, slop=2, boost=3.0)
        return Q.Or([main, phrase])
    return main


def filters(public_only: bool, jenis: str = "", tahun: str = "", status: str = "", tipe: str = "") -> Q.Query | None:
    terms: list[Q.Query] = []
    if public_only:
        terms.append(Q.Term("public", True))
    if jenis:
        terms.append(Q.Term("jenis", jenis))
    if tahun and str(tahun).isdigit():
        terms.append(Q.Term("tahun", int(tahun)))
    if status:
        terms.append(Q.Term("status", status))
    if tipe:
        terms.append(Q.Term("tipe", tipe))
    return Q.And(terms) if terms else None


def collapse(hits: list[Hit]) -> list[Hit]:
    """Keep the best of a clause and its ancestors or descendants in the same document."""
    kept: list[Hit] = []
    for h in hits:
        clash = False
        for k in kept:
            if k.doc_id == h.doc_id and k.unit_id and h.unit_id and (
                    h.unit_id.startswith(k.unit_id + "__") or k.unit_id.startswith(h.unit_id + "__")):
                clash = True
                break
        if not clash:
            kept.append(h)
    return kept


class Searcher:
    """Store + index: the one place search results are put together."""

    def __init__(self, store: Store, index: SearchIndex):
        self.store = store
        self.index = index

    def understand(self, text: str, public_only: bool = True) -> Understood:
        cite, words = parse_query(text)
        u = Understood(text=text, citation=cite, words=words if cite else text)
        if cite is not None:
            u.resolved = resolve(self.store, cite, public_only)
            if not u.resolved:
                u.words = text  # an unknown citation is searched as words
        q = build_query(u.words, self.index)
        u.whoosh = str(q) if q is not None else ""
        return u

    def search(self, text: str, *, limit: int = 10, page: int = 1, public_only: bool = True,
               jenis: str = "", tahun: str = "", status: str = "", tipe: str = "",
               sort: str = "relevansi", restrict: set[str] | None = None) -> dict:
        """``restrict``: only these index keys ("doc_id#unit_id"), e.g. annotated clauses (issue 5)."""
        limit = max(1, min(int(limit), 100))
        page = max(1, int(page))
        u = self.understand(text, public_only)
        hits: list[Hit] = []
        for doc_id, unit_id in u.resolved:
            row = self.store.document_row(doc_id)
            hits.append(Hit(doc_id=doc_id, unit_id=unit_id or "", kind="dokumen" if not unit_id else "",
                            score=0.0, citation=cite_text(unit_id, row["singkatan"], row["nomor"], row["tahun"]),
                            path="", pasal=pasal_of(unit_id or "") or ""))
        if restrict is not None:
            hits = [h for h in hits if f"{h.doc_id}#{h.unit_id}" in restrict]
        total = len(hits)
        facets: dict = {}
        q = build_query(u.words, self.index) if not u.resolved or u.words != text else None
        if u.resolved and not u.words.strip():
            q = None
        if q is not None:
            wanted = page * limit * 4 + len(hits)
            fq = filters(public_only, jenis, tahun, status, tipe)
            if restrict is not None:
                within = Q.Or([Q.Term("key", k) for k in sorted(restrict)]) if restrict else Q.NullQuery
                fq = Q.And([fq, within]) if fq is not None else within
            found, total_found, facets = self.index.run(
                q, limit=wanted, filter_query=fq, sort_by_date=(sort == "tanggal"))
            seen = {(h.doc_id, h.unit_id) for h in hits}
            hits += [h for h in found if (h.doc_id, h.unit_id) not in seen]
            total += total_found
        hits = collapse(hits)
        window = hits[(page - 1) * limit: page * limit]
        words = set(re.findall(r"\w+", u.words.lower())) - {"and", "or", "not"}
        return {
            "query": text,
            "total": total,
            "page": page,
            "limit": limit,
            "citation": bool(u.resolved),
            "ambiguous": len(u.resolved) > 1,
            "hits": [self._hit_json(h, words) for h in window],
            "facets": facets,
            "suggestion": None,
        }

    def _hit_json(self, h: Hit, words: set[str]) -> dict:
        row = self.store.document_row(h.doc_id) or {}
        doc = {k: row.get(k) for k in DOC_KEYS}
        if not h.unit_id:
            text = row.get("tentang") or row.get("judul") or ""
            return {"doc": doc, "unit": None, "score": h.score, "snippet": snippet(text, words),
                    "url": f"/dokumen/{h.doc_id}"}
        tree = Tree(self.store.units(h.doc_id))
        unit = tree.by_id.get(h.unit_id)
        text = tree.full_text(h.unit_id) if unit else ""
        return {
            "doc": doc,
            "unit": {"id": h.unit_id, "kind": unit.kind if unit else h.kind, "pasal": pasal_of(h.unit_id),
                     "citation": h.citation, "path": h.path, "pages": tree.pages(h.unit_id) if unit else []},
            "score": h.score,
            "snippet": snippet(text, words),
            "url": f"/dokumen/{h.doc_id}/{h.unit_id}",
        }


def explain(u: Understood) -> dict:
    c = u.citation
    return {
        "query": u.text,
        "citation": None if c is None else {
            "singkatan": c.singkatan, "qualifier": c.qualifier, "nomor": c.nomor, "tahun": c.tahun,
            "path": [f"{k} {v}" for k, v in c.path]},
        "resolved": [f"{d}#{x}" if x else d for d, x in u.resolved],
        "words": u.words,
        "terms": analysis.terms(u.words),
        "whoosh": u.whoosh,
    }
