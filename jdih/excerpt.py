"""The units one clause page needs, read without loading the whole document.

A clause's page shows the unit, its descendants, its ancestors (the path) and
its Penjelasan with the Penjelasan's descendants. Walking ``parent`` links in
SQL (recursive queries) reads a few dozen rows instead of the thousands of a
long act: UU 17/2014 has over 3,000 units.
"""
from __future__ import annotations

import json

from .model import Tree, Unit
from .store import Store

_DOWN = """
WITH RECURSIVE sub(id) AS (
    SELECT id FROM units WHERE doc_id = :doc AND id IN (:unit, :pj)
    UNION
    SELECT u.id FROM units u JOIN sub ON u.doc_id = :doc AND u.parent = sub.id
)
SELECT * FROM units WHERE doc_id = :doc AND id IN (SELECT id FROM sub)
"""
_UP = """
WITH RECURSIVE up(id, parent) AS (
    SELECT id, parent FROM units WHERE doc_id = :doc AND id = :unit
    UNION
    SELECT u.id, u.parent FROM units u JOIN up ON u.doc_id = :doc AND u.id = up.parent
)
SELECT * FROM units WHERE doc_id = :doc AND id IN (SELECT id FROM up)
"""


def _unit(row) -> Unit:
    return Unit(id=row["id"], kind=row["kind"], number=row["number"], label=row["label"], heading=row["heading"],
                text=row["text"], parent=row["parent"], pages=json.loads(row["pages"]), ocr=bool(row["ocr"]))


def clause_tree(store: Store, doc_id: str, unit_id: str) -> Tree:
    """A tree of the unit, its descendants and ancestors, and its Penjelasan
    (empty when the unit does not exist)."""
    args = {"doc": doc_id, "unit": unit_id, "pj": f"penjelasan__{unit_id}"}
    rows = {r["id"]: r for r in store.db.execute(_DOWN, args)}
    rows.update({r["id"]: r for r in store.db.execute(_UP, args)})
    ordered = sorted(rows.values(), key=lambda r: r["ord"])
    return Tree(_unit(r) for r in ordered)
