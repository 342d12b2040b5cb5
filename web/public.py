"""The search page (``/cari``) and its JSON twin (``/cari.json``). (Home,
browse, reader, clause permalinks and downloads are in ``web/portal.py`` and
``web/reader.py``.)

Results are grouped by document (best clauses first, with their path and a
highlighted snippet), with facets (jenis, tahun, status, tipe dokumen) that
narrow the search, sorting by relevance or date, pagination, "Maksud Anda"
and, for logged-in staff only, how the query was understood. Staff search the
internal documents too; the public never sees them.
"""
from __future__ import annotations

from urllib.parse import urlencode

import bottle
from bottle import Bottle, request

from jdih.query import explain
from jdih.site import Site

from .common import current_user, json_response, page

PER_PAGE = 10
MAX_QUERY = 500
FILTERS = ("jenis", "tahun", "status", "tipe", "dokumen")
FACET_LABELS = (("jenis", "Jenis"), ("tahun", "Tahun"), ("status", "Status"), ("tipe", "Tipe dokumen"))
SORTS = (("relevansi", "Relevansi"), ("tanggal", "Tanggal terbaru"))


def params() -> dict:
    """The search parameters of this request, cleaned."""
    q = (request.query.getunicode("q", "") or "").strip()[:MAX_QUERY]
    try:
        halaman = min(max(1, int(request.query.get("halaman", "1"))), 1000)
    except ValueError:
        halaman = 1
    out = {"q": q, "halaman": halaman,
           "urut": request.query.get("urut", "relevansi") if request.query.get("urut") == "tanggal" else "relevansi"}
    for name in FILTERS:
        out[name] = (request.query.getunicode(name, "") or "").strip()[:100]
    return out


def link(p: dict, **changes) -> str:
    """/cari?... for the current parameters with ``changes`` (None removes one)."""
    merged = {**p, **changes}
    if "halaman" not in changes:
        merged["halaman"] = 1
    keep = {k: v for k, v in merged.items()
            if v not in (None, "") and not (k == "halaman" and v == 1) and not (k == "urut" and v == "relevansi")}
    return "/cari?" + urlencode(keep)


def run(site: Site, p: dict) -> tuple[dict, dict | None]:
    """The grouped result for the parameters; with the explanation for staff."""
    staff = current_user() is not None
    result = site.searcher.search(p["q"], limit=PER_PAGE, page=p["halaman"], public_only=not staff,
                                  jenis=p["jenis"], tahun=p["tahun"], status=p["status"], tipe=p["tipe"],
                                  sort=p["urut"], group=not p["dokumen"], dokumen=p["dokumen"])
    how = explain(site.searcher.understand(p["q"], public_only=not staff)) if staff else None
    return result, how


def facet_links(p: dict, result: dict) -> list[tuple[str, str, list[tuple[str, int, str, bool]]]]:
    """(name, label, [(value, documents, link, active)]) for each facet with values."""
    out = []
    for name, label in FACET_LABELS:
        counts = result.get("facets", {}).get(name) or {}
        if name == "tahun":
            values = sorted(counts.items(), key=lambda kv: kv[0], reverse=True)
        else:
            values = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows = [(v, n, link(p, **{name: None if p[name] == v else v}), p[name] == v) for v, n in values[:15]]
        if rows:
            out.append((name, label, rows))
    return out


def install(app: Bottle, site: Site) -> None:

    @app.get("/cari.json")
    def search_json():
        p = params()
        if not p["q"]:
            return json_response({"query": "", "total": 0, "hits": [], "groups": [], "facets": {},
                                  "suggestion": None})
        result, how = run(site, p)
        if how is not None:
            result["explain"] = how
        return json_response(result)

    @app.get("/cari")
    def search_page():
        p = params()
        if not p["q"]:
            return page(site, "search.tpl", title="Pencarian", result=None, p=p, how=None, facets=[],
                        link=link, sorts=SORTS)
        result, how = run(site, p)
        if (result["citation"] and not result["ambiguous"] and len(result["hits"]) == 1 and p["halaman"] == 1
                and not request.query.get("daftar")):
            bottle.redirect(result["hits"][0]["url"], 303)
        return page(site, "search.tpl", title=f"Pencarian: {p['q']}", result=result, p=p, q=p["q"], how=how,
                    facets=facet_links(p, result), link=link, sorts=SORTS)
