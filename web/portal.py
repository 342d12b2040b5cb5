"""The public portal's front: home (search box, browse, newest, statistics)
and browsing the collection (``/dokumen`` with jenis, tahun, status and subjek
filters and their counts). Published documents only (jdih/catalog.py)."""
from __future__ import annotations

from urllib.parse import urlencode

from bottle import Bottle, request

from jdih import catalog
from jdih.record import doc_label, published
from jdih.site import Site

from . import charts
from .common import page

FACET_LABELS = {"jenis": "Jenis", "tahun": "Tahun", "status": "Status", "subjek": "Subjek"}
PER_PAGE = 20


def browse_url(filters: dict[str, str], **change: str) -> str:
    """/dokumen with the given filters, ``change`` applied (empty value removes)."""
    params = {k: v for k, v in {**filters, **change}.items() if v}
    return "/dokumen" + ("?" + urlencode(params) if params else "")


def int_param(name: str, default: int = 1) -> int:
    value = request.query.get(name, "") or ""
    return int(value) if value.isdigit() and 0 < int(value) < 10**6 else default


def filters_from_query() -> catalog.Filters:
    def get(name: str) -> str:
        return (request.query.getunicode(name, "") or "").strip()[:200]
    tahun = get("tahun")
    return catalog.Filters(jenis=get("jenis"), tahun=tahun if tahun.isdigit() else "", status=get("status"),
                           subjek=get("subjek"))


def install(app: Bottle, site: Site) -> None:
    store = site.store
    site_name = site.settings.get("site_name", "JDIH")

    @app.get("/")
    def home():
        rows = published(store)
        stats = catalog.statistics(store, rows)
        chart_jenis = charts.bars("grafik-jenis", "Jumlah dokumen per jenis", stats["jenis"])
        chart_tahun = charts.columns("grafik-tahun", "Jumlah dokumen per tahun", stats["tahun"])
        return page(site, "home.tpl", title=site_name, stats=stats, newest=catalog.newest(store, 10, rows),
                    chart_jenis=chart_jenis, chart_tahun=chart_tahun, browse_url=browse_url, doc_label=doc_label)

    @app.get("/dokumen")
    def documents():
        filters = filters_from_query()
        sort = request.query.get("urut", "terbaru")
        sort = sort if sort in catalog.SORTS else "terbaru"
        result = catalog.browse(store, filters, page=int_param("halaman"), per_page=PER_PAGE, sort=sort)
        active = filters.active()
        if sort != "terbaru":
            active_with_sort = dict(active, urut=sort)
        else:
            active_with_sort = active
        return page(site, "documents.tpl", title="Jelajah Dokumen", result=result, active=active,
                    query=active_with_sort, sort=sort, sorts=catalog.SORTS, facet_labels=FACET_LABELS,
                    browse_url=browse_url, doc_label=doc_label)
