"""The audit log: who changed what, append-only (SQLite triggers refuse UPDATE and DELETE)."""
from __future__ import annotations

import json

from .store import Store, now


def audit(store: Store, actor: str, action: str, target: str = "", detail: dict | None = None) -> None:
    store.db.execute("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                     (now(), actor or "-", action, target or "", json.dumps(detail or {}, ensure_ascii=False)))


def entries(store: Store, limit: int = 200, target: str | None = None, actor: str | None = None) -> list[dict]:
    sql, args = "SELECT * FROM audit_log", []
    where = []
    if target:
        where.append("target = ?")
        args.append(target)
    if actor:
        where.append("actor = ?")
        args.append(actor)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(limit)
    rows = []
    for r in store.db.execute(sql, args):
        d = dict(r)
        d["detail"] = json.loads(d["detail"])
        rows.append(d)
    return rows
