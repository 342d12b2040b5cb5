"""Public pages and their ``.json`` twins: search (``/cari``), document reader
(``/dokumen/<id>``), clause permalink (``/dokumen/<id>/<unit_id>``), original
file download (``/berkas/<id>``). Only published documents are shown.
"""
from __future__ import annotations

import mimetypes
import os

import bottle
from bottle import Bottle, HTTPError, request

from jdih.ids import citation, unit_citation
from jdih.model import Tree
from jdih.site import Site

from .annotations_view import reader_view
from .common import json_response
from .common import page as common_page
from .render import Renderer

META_LABELS = (
    ("tipe", "Tipe Dokumen"), ("judul", "Judul"), ("teu_badan", "T.E.U. Badan"), ("nomor", "Nomor"),
    ("jenis", "Bentuk"), ("singkatan", "Singkatan Jenis"), ("tahun", "Tahun"),
    ("tempat_penetapan", "Tempat Penetapan"), ("tanggal_penetapan", "Tanggal Penetapan"),
    ("tanggal_pengundangan", "Tanggal Pengundangan"), ("sumber", "Sumber"), ("subjek", "Subjek"),
    ("status", "Status"), ("bahasa", "Bahasa"), ("bidang_hukum", "Bidang Hukum"),
    ("penandatangan", "Penandatangan"), ("pemrakarsa", "Pemrakarsa"),
)
KIND_LABELS = {"pasal": "Pasal", "ayat": "Ayat", "huruf": "Huruf", "angka": "Angka", "penjelasan": "Penjelasan",
               "diktum": "Diktum", "lampiran": "Lampiran", "dokumen": "Dokumen"}


def install(app: Bottle, site: Site) -> None:
    store, searcher = site.store, site.searcher
    site_name = site.settings.get("site_name", "JDIH")

    def page(name: str, **kw) -> str:
        return common_page(site, name, **kw)

    def public_doc(doc_id: str) -> dict:
        row = store.document_row(doc_id)
        if row is None or not row["public"]:
            raise HTTPError(404, "Dokumen tidak ditemukan.")
        return row

    @app.get("/")
    def home():
        docs = store.documents(public_only=True)
        by_jenis: dict[str, int] = {}
        for d in docs:
            by_jenis[d["jenis"] or "Lainnya"] = by_jenis.get(d["jenis"] or "Lainnya", 0) + 1
        newest = sorted(docs, key=lambda d: (d["created_at"], d["id"]), reverse=True)[:10]
        return page("home.tpl", title=site_name, docs=newest, total=len(docs), by_jenis=sorted(by_jenis.items()))

    def search_params() -> dict:
        q = request.query.getunicode("q", "") or ""
        try:
            halaman = max(1, int(request.query.get("halaman", "1")))
        except ValueError:
            halaman = 1
        return dict(text=q.strip()[:500], page=halaman, jenis=request.query.getunicode("jenis", "") or "",
                    tahun=request.query.get("tahun", ""), sort=request.query.get("urut", "relevansi"))

    @app.get("/cari.json")
    def search_json():
        p = search_params()
        if not p["text"]:
            return json_response({"query": "", "total": 0, "hits": [], "facets": {}, "suggestion": None})
        return json_response(searcher.search(p.pop("text"), limit=10, **p))

    @app.get("/cari")
    def search_page():
        p = search_params()
        if not p["text"]:
            return page("search.tpl", title="Pencarian", result=None, params=p)
        result = searcher.search(p["text"], limit=10, page=p["page"], jenis=p["jenis"], tahun=p["tahun"],
                                 sort=p["sort"])
        if result["citation"] and not result["ambiguous"] and len(result["hits"]) == 1 and p["page"] == 1 \
                and not request.query.get("daftar"):
            bottle.redirect(result["hits"][0]["url"], 303)
        return page("search.tpl", title=f"Pencarian: {p['text']}", result=result, params=p, q=p["text"],
                    kinds=KIND_LABELS)

    @app.get("/dokumen")
    def documents():
        docs = store.documents(public_only=True)
        return page("documents.tpl", title="Daftar Dokumen", docs=docs)

    @app.get("/dokumen/<doc_id>.json")
    def document_json(doc_id: str):
        public_doc(doc_id)
        doc = store.get_document(doc_id)
        return json_response({"doc": doc.meta(), "units": [u.to_dict() for u in doc.units],
                              "relations": doc.relations})

    @app.get("/dokumen/<doc_id>")
    def document(doc_id: str):
        row = public_doc(doc_id)
        doc = store.get_document(doc_id)
        tree = Tree(doc.units)
        anotasi = reader_view(site, doc_id, tree, dict(request.query.decode()))
        r = Renderer(doc_id, tree, marks=anotasi.marks, extra=anotasi.extra)
        store.bump(doc_id, "views")
        body = r.units([u for u in tree.roots()])
        meta = [(label, row.get(key)) for key, label in META_LABELS if row.get(key) not in ("", None)]
        attachments = [a for a in store.attachments(doc_id)]
        return page("document.tpl", title=doc.judul or doc_id, doc=row, meta=meta, body=body, toc=r.toc(),
                    attachments=attachments, relations=doc.relations, anotasi=anotasi)

    @app.get("/dokumen/<doc_id>/<unit_id>.json")
    def unit_json(doc_id: str, unit_id: str):
        row = public_doc(doc_id)
        tree = Tree(store.units(doc_id))
        unit = tree.by_id.get(unit_id)
        if unit is None:
            return json_response({"error": "Unit tidak ditemukan."}, 404)
        return json_response({
            "doc": {k: row[k] for k in ("id", "jenis", "singkatan", "nomor", "tahun", "judul", "status")},
            "unit": unit.to_dict(),
            "citation": citation(unit_id, row["singkatan"], row["nomor"], row["tahun"]),
            "text": tree.full_text(unit_id),
            "children": [u.to_dict() for u in tree.descendants(unit_id)],
            "penjelasan": tree.full_text(f"penjelasan__{unit_id}") if f"penjelasan__{unit_id}" in tree.by_id else None,
        })

    @app.get("/dokumen/<doc_id>/<unit_id>")
    def unit_page(doc_id: str, unit_id: str):
        row = public_doc(doc_id)
        tree = Tree(store.units(doc_id))
        unit = tree.by_id.get(unit_id)
        if unit is None:
            raise HTTPError(404, "Pasal atau bagian yang diminta tidak ada dalam dokumen ini.")
        anotasi = reader_view(site, doc_id, tree, dict(request.query.decode()), unit_id=unit_id)
        r = Renderer(doc_id, tree, marks=anotasi.marks, extra=anotasi.extra)
        body = r.unit(unit, with_penjelasan=False)
        pj = r.penjelasan_of(unit_id)
        penjelasan = r.penjelasan_body(pj) if pj is not None else ""
        path = [a for a in tree.ancestors(unit_id) if a.kind in ("bab", "bagian", "paragraf", "pasal")]
        full = citation(unit_id, row["singkatan"], row["nomor"], row["tahun"])
        long_cite = f"{unit_citation(unit_id)} {row['judul']}".strip()
        return page("unit.tpl", title=full, doc=row, unit=unit, body=body, penjelasan=penjelasan, path=path,
                    citation=full, long_citation=long_cite, anotasi=anotasi)

    @app.get("/berkas/<doc_id>")
    def download(doc_id: str):
        row = public_doc(doc_id)
        return _send_file(row["source_sha256"], doc_id, doc_id)

    @app.get("/berkas/<doc_id>/<digest:re:[0-9a-f]{64}>")
    def download_attachment(doc_id: str, digest: str):
        public_doc(doc_id)
        if not any(a["sha256"] == digest for a in store.attachments(doc_id)):
            raise HTTPError(404, "Berkas tidak ditemukan.")
        return _send_file(digest, f"{doc_id}-{digest[:8]}", doc_id)

    def _send_file(digest: str | None, stem: str, doc_id: str):
        info = store.file_info(digest) if digest else None
        if info is None or not store.file_path(digest).exists():
            raise HTTPError(404, "Berkas asli tidak tersedia.")
        ext = os.path.splitext(info["filename"])[1].lower() or ".bin"
        mime = mimetypes.types_map.get(ext, "application/octet-stream")
        store.bump(doc_id, "downloads")
        return bottle.static_file(digest, root=str(store.file_path(digest).parent), mimetype=mime,
                                  download=f"{stem}{ext}")
