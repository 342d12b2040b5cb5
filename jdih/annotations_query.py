"""Finding annotations: lists with filters and full-text search, counts, the
annotated clauses a search can be narrowed to. Who sees what is decided by
``annotations.visible_sql``; threads come with their visible replies.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import analysis
from .annotations import ANCHOR_LABELS, Annotation, _from_row, _replies, visible_sql
from .store import Store


@dataclass
class Query:
    doc_id: str = ""
    unit_id: str = ""
    tag: str = ""
    author: str = ""
    status: str = ""
    kind: str = ""
    visibility: str = ""
    anchor: str = ""
    text: str = ""
    deleted: bool = False
    limit: int = 50
    offset: int = 0


def listing(store: Store, actor: dict | None, q: Query) -> tuple[list[Annotation], int]:
    """Threads (root annotations with their replies) matching ``q``, newest first; and the total."""
    cond, args = visible_sql(actor)
    where = [cond, "a.parent_id IS NULL", "a.deleted_at IS NOT NULL" if q.deleted else "a.deleted_at IS NULL"]
    for column, value in (("doc_id", q.doc_id), ("author", q.author), ("status", q.status), ("kind", q.kind),
                          ("visibility", q.visibility), ("anchor_status", q.anchor)):
        if value:
            where.append(f"a.{column} = ?")
            args.append(value)
    if q.unit_id:
        where.append("(a.unit_id = ? OR a.unit_id LIKE ? ESCAPE '\\')")
        args += [q.unit_id, q.unit_id.replace("_", "\\_") + "\\_\\_%"]
    if q.tag:
        where.append("EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag = ?)")
        args.append(q.tag)
    if q.text.strip():
        match = fts_query(q.text)
        if not match:
            return [], 0
        where.append("a.id IN (SELECT coalesce(r.parent_id, r.id) FROM annotation_fts f "
                     "JOIN annotations r ON r.id = f.annotation_id WHERE annotation_fts MATCH ?)")
        args.append(match)
    sql = " AND ".join(where)
    total = store.db.execute(f"SELECT count(*) FROM annotations a WHERE {sql}", args).fetchone()[0]
    rows = store.db.execute(f"SELECT a.* FROM annotations a WHERE {sql} ORDER BY a.updated_at DESC, a.rowid DESC "
                            f"LIMIT ? OFFSET ?", [*args, max(1, min(q.limit, 1000)), max(0, q.offset)]).fetchall()
    threads = [_from_row(store, r) for r in rows]
    replies = _replies(store, actor, [t.id for t in threads], q.deleted)
    for t in threads:
        t.replies = replies.get(t.id, [])
    return threads, total


def for_document(store: Store, actor: dict | None, doc_id: str) -> list[Annotation]:
    """Every visible, not deleted thread of a document, in reading order of their units."""
    threads, _ = listing(store, actor, Query(doc_id=doc_id, limit=1000))
    order = {r[0]: r[1] for r in store.db.execute("SELECT id, ord FROM units WHERE doc_id = ?", (doc_id,))}
    return sorted(threads, key=lambda t: (order.get(t.unit_id, 10**9), t.current[0] or 0, t.created_at))


def tags(store: Store, actor: dict | None) -> list[tuple[str, int]]:
    cond, args = visible_sql(actor)
    rows = store.db.execute(
        f"SELECT t.tag, count(*) FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id "
        f"WHERE {cond} AND a.deleted_at IS NULL GROUP BY t.tag COLLATE NOCASE ORDER BY count(*) DESC, t.tag", args)
    return [(r[0], r[1]) for r in rows]


def authors(store: Store, actor: dict | None) -> list[str]:
    cond, args = visible_sql(actor)
    return [r[0] for r in store.db.execute(
        f"SELECT DISTINCT a.author FROM annotations a WHERE {cond} AND a.deleted_at IS NULL ORDER BY a.author", args)]


def annotated_units(store: Store, actor: dict | None, tag: str = "") -> set[tuple[str, str]]:
    """(doc_id, unit_id) of every clause with a visible, live annotation (with ``tag``)."""
    cond, args = visible_sql(actor)
    sql = f"SELECT DISTINCT a.doc_id, a.unit_id FROM annotations a WHERE {cond} AND a.deleted_at IS NULL " \
          "AND a.parent_id IS NULL AND a.anchor_status != 'yatim'"
    if tag:
        sql += " AND EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag = ?)"
        args.append(tag)
    return {(r[0], r[1]) for r in store.db.execute(sql, args)}


def counts_by_anchor(store: Store, doc_id: str | None = None) -> dict[str, int]:
    sql = "SELECT anchor_status, count(*) FROM annotations WHERE parent_id IS NULL AND deleted_at IS NULL"
    args = []
    if doc_id:
        sql += " AND doc_id = ?"
        args.append(doc_id)
    found = dict(store.db.execute(sql + " GROUP BY anchor_status", args).fetchall())
    return {s: found.get(s, 0) for s in ANCHOR_LABELS}


def fts_query(text: str) -> str:
    terms = analysis.terms(text)
    return " AND ".join('"' + t.replace('"', '') + '"' for t in terms if t.replace('"', ''))
