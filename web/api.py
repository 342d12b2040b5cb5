"""The public JSON API (described in web/openapi.py, served at
``/api/openapi.json``; a page for people at ``/api``).

Search goes through the site's searcher with ``public_only=True``; documents
through the catalog and the record. Parameters are checked strictly: a bad
value answers 400 with ``{"error": "..."}`` in Indonesian, an unknown or
unpublished document 404 with the same words as one that does not exist.
"""
from __future__ import annotations

from bottle import Bottle, HTTPError, request

from jdih import catalog
from jdih.excerpt import clause_tree
from jdih.site import Site

from . import openapi
from .common import json_response, page
from .published import base_url, public_row
from .reader import UNIT_NOT_FOUND, clause_json, record_json

SUMMARY_KEYS = ("id", "tipe", "jenis", "singkatan", "nomor", "tahun", "judul", "status", "subjek")


class BadParam(ValueError):
    pass


def text_arg(name: str, max_len: int = 200) -> str:
    value = request.query.getunicode(name, "") or ""
    if len(value) > max_len:
        raise BadParam(f"Parameter '{name}' terlalu panjang (paling banyak {max_len} karakter).")
    return value.strip()


def int_arg(name: str, low: int, high: int, default: int | None) -> int | None:
    raw = request.query.getunicode(name, None)
    if raw is None:
        return default
    if not raw.strip().isascii() or not raw.strip().isdigit() or not low <= int(raw) <= high:
        raise BadParam(f"Parameter '{name}' harus bilangan bulat {low} sampai {high}.")
    return int(raw)


def enum_arg(name: str, allowed: tuple[str, ...], default: str) -> str:
    raw = request.query.getunicode(name, None)
    if raw is None:
        return default
    if raw not in allowed:
        raise BadParam(f"Parameter '{name}' harus salah satu dari: {', '.join(allowed)}.")
    return raw


def summary(row: dict) -> dict:
    out = {k: row.get(k) for k in SUMMARY_KEYS}
    out["url"] = f"/dokumen/{row['id']}"
    return out


def facets(counts: dict[str, list[tuple[str, int]]]) -> dict:
    return {name: [{"value": v, "count": n} for v, n in values] for name, values in counts.items()}


def install(app: Bottle, site: Site) -> None:
    store = site.store

    def answer(fn):
        """Run an API handler; a bad parameter is a 400, a missing document a JSON 404."""
        def wrapper(*args, **kwargs):
            try:
                return json_response(fn(*args, **kwargs))
            except BadParam as exc:
                return json_response({"error": str(exc)}, 400)
            except HTTPError as exc:
                return json_response({"error": exc.body}, exc.status_code)
        wrapper.__name__ = fn.__name__
        return wrapper

    @app.get("/api/openapi.json")
    def openapi_json():
        resp = json_response(openapi.spec(base_url(site) + "/", site.settings.get("site_name", "JDIH")))
        resp.set_header("Access-Control-Allow-Origin", "*")
        return resp

    @app.get("/api")
    def api_page():
        paths = openapi.spec()["paths"]
        return page(site, "api.tpl", title="API publik", paths=paths, base=base_url(site))

    @app.get("/api/cari")
    @answer
    def api_search():
        raw = request.query.getunicode("q", None)
        if raw is None or raw == "":
            raise BadParam("Parameter 'q' wajib diisi.")
        q = text_arg("q", 500)
        limit = int_arg("limit", 1, 50, 10)
        halaman = int_arg("halaman", 1, 100, 1)
        tahun = int_arg("tahun", 1, 9999, None)
        params = dict(jenis=text_arg("jenis"), status=text_arg("status"), tahun=str(tahun) if tahun else "")
        if not q:
            return {"query": raw, "total": 0, "page": halaman, "limit": limit, "hits": [], "facets": {},
                    "suggestion": None}
        return site.searcher.search(q, limit=limit, page=halaman, public_only=True, **params)

    @app.get("/api/dokumen")
    @answer
    def api_documents():
        tahun = int_arg("tahun", 1, 9999, None)
        filters = catalog.Filters(jenis=text_arg("jenis"), tahun=str(tahun) if tahun else "",
                                  status=text_arg("status"), subjek=text_arg("subjek"))
        limit = int_arg("limit", 1, 100, 20)
        result = catalog.browse(store, filters, page=int_arg("halaman", 1, 100000, 1), per_page=limit,
                                sort=enum_arg("urut", tuple(catalog.SORTS), "terbaru"))
        return {"total": result["total"], "page": result["page"], "limit": limit, "pages": result["pages"],
                "documents": [summary(r) for r in result["docs"]], "facets": facets(result["facets"])}

    @app.get("/api/dokumen/<doc_id>")
    @answer
    def api_document(doc_id: str):
        return record_json(store, public_row(store, doc_id))

    @app.get("/api/dokumen/<doc_id>/unit")
    @answer
    def api_units(doc_id: str):
        public_row(store, doc_id)
        return {"doc_id": doc_id, "units": [u.to_dict() for u in store.units(doc_id)]}

    @app.get("/api/dokumen/<doc_id>/unit/<unit_id>")
    @answer
    def api_unit(doc_id: str, unit_id: str):
        row = public_row(store, doc_id)
        tree = clause_tree(store, doc_id, unit_id)
        if unit_id not in tree.by_id:
            raise HTTPError(404, UNIT_NOT_FOUND)
        return clause_json(store, row, tree, unit_id)

    @app.get("/api/statistik")
    @answer
    def api_statistics():
        stats = catalog.statistics(store)
        return {"total": stats["total"], **facets({k: stats[k] for k in ("jenis", "tahun", "status", "subjek")})}
