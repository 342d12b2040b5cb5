"""The staff JSON API for annotations, under ``/api/anotasi`` (the reader's
JavaScript uses it too). Every route needs a staff login (401 JSON without);
every change carries the CSRF header (checked by ``web.auth``) and goes to
the audit log.

| method and path                         | what                                            |
|-----------------------------------------|-------------------------------------------------|
| GET    /api/anotasi                     | list: dokumen, unit, tag, penulis, status, jenis, visibilitas, jangkar, q, terhapus, batas, mulai |
| POST   /api/anotasi                     | create: doc_id, unit_id, selector {start, end, exact}, body, tags, kind, visibility, links, parent_id |
| GET    /api/anotasi/<id>                | one thread with replies                         |
| PATCH  /api/anotasi/<id>                | change body, tags, kind, visibility, links, status |
| DELETE /api/anotasi/<id>                | delete (reversible)                             |
| POST   /api/anotasi/<id>/pulihkan       | restore                                         |
| POST   /api/anotasi/<id>/balasan        | reply: body, visibility                         |
| POST   /api/anotasi/<id>/konfirmasi     | accept a moved or changed anchor                |
| POST   /api/anotasi/<id>/jangkar        | attach to unit_id (+ selector) by hand          |
| GET    /api/anotasi/<id>/riwayat        | the append-only history                         |
| GET    /api/anotasi/ekspor              | W3C Web Annotation JSON-LD or CSV (format=jsonld|csv; dokumen, tag) |
| POST   /api/anotasi/impor               | import JSON-LD or CSV (admin)                   |
"""
from __future__ import annotations

import json

from bottle import Bottle, HTTPResponse, request

from jdih import annotations as A
from jdih import annotations_query as AQ
from jdih import annotations_io as io
from jdih.audit import audit
from jdih.reanchor import confirm, reattach
from jdih.site import Site

from .annotations_view import to_json
from .auth import login_required
from .common import current_user, json_response

MAX_IMPORT = 20 * 1024 * 1024


def _body() -> dict:
    try:
        data = json.loads(request.body.read(2 * 1024 * 1024 + 1) or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise HTTPResponse(json.dumps({"error": "Badan permintaan bukan JSON yang sah."}), 400,
                           headers={"Content-Type": "application/json; charset=utf-8"})
    if not isinstance(data, dict):
        raise HTTPResponse(json.dumps({"error": "Badan permintaan harus objek JSON."}), 400,
                           headers={"Content-Type": "application/json; charset=utf-8"})
    return data


def query_from(params) -> AQ.Query:
    def num(name: str, default: int) -> int:
        try:
            return int(params.get(name, default))
        except (TypeError, ValueError):
            return default
    return AQ.Query(doc_id=params.get("dokumen", ""), unit_id=params.get("unit", ""), tag=params.get("tag", ""),
                   author=params.get("penulis", ""), status=params.get("status", ""), kind=params.get("jenis", ""),
                   visibility=params.get("visibilitas", ""), anchor=params.get("jangkar", ""),
                   text=params.get("q", ""), deleted=params.get("terhapus", "") in ("1", "ya"),
                   limit=num("batas", 50), offset=num("mulai", 0))


def install(app: Bottle, site: Site) -> None:
    store = site.store

    def run(fn, status: int = 200):
        """Call the library; its refusals become JSON errors with their status."""
        try:
            return json_response(fn(), status)
        except A.AnnotationError as exc:
            return json_response({"error": exc.pesan}, exc.status)

    def log(action: str, ann_id: str, detail: dict | None = None) -> None:
        audit(store, current_user()["name"], action, f"anotasi:{ann_id}", detail or {})

    @app.get("/api/anotasi")
    @login_required()
    def api_list():
        user = current_user()
        threads, total = AQ.listing(store, user, query_from(request.query.decode()))
        return json_response({"total": total, "items": [to_json(store, t, user) for t in threads]})

    @app.post("/api/anotasi")
    @login_required()
    def api_create():
        data, user = _body(), current_user()

        def create():
            ann = A.create(store, user, doc_id=str(data.get("doc_id", "")), unit_id=str(data.get("unit_id", "")),
                           body=str(data.get("body", "")), selector=data.get("selector") or None,
                           tags=data.get("tags") or [], kind=data.get("kind") or "catatan",
                           visibility=data.get("visibility") or "internal", links=data.get("links") or [],
                           parent_id=data.get("parent_id") or None)
            log("anotasi-buat", ann.id, {"dokumen": ann.doc_id, "unit": ann.unit_id})
            return to_json(store, ann, user)
        return run(create, 201)

    @app.get("/api/anotasi/ekspor")
    @login_required()
    def api_export():
        user = current_user()
        q = request.query.decode()
        fmt = q.get("format", "jsonld")
        anns = io.select(store, user, doc_id=q.get("dokumen", ""), tag=q.get("tag", ""))
        base = site.settings.get("base_url") or request.urlparts.scheme + "://" + request.urlparts.netloc
        if fmt == "csv":
            text, ctype, ext = io.to_csv(anns), "text/csv; charset=utf-8", "csv"
        else:
            text = json.dumps(io.to_jsonld(store, anns, base), ensure_ascii=False, indent=1)
            ctype, ext = "application/ld+json; charset=utf-8", "jsonld"
        name = "anotasi-" + "-".join(x for x in (q.get("dokumen", ""), q.get("tag", "")) if x) or "anotasi-semua"
        return HTTPResponse(text, 200, headers={"Content-Type": ctype,
                                                "Content-Disposition": f'attachment; filename="{name}.{ext}"'})

    @app.post("/api/anotasi/impor")
    @login_required("admin")
    def api_import():
        raw = request.body.read(MAX_IMPORT + 1)
        if len(raw) > MAX_IMPORT:
            return json_response({"error": "Berkas impor terlalu besar (maks. 20 MB)."}, 413)
        csv = "csv" in (request.content_type or "") or request.query.get("format") == "csv"
        try:
            report = io.import_text(store, raw.decode("utf-8-sig"), "csv" if csv else "jsonld")
        except (io.ImportFormatError, UnicodeDecodeError) as exc:
            return json_response({"error": getattr(exc, "pesan", "Berkas impor bukan UTF-8.")}, 400)
        audit(store, current_user()["name"], "anotasi-impor", "anotasi:*", report.summary())
        return json_response(report.summary())

    @app.get("/api/anotasi/<ann_id>")
    @login_required()
    def api_get(ann_id: str):
        user = current_user()
        return run(lambda: to_json(store, A.get(store, user, ann_id, deleted=True), user))

    @app.route("/api/anotasi/<ann_id>", method="PATCH")
    @login_required()
    def api_update(ann_id: str):
        data, user = _body(), current_user()

        def update():
            ann = A.update(store, user, ann_id, data)
            log("anotasi-ubah", ann_id, {"kolom": sorted(data)})
            return to_json(store, ann, user)
        return run(update)

    @app.delete("/api/anotasi/<ann_id>")
    @login_required()
    def api_delete(ann_id: str):
        user = current_user()

        def delete():
            ann = A.delete(store, user, ann_id)
            log("anotasi-hapus", ann_id)
            return to_json(store, ann, user)
        return run(delete)

    @app.post("/api/anotasi/<ann_id>/pulihkan")
    @login_required()
    def api_restore(ann_id: str):
        user = current_user()

        def restore():
            ann = A.restore(store, user, ann_id)
            log("anotasi-pulihkan", ann_id)
            return to_json(store, ann, user)
        return run(restore)

    @app.post("/api/anotasi/<ann_id>/balasan")
    @login_required()
    def api_reply(ann_id: str):
        data, user = _body(), current_user()

        def reply():
            ann = A.reply(store, user, ann_id, str(data.get("body", "")), visibility=data.get("visibility") or None)
            log("anotasi-balas", ann.id, {"utas": ann.parent_id})
            return to_json(store, ann, user)
        return run(reply, 201)

    @app.post("/api/anotasi/<ann_id>/konfirmasi")
    @login_required()
    def api_confirm(ann_id: str):
        user = current_user()

        def do():
            ann = confirm(store, user, ann_id)
            log("anotasi-konfirmasi-jangkar", ann_id, {"unit": ann.unit_id})
            return to_json(store, ann, user)
        return run(do)

    @app.post("/api/anotasi/<ann_id>/jangkar")
    @login_required()
    def api_reattach(ann_id: str):
        data, user = _body(), current_user()

        def do():
            ann = reattach(store, user, ann_id, str(data.get("unit_id", "")), data.get("selector") or None)
            log("anotasi-pasang-jangkar", ann_id, {"unit": ann.unit_id})
            return to_json(store, ann, user)
        return run(do)

    @app.get("/api/anotasi/<ann_id>/riwayat")
    @login_required()
    def api_history(ann_id: str):
        user = current_user()
        return run(lambda: {"id": ann_id, "history": A.history(store, user, ann_id)})
