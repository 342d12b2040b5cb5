"""Annotations as the reader shows them: highlights in the text, a panel of
threads, and the JSON the API answers with.

What a visitor sees is decided here once, from the request's user: the
public sees ``publik`` threads of published documents only (and no links to
internal documents or notes); staff see what ``jdih.annotations`` lets them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from bottle import request

from jdih import annotations as A
from jdih import annotations_query as AQ
from jdih import notes
from jdih.ids import citation, unit_citation
from jdih.model import Tree, Unit
from jdih.site import Site
from jdih.store import Store

from .common import current_user


def doc_url(store: Store, doc_id: str, unit_id: str = "") -> str:
    row = store.document_row(doc_id) or {}
    base = f"/catatan/{doc_id}" if notes.is_note(row) else f"/dokumen/{doc_id}"
    if not unit_id:
        return base
    return f"{base}#{unit_id}" if notes.is_note(row) else f"{base}/{unit_id}"


def cite(store: Store, doc_id: str, unit_id: str = "") -> str:
    row = store.document_row(doc_id)
    if row is None:
        return f"{doc_id} {unit_citation(unit_id)}".strip()
    if notes.is_note(row):
        return f"{row['judul']} › {unit_citation(unit_id)}" if unit_id else row["judul"]
    return citation(unit_id or None, row["singkatan"], row["nomor"], row["tahun"])


def link_json(store: Store, doc_id: str, unit_id: str) -> dict:
    return {"doc_id": doc_id, "unit_id": unit_id, "citation": cite(store, doc_id, unit_id),
            "url": doc_url(store, doc_id, unit_id), "note": notes.is_note(store.document_row(doc_id))}


def visible_links(store: Store, ann: A.Annotation, viewer: dict | None) -> list[dict]:
    """An annotation's links; for the public only those to published documents."""
    out = []
    for doc_id, unit_id in ann.links:
        row = store.document_row(doc_id)
        if row is None or (not A.is_staff(viewer) and not row["public"]):
            continue
        out.append(link_json(store, doc_id, unit_id))
    return out


def to_json(store: Store, ann: A.Annotation, viewer: dict | None) -> dict:
    sel = ann.selector
    out = {
        "id": ann.id, "doc_id": ann.doc_id, "unit_id": ann.unit_id, "parent_id": ann.parent_id,
        "citation": cite(store, ann.doc_id, ann.unit_id), "url": doc_url(store, ann.doc_id, ann.unit_id),
        "selector": sel.to_dict() if sel else None,
        "body": ann.body, "tags": ann.tags, "kind": ann.kind, "visibility": ann.visibility, "status": ann.status,
        "author": ann.author, "created": ann.created_at, "updated": ann.updated_at, "deleted": ann.deleted_at,
        "links": visible_links(store, ann, viewer),
        "replies": [to_json(store, r, viewer) for r in ann.replies],
    }
    if not ann.parent_id:
        out["anchor"] = {"status": ann.anchor_status, "label": A.ANCHOR_LABELS[ann.anchor_status],
                         "note": ann.anchor_note, "unit_id": ann.unit_id, "base_unit_id": ann.base_unit_id,
                         "start": ann.current[0], "end": ann.current[1], "exact": ann.current[2],
                         "candidates": [{"unit_id": c, "citation": unit_citation(c)} for c in ann.anchor_candidates],
                         "checked": ann.anchor_checked_at}
    if not A.is_staff(viewer):
        for key in ("deleted",):
            out.pop(key, None)
        out.pop("anchor", None)
    return out


@dataclass
class ReaderView:
    """What the reader adds to a document for one visitor."""
    doc_id: str
    user: dict | None
    store: Store
    lanjut: str = ""                  # this page's path: forms come back here
    unit_links: bool = True           # "+ Anotasi" under each unit (a clause's page, a note; not the long reader)
    threads: list[A.Annotation] = field(default_factory=list)
    orphans: list[A.Annotation] = field(default_factory=list)
    marks: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    by_unit: dict[str, list[A.Annotation]] = field(default_factory=dict)
    discussed: dict[str, list[dict]] = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    tags: list[tuple[str, int]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    labels: dict = field(default_factory=dict)

    @property
    def staff(self) -> bool:
        return A.is_staff(self.user)

    def extra(self, unit: Unit) -> str:
        """HTML after a unit's own text: its threads' badge, the notes discussing it, an annotate link."""
        parts = []
        threads = self.by_unit.get(unit.id, [])
        if threads:
            label = f"{len(threads)} anotasi" if self.staff else f"{len(threads)} catatan publik"
            parts.append(f'<a class="lencana-anotasi" href="#anotasi-{escape(threads[0].id)}">{label}</a>')
        if self.staff:
            for n in self.discussed.get(unit.id, []):
                parts.append(f'<a class="dibahas" href="/catatan/{escape(n["note_id"])}#{escape(n["note_unit"])}">'
                             f'Dibahas dalam catatan: {escape(n["judul"])}</a>')
            if self.unit_links and unit.kind in ANNOTATABLE:
                parts.append(f'<a class="anotasi-baru" href="/anotasi/baru?dokumen={escape(self.doc_id)}'
                             f'&amp;unit={escape(unit.id)}" rel="nofollow">+ Anotasi '
                             f'<span class="tersembunyi">untuk {escape(unit_citation(unit.id))}</span></a>')
        return f'<div class="unit-anotasi">{"".join(parts)}</div>' if parts else ""


ANNOTATABLE = ("pasal", "ayat", "huruf", "angka", "diktum", "penjelasan", "menimbang", "mengingat", "lampiran",
               "seksi", "bab", "bagian", "paragraf")
FILTER_KEYS = {"tag": "tag", "penulis": "author", "status": "status", "jenis": "kind"}


def reader_view(site: Site, doc_id: str, tree: Tree, query: dict | None = None,
                unit_id: str | None = None, unit_links: bool | None = None) -> ReaderView:
    """Threads, highlights and note links of a document (or one clause and its parts)."""
    store, user = site.store, current_user()
    q = {k: v for k, v in (query or {}).items() if k in FILTER_KEYS and v}
    view = ReaderView(doc_id, user, store, lanjut=request.path, filters=q,
                      unit_links=unit_id is not None if unit_links is None else unit_links, labels={"anchor": A.ANCHOR_LABELS, "kind": A.KINDS,
                                                         "visibility": A.VISIBILITIES, "status": A.STATUSES})
    found = AQ.for_document(store, user, doc_id)
    view.tags = sorted({t for ann in found for t in ann.tags}, key=str.lower)
    view.authors = sorted({ann.author for ann in found})
    for ann in found:
        if unit_id and not (ann.unit_id == unit_id or ann.unit_id.startswith(unit_id + "__")):
            continue
        if any(not _passes(ann, FILTER_KEYS[k], v) for k, v in q.items()):
            continue
        if ann.anchor_status == "yatim" or ann.unit_id not in tree.by_id:
            if view.staff:
                view.orphans.append(ann)
            continue
        view.threads.append(ann)
        view.by_unit.setdefault(ann.unit_id, []).append(ann)
        start, end, _ = ann.current
        if start is not None and end is not None and end > start:
            view.marks.setdefault(ann.unit_id, []).append((start, end, ann.id))
    if view.staff:
        view.discussed = notes.discussed_in(store, doc_id)
    return view


def _passes(ann: A.Annotation, attr: str, value: str) -> bool:
    if attr == "tag":
        return value.lower() in (t.lower() for t in ann.tags)
    return getattr(ann, attr) == value


def thread_links(store: Store, ann: A.Annotation, viewer: dict | None) -> list[dict]:
    return visible_links(store, ann, viewer)
