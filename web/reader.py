"""The public document page, clause permalinks and downloads, with their
``.json`` twins.

``/dokumen/<id>``: the full metadata record, relations from both sides, the
structured abstract, files with counters, and the readable text with a table
of contents and a permalink on every Pasal and ayat.
``/dokumen/<id>/<unit_id>``: the clause, its path, its Penjelasan, the
relations touching it and its citation with a "Salin kutipan" button.
Published documents only (``web/published.py``); logged-in staff also read
unpublished ones, marked as such, and their visits are not counted.
"""
from __future__ import annotations

import mimetypes
import re

import bottle
from bottle import Bottle, HTTPError, request

from jdih import record
from jdih.clause_relations import clause_relations
from jdih.excerpt import clause_tree
from jdih.ids import citation, unit_citation
from jdih.model import Tree
from jdih.site import Site

from .annotations_view import reader_view
from .common import current_user, json_response, page
from .published import readable_row
from .relations import reader_parts
from .render import Renderer

STRUCTURE = ("bab", "bagian", "paragraf", "pasal")
UNIT_NOT_FOUND = "Pasal atau bagian yang diminta tidak ada dalam dokumen ini."


# User agents of crawlers, link checkers and scripts: their requests are not
# readers, so the public counters ("Dilihat", "Diunduh") leave them out.
CRAWLER_RE = re.compile(r"bot\b|bot/|crawl|spider|slurp|archiver|fetch|monitor|curl|wget|python-|httpx|"
                        r"go-http-client|java/|libwww|headless|lighthouse|facebookexternalhit", re.I)


def counted() -> bool:
    """Whether this request is a reader's: a GET by the public, not by a crawler."""
    agent = request.headers.get("User-Agent", "")
    return request.method == "GET" and current_user() is None and bool(agent) and not CRAWLER_RE.search(agent)


def long_citation(unit_id: str, row: dict) -> str:
    """'Pasal 220 ayat (1) Undang-Undang Nomor 8 Tahun 2012 tentang ...'."""
    return f"{unit_citation(unit_id)} {row['judul']}".strip()


def record_json(store, row: dict, public_only: bool = True) -> dict:
    """The public record of a document: metadata, relations, abstract, files."""
    abstrak = record.abstract(store, row)
    return {
        "doc": {key: row.get(key) for key in ("id", *[k for k, _ in record.META_LABELS])},
        "counters": {"views": row["views"], "downloads": row["downloads"]},
        "relations": [{k: r[k] for k in ("kind", "label", "direction", "doc_id", "cite", "title", "ref", "note")}
                      for r in record.relations(store, row["id"], public_only)],
        "abstrak": None if abstrak is None else {
            "alasan": abstrak.alasan, "dasar_hukum": abstrak.dasar_hukum_items(), "isi": abstrak.isi,
            "catatan": abstrak.catatan, "sumber": abstrak.sumber},
        "files": [{k: f[k] for k in ("role", "label", "url", "filename")} for f in record.files(store, row)],
        "url": f"/dokumen/{row['id']}",
    }


def clause_json(store, row: dict, tree: Tree, unit_id: str, public_only: bool = True) -> dict:
    unit = tree.by_id[unit_id]
    pj = f"penjelasan__{unit_id}"
    return {
        "doc": {k: row[k] for k in ("id", "jenis", "singkatan", "nomor", "tahun", "judul", "status")},
        "unit": unit.to_dict(),
        "citation": citation(unit_id, row["singkatan"], row["nomor"], row["tahun"]),
        "long_citation": long_citation(unit_id, row),
        "path": [{"id": a.id, "label": a.label or a.kind} for a in tree.ancestors(unit_id) if a.kind in STRUCTURE],
        "text": tree.full_text(unit_id),
        "children": [u.to_dict() for u in tree.descendants(unit_id)],
        "penjelasan": tree.full_text(pj) if pj in tree.by_id else None,
        "relations": [{k: r[k] for k in ("label", "doc_id", "unit_id", "cite", "url")}
                      for r in clause_relations(store, row["id"], unit_id, public_only)],
        "url": f"/dokumen/{row['id']}/{unit_id}",
    }


def install(app: Bottle, site: Site) -> None:
    store = site.store

    @app.get("/dokumen/<doc_id>.json")
    def document_json(doc_id: str):
        row = readable_row(store, doc_id)
        doc = store.get_document(doc_id)
        data = record_json(store, row, public_only=current_user() is None)
        data["units"] = [u.to_dict() for u in doc.units]
        return json_response(data)

    @app.get("/dokumen/<doc_id>")
    def document(doc_id: str):
        row = readable_row(store, doc_id)
        staff = current_user() is not None
        tree = Tree(store.units(doc_id))
        anotasi = reader_view(site, doc_id, tree, dict(request.query.decode()))
        refs, notes, changes = reader_parts(store, doc_id)  # links, amendment effects
        r = Renderer(doc_id, tree, marks=anotasi.marks, refs=refs,
                     extra=lambda u: notes.get(u.id, "") + anotasi.extra(u))
        if counted():
            store.bump(doc_id, "views")
            row["views"] += 1
        rels = record.relations(store, doc_id, public_only=not staff)
        return page(site, "document.tpl", title=row["judul"] or doc_id, doc=row, meta=record.meta_rows(row),
                    body=r.units(tree.roots()), toc=r.toc(), files=record.files(store, row),
                    relations=record.grouped(rels), abstrak=record.abstract(store, row),
                    label=record.doc_label(row), staff=staff, anotasi=anotasi, perubahan=changes)

    @app.get("/dokumen/<doc_id>/<unit_id>.json")
    def unit_json(doc_id: str, unit_id: str):
        row = readable_row(store, doc_id)
        tree = clause_tree(store, doc_id, unit_id)
        if unit_id not in tree.by_id:
            return json_response({"error": UNIT_NOT_FOUND}, 404)
        return json_response(clause_json(store, row, tree, unit_id, public_only=current_user() is None))

    @app.get("/dokumen/<doc_id>/<unit_id>")
    def unit_page(doc_id: str, unit_id: str):
        row = readable_row(store, doc_id)
        tree = clause_tree(store, doc_id, unit_id)
        unit = tree.by_id.get(unit_id)
        if unit is None:
            raise HTTPError(404, UNIT_NOT_FOUND)
        anotasi = reader_view(site, doc_id, tree, dict(request.query.decode()), unit_id=unit_id)
        refs, notes, _ = reader_parts(store, doc_id)
        r = Renderer(doc_id, tree, marks=anotasi.marks, refs=refs,
                     extra=lambda u: notes.get(u.id, "") + anotasi.extra(u))
        pj = r.penjelasan_of(unit_id)
        path = [a for a in tree.ancestors(unit_id) if a.kind in STRUCTURE]
        full = citation(unit_id, row["singkatan"], row["nomor"], row["tahun"])
        return page(site, "unit.tpl", title=full, doc=row, unit=unit, body=r.unit(unit, with_penjelasan=False),
                    penjelasan=r.penjelasan_body(pj) if pj is not None else "", path=path, citation=full,
                    long_citation=long_citation(unit_id, row), label=record.doc_label(row),
                    relations=clause_relations(store, doc_id, unit_id, public_only=current_user() is None),
                    scripts=["kutipan.js"], anotasi=anotasi)

    @app.get("/berkas/<doc_id>")
    def download(doc_id: str):
        row = readable_row(store, doc_id)
        if not row["source_sha256"]:
            raise HTTPError(404, "Berkas asli tidak tersedia.")
        return send_file(row["source_sha256"], doc_id, doc_id)

    @app.get("/berkas/<doc_id>/<digest:re:[0-9a-f]{64}>")
    def download_attachment(doc_id: str, digest: str):
        readable_row(store, doc_id)
        att = next((a for a in store.attachments(doc_id) if a["sha256"] == digest), None)
        if att is None:
            raise HTTPError(404, "Berkas tidak ditemukan.")
        return send_file(digest, f"{doc_id}-{att['role']}", doc_id)

    def send_file(digest: str, stem: str, doc_id: str):
        info = store.file_info(digest)
        if info is None or not store.file_path(digest).exists():
            raise HTTPError(404, "Berkas asli tidak tersedia.")
        name = record.download_name(stem, info["filename"])
        mime = mimetypes.types_map.get("." + name.rsplit(".", 1)[-1], "application/octet-stream")
        if counted():
            store.bump(doc_id, "downloads")
        return bottle.static_file(digest, root=str(store.file_path(digest).parent), mimetype=mime, download=name)
