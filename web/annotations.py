"""Staff pages for annotations (they work without JavaScript; the reader's
script uses the JSON API of ``annotations_api`` for the same actions):

- ``/anotasi``: every annotation the user may see, with full-text search and
  filters (tag, author, status, kind, visibility, anchor status, document);
  export links; import for admins.
- ``/anotasi/baru``: annotate a whole unit (or a span passed by the script).
- ``/anotasi/<id>``: one thread, its anchor (what changed after re-indexing,
  candidates for an orphan), editing and its append-only history.
- form posts: create, reply, status, edit, delete, restore, confirm and attach
  an anchor; each redirects back (``lanjut``) and goes to the audit log.
"""
from __future__ import annotations

from urllib.parse import urlencode

import bottle
from bottle import Bottle, HTTPError, request, response

from jdih import annotations as A
from jdih import annotations_query as AQ
from jdih import annotations_io as io
from jdih.audit import audit
from jdih.ids import unit_citation
from jdih.reanchor import confirm, reattach
from jdih.site import Site

from . import annotations_api, staff_search
from . import notes as notes_web
from .annotations_api import query_from
from .annotations_view import cite, doc_url
from .auth import _safe_next, login_required
from .common import current_user, page

PAGE_SIZE = 25
LABELS = {"anchor": A.ANCHOR_LABELS, "kind": A.KINDS, "visibility": A.VISIBILITIES, "status": A.STATUSES}


def _form() -> dict:
    return {k: request.forms.getunicode(k) or "" for k in request.forms.keys()}


def _selector(f: dict) -> dict | None:
    if f.get("mulai", "").strip() and f.get("akhir", "").strip():
        return {"start": f["mulai"], "end": f["akhir"], "exact": f.get("kutipan", "")}
    return None


def install(app: Bottle, site: Site) -> None:
    store = site.store
    annotations_api.install(app, site)
    notes_web.install(app, site)
    staff_search.install(app, site)

    def back(f: dict, ann_id: str) -> None:
        target = _safe_next(f.get("lanjut") or f"/anotasi/{ann_id}")
        bottle.redirect(target, 303)

    def log(action: str, ann_id: str, detail: dict | None = None) -> None:
        audit(store, current_user()["name"], action, f"anotasi:{ann_id}", detail or {})

    @app.get("/anotasi")
    @login_required()
    def list_page():
        user, params = current_user(), request.query.decode()
        try:
            halaman = max(1, int(params.get("halaman", "1")))
        except ValueError:
            halaman = 1
        q = query_from(params)
        q.limit, q.offset = PAGE_SIZE, (halaman - 1) * PAGE_SIZE
        threads, total = AQ.listing(store, user, q)
        keep = {k: v for k, v in params.items() if k != "halaman" and v}
        return page(site, "anotasi_daftar.tpl", title="Anotasi", threads=threads, total=total, halaman=halaman,
                    pages=max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE), params=keep, query=urlencode(keep),
                    tags=AQ.tags(store, user), authors=AQ.authors(store, user), counts=AQ.counts_by_anchor(store),
                    labels=LABELS, store=store, cite=cite, doc_url=doc_url, message=params.get("pesan", ""))

    @app.get("/anotasi/baru")
    @login_required()
    def new_form():
        f = {k: v for k, v in request.query.decode().items()}
        return _new_page(f)

    def _new_page(f: dict, error: str = ""):
        doc_id, unit_id = f.get("dokumen", ""), f.get("unit", "")
        if store.document_row(doc_id) is None:
            raise HTTPError(404, "Dokumen tidak ditemukan.")
        if error:
            response.status = 400
        return page(site, "anotasi_baru.tpl", title="Anotasi baru", f=f, error=error, labels=LABELS,
                    citation=cite(store, doc_id, unit_id), back=_safe_next(f.get("lanjut") or doc_url(store, doc_id)))

    @app.post("/anotasi")
    @login_required()
    def create():
        f = _form()
        try:
            ann = A.create(store, current_user(), doc_id=f.get("dokumen", ""), unit_id=f.get("unit", ""),
                           body=f.get("isi", ""), selector=_selector(f), tags=f.get("tag", ""),
                           kind=f.get("jenis") or "catatan", visibility=f.get("visibilitas") or "internal",
                           links=f.get("tautan", ""))
        except A.AnnotationError as exc:
            return _new_page(f, exc.pesan)
        log("anotasi-buat", ann.id, {"dokumen": ann.doc_id, "unit": ann.unit_id})
        target = _safe_next(f.get("lanjut") or doc_url(store, ann.doc_id, ann.unit_id))
        bottle.redirect(f"{target.split('#')[0]}#anotasi-{ann.id}", 303)

    @app.get("/anotasi/<ann_id>")
    @login_required()
    def thread_page(ann_id: str):
        return _thread_page(ann_id)

    def _thread_page(ann_id: str, error: str = "", f: dict | None = None, status: int = 200):
        user = current_user()
        try:
            ann = A.get(store, user, ann_id, deleted=True)
        except A.AnnotationError as exc:
            raise HTTPError(exc.status, exc.pesan)
        if ann.parent_id:
            bottle.redirect(f"/anotasi/{ann.parent_id}#anotasi-{ann.id}", 303)
        response.status = status
        units = {u.id: u for u in store.units(ann.doc_id)}
        return page(site, "anotasi_satu.tpl", title=f"Anotasi · {cite(store, ann.doc_id, ann.unit_id)}", t=ann,
                    history=A.history(store, user, ann_id), error=error, f=f or {}, labels=LABELS, store=store,
                    units=units, cite=cite, doc_url=doc_url, unit_citation=unit_citation,
                    may_manage=A._may_manage(user, ann), lanjut=f"/anotasi/{ann.id}")

    def act(ann_id: str, fn, action: str):
        """Run a change from a form; a refusal shows the thread page with the message and the typed text."""
        f = _form()
        try:
            ann = fn(f)
        except A.AnnotationError as exc:
            return _thread_page(ann_id, exc.pesan, f, exc.status if exc.status != 404 else 400)
        log(action, ann.id)
        back(f, ann_id)

    @app.post("/anotasi/<ann_id>/balas")
    @login_required()
    def reply(ann_id: str):
        return act(ann_id, lambda f: A.reply(store, current_user(), ann_id, f.get("isi", ""),
                                             visibility=f.get("visibilitas") or None), "anotasi-balas")

    @app.post("/anotasi/<ann_id>/status")
    @login_required()
    def set_status(ann_id: str):
        return act(ann_id, lambda f: A.update(store, current_user(), ann_id, {"status": f.get("status", "")}),
                   "anotasi-ubah")

    @app.post("/anotasi/<ann_id>/ubah")
    @login_required()
    def edit(ann_id: str):
        def change(f):
            return A.update(store, current_user(), ann_id, {
                "body": f.get("isi", ""), "tags": f.get("tag", ""), "kind": f.get("jenis") or None,
                "visibility": f.get("visibilitas") or None, "links": f.get("tautan", "")})
        return act(ann_id, change, "anotasi-ubah")

    @app.post("/anotasi/<ann_id>/hapus")
    @login_required()
    def delete(ann_id: str):
        return act(ann_id, lambda f: A.delete(store, current_user(), ann_id), "anotasi-hapus")

    @app.post("/anotasi/<ann_id>/pulihkan")
    @login_required()
    def restore(ann_id: str):
        return act(ann_id, lambda f: A.restore(store, current_user(), ann_id), "anotasi-pulihkan")

    @app.post("/anotasi/<ann_id>/konfirmasi")
    @login_required()
    def confirm_anchor(ann_id: str):
        return act(ann_id, lambda f: confirm(store, current_user(), ann_id), "anotasi-konfirmasi-jangkar")

    @app.post("/anotasi/<ann_id>/pasang")
    @login_required()
    def attach(ann_id: str):
        return act(ann_id, lambda f: reattach(store, current_user(), ann_id, f.get("unit", ""), _selector(f)),
                   "anotasi-pasang-jangkar")

    @app.post("/anotasi/impor")
    @login_required("admin")
    def import_file():
        upload = request.files.get("berkas")
        if upload is None:
            bottle.redirect("/anotasi?" + urlencode({"pesan": "Pilih berkas JSON-LD atau CSV untuk diimpor."}), 303)
        raw = upload.file.read(annotations_api.MAX_IMPORT + 1)
        fmt = "csv" if upload.raw_filename.lower().endswith(".csv") else "jsonld"
        try:
            if len(raw) > annotations_api.MAX_IMPORT:
                raise io.ImportFormatError("Berkas impor terlalu besar (maks. 20 MB).")
            report = io.import_text(store, raw.decode("utf-8-sig"), fmt)
            s = report.summary()
            message = f"Impor selesai: {s['diimpor']} diimpor, {s['dilewati']} sudah ada (dilewati)" + \
                (f", {len(report.errors)} galat: " + "; ".join(report.errors[:3]) if report.errors else "") + "."
            audit(store, current_user()["name"], "anotasi-impor", "anotasi:*", s)
        except (io.ImportFormatError, UnicodeDecodeError) as exc:
            message = "Impor gagal: " + getattr(exc, "pesan", "berkas bukan teks UTF-8.")
        bottle.redirect("/anotasi?" + urlencode({"pesan": message}), 303)
