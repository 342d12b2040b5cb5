"""Public search pages: ``/cari`` and its ``.json`` twin. Only published
documents are found. (Home, browse, reader, clause permalinks and downloads
are in ``web/portal.py`` and ``web/reader.py``.)
"""
from __future__ import annotations

import bottle
from bottle import Bottle, request

from jdih.site import Site

from .common import json_response
from .common import page as common_page

KIND_LABELS = {"pasal": "Pasal", "ayat": "Ayat", "huruf": "Huruf", "angka": "Angka", "penjelasan": "Penjelasan",
               "diktum": "Diktum", "lampiran": "Lampiran", "dokumen": "Dokumen"}


def install(app: Bottle, site: Site) -> None:
    searcher = site.searcher

    def page(name: str, **kw) -> str:
        return common_page(site, name, **kw)

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
