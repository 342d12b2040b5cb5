"""Staff search (``/staf/cari``): clauses of every document, published or not,
evaluation-note sections, and the annotations themselves; narrowed on demand
to annotated clauses or to clauses annotated with a tag.

Public search (``/cari``) is untouched: it filters on published documents and
never sees notes or annotations.
"""
from __future__ import annotations

from bottle import Bottle, request

from jdih import annotations as A
from jdih import annotations_query as AQ
from jdih import notes
from jdih.ids import citation
from jdih.site import Site

from .annotations_view import cite, doc_url
from .auth import login_required
from .common import current_user, page


def index_keys(units: set[tuple[str, str]]) -> set[str]:
    """Search-index keys of annotated units and their ancestors (a huruf's text
    is indexed within its ayat or Pasal entry)."""
    keys = set()
    for doc_id, unit_id in units:
        parts = unit_id.split("__")
        for n in range(1, len(parts) + 1):
            keys.add(f"{doc_id}#{'__'.join(parts[:n])}")
    return keys


def install(app: Bottle, site: Site) -> None:
    store = site.store

    @app.get("/staf/cari")
    @login_required()
    def staff_search():
        user, p = current_user(), request.query.decode()
        text, tag, only = (p.get("q") or "").strip()[:500], (p.get("tag") or "").strip(), p.get("hanya") == "anotasi"
        try:
            halaman = max(1, int(p.get("halaman", "1")))
        except ValueError:
            halaman = 1
        annotated = AQ.annotated_units(store, user, tag) if (tag or only) else None
        result, matches, listed = None, [], []
        if text:
            result = site.searcher.search(text, limit=10, page=halaman, public_only=False,
                                          restrict=index_keys(annotated) if annotated is not None else None)
            counts = _counts(user)
            for hit in result["hits"]:
                row = store.document_row(hit["doc"]["id"]) or {}
                unit_id = hit["unit"]["id"] if hit["unit"] else ""
                hit["note"] = notes.is_note(row)
                hit["url"] = doc_url(store, hit["doc"]["id"], unit_id)
                hit["annotations"] = sum(n for (d, u), n in counts.items() if d == hit["doc"]["id"] and unit_id
                                         and (u == unit_id or u.startswith(unit_id + "__")))
            matches, _ = AQ.listing(store, user, AQ.Query(text=text, tag=tag, limit=10))
        elif annotated is not None:
            listed = sorted(annotated)[:200]
        return page(site, "staf_cari.tpl", title="Pencarian staf", text=text, tag=tag, only=only, result=result,
                    matches=matches, listed=listed, tags=AQ.tags(store, user), store=store, cite=cite,
                    doc_url=doc_url, halaman=halaman, citation=citation)

    def _counts(user) -> dict[tuple[str, str], int]:
        cond, args = A.visible_sql(user)
        rows = store.db.execute(f"SELECT a.doc_id, a.unit_id, count(*) FROM annotations a WHERE {cond} AND "
                                f"a.parent_id IS NULL AND a.deleted_at IS NULL GROUP BY a.doc_id, a.unit_id", args)
        return {(r[0], r[1]): r[2] for r in rows}
