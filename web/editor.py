"""Staff pages for a document's record (login required, any role):
``/staf/dokumen`` lists every document (published or not); ``/staf/dokumen/<id>``
edits the metadata (the extracted values shown beside corrections), the
abstract, the relations and publication. Every change goes through
jdih/editing.py, which writes the audit log. A refused change re-shows the
form with what was typed and the reasons, and saves nothing.
"""
from __future__ import annotations

from urllib.parse import quote

import bottle
from bottle import Bottle, HTTPError, request, response

from jdih import editing, record
from jdih.abstrak import Abstrak
from jdih.audit import entries
from jdih.site import Site

from .auth import login_required
from .common import current_user, page

MESSAGES = {
    "metadata": "Metadata disimpan.", "abstrak": "Abstrak disimpan.", "relasi-tambah": "Relasi ditambahkan.",
    "relasi-hapus": "Relasi dihapus.", "terbit": "Dokumen diterbitkan.", "tarik": "Dokumen ditarik dari publikasi.",
    "kembalikan": "Nilai hasil ekstraksi dipulihkan.", "tetap": "Tidak ada perubahan.",
}


def form_dict() -> dict[str, str]:
    return {k: request.forms.getunicode(k) or "" for k in request.forms.keys()}


def install(app: Bottle, site: Site) -> None:
    store = site.store

    def doc_or_404(doc_id: str) -> dict:
        row = store.document_row(doc_id)
        if row is None:
            raise HTTPError(404, "Dokumen tidak ditemukan.")
        return row

    def actor() -> str:
        return current_user()["name"]

    def done(doc_id: str, key: str):
        bottle.redirect(f"/staf/dokumen/{quote(doc_id)}?pesan={key}", 303)

    def edit_page(doc_id: str, *, errors: dict | None = None, typed: dict | None = None, error: str = "",
                  abstrak_typed: dict | None = None, abstrak_errors: dict | None = None, status: int = 200):
        row = doc_or_404(doc_id)
        response.status = status
        values = {name: str(row[name] if row[name] is not None else "") for name, _ in editing.FIELDS}
        values.update(typed or {})
        written = Abstrak.from_json(row["abstrak"] or "") or Abstrak()
        abstrak_values = abstrak_typed or {"alasan": written.alasan, "dasar_hukum": written.dasar_hukum,
                                           "isi": written.isi, "catatan": "\n".join(written.catatan)}
        others = [d for d in store.documents() if d["id"] != doc_id]
        return page(site, "staff_document.tpl", title=f"Kelola {row['judul'] or doc_id}", doc=row,
                    fields=editing.FIELDS, values=values, errors=errors or {}, error=error,
                    overrides=editing.overrides(site, doc_id), statuses=record.STATUSES,
                    tipe_choices=editing.TIPE_CHOICES, abstrak=abstrak_values, abstrak_errors=abstrak_errors or {},
                    sheet=record.abstract(store, dict(row, abstrak="")),
                    relations=record.relations(store, doc_id, public_only=False),
                    choices=editing.RELATION_CHOICES, others=others, label=record.doc_label(row),
                    message=MESSAGES.get(request.query.get("pesan", ""), ""),
                    history=entries(store, limit=50, target=f"dokumen:{doc_id}"))

    @app.get("/staf/dokumen")
    @login_required()
    def staff_documents():
        docs = store.documents()
        return page(site, "staff_documents.tpl", title="Kelola Dokumen", docs=docs, label=record.doc_label,
                    evaluasi=record.TIPE_EVALUASI)

    @app.get("/staf/dokumen/<doc_id>")
    @login_required()
    def staff_document(doc_id: str):
        return edit_page(doc_id)

    @app.post("/staf/dokumen/<doc_id>/metadata")
    @login_required()
    def save_metadata(doc_id: str):
        doc_or_404(doc_id)
        typed = {name: request.forms.getunicode(name) or "" for name, _ in editing.FIELDS if name in request.forms}
        result = editing.update_fields(site, doc_id, typed, actor())
        if not result.ok:
            return edit_page(doc_id, errors=result.errors, typed=typed, status=400,
                             error="Metadata belum disimpan: periksa isian yang ditandai.")
        done(doc_id, "metadata" if result.changed else "tetap")

    @app.post("/staf/dokumen/<doc_id>/kembalikan")
    @login_required()
    def revert(doc_id: str):
        doc_or_404(doc_id)
        try:
            editing.revert_field(site, doc_id, request.forms.getunicode("bidang") or "", actor())
        except editing.EditError as exc:
            return edit_page(doc_id, error=str(exc), status=400)
        done(doc_id, "kembalikan")

    @app.post("/staf/dokumen/<doc_id>/abstrak")
    @login_required()
    def save_abstrak(doc_id: str):
        doc_or_404(doc_id)
        typed = {k: request.forms.getunicode(k) or "" for k in ("alasan", "dasar_hukum", "isi", "catatan")}
        result = editing.set_abstrak(site, doc_id, typed, actor())
        if not result.ok:
            return edit_page(doc_id, abstrak_typed=typed, abstrak_errors=result.errors, status=400,
                             error="Abstrak belum disimpan: periksa isian yang ditandai.")
        done(doc_id, "abstrak" if result.changed else "tetap")

    @app.post("/staf/dokumen/<doc_id>/relasi")
    @login_required()
    def add_relation(doc_id: str):
        doc_or_404(doc_id)
        f = request.forms
        try:
            editing.add_relation(site, doc_id, f.getunicode("jenis") or "", f.getunicode("dokumen") or "",
                                 f.getunicode("rujukan") or "", f.getunicode("catatan") or "", actor())
        except editing.EditError as exc:
            return edit_page(doc_id, error=f"Relasi belum ditambahkan: {exc}", status=400)
        done(doc_id, "relasi-tambah")

    @app.post("/staf/dokumen/<doc_id>/relasi/<rel_id:int>/hapus")
    @login_required()
    def remove_relation(doc_id: str, rel_id: int):
        doc_or_404(doc_id)
        try:
            editing.remove_relation(site, doc_id, rel_id, actor())
        except editing.EditError as exc:
            return edit_page(doc_id, error=str(exc), status=400)
        done(doc_id, "relasi-hapus")

    @app.post("/staf/dokumen/<doc_id>/terbit")
    @login_required()
    def publish(doc_id: str):
        doc_or_404(doc_id)
        public = request.forms.get("terbit") == "1"
        try:
            editing.set_published(site, doc_id, public, actor())
        except editing.EditError as exc:
            return edit_page(doc_id, error=str(exc), status=400)
        done(doc_id, "terbit" if public else "tarik")
