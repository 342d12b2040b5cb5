"""Re-anchoring: after a document is parsed again, find every annotation's
place in the new units and record what happened (DESIGN.md section 4).

``reanchor_document`` is called by the indexer whenever a document's units
are replaced. Each annotation is located against its *base* anchor (the
text it was made on, or last confirmed on by staff), so a status says what
changed since then, and a later parse that restores the text restores
``utuh``. Every change of place or status is appended to the annotation's
history. Staff then confirm a moved or changed anchor, or attach an orphan
by hand; nothing is ever attached to another clause without one of those.
"""
from __future__ import annotations

import json

from .anchoring import Placement, TextView, locate, make_selector
from .annotations import (SYSTEM, Annotation, AnnotationError, _from_row, _require_staff, get,
                          record, span_selector)
from .annotations_query import counts_by_anchor
from .ids import unit_citation
from .model import Unit
from .store import Store, now


def _same_units(a: list[Unit], b: list[Unit]) -> bool:
    return [(u.id, u.text, u.parent) for u in a] == [(u.id, u.text, u.parent) for u in b]


def reanchor_document(store: Store, doc_id: str, old_units: list[Unit] | None = None,
                      new_units: list[Unit] | None = None) -> dict[str, int]:
    """Locate every annotation of ``doc_id`` (deleted ones too, so a restore is
    right) in ``new_units`` (default: the stored units); returns the count of
    live threads per anchor status. Unchanged units cost nothing."""
    units = new_units if new_units is not None else store.units(doc_id)
    if old_units is not None and _same_units(old_units, units):
        return counts_by_anchor(store, doc_id)
    rows = store.db.execute("SELECT * FROM annotations WHERE doc_id = ? AND parent_id IS NULL", (doc_id,)).fetchall()
    if not rows:
        return counts_by_anchor(store, doc_id)
    view = TextView(units)
    stamp = now()
    with store.transaction():
        for row in rows:
            ann = _from_row(store, row)
            apply_placement(store, ann, locate(ann.anchor, view), stamp)
    return counts_by_anchor(store, doc_id)


def apply_placement(store: Store, ann: Annotation, p: Placement, stamp: str, actor: dict | None = None) -> bool:
    """Store where an annotation now is; a change goes to its history. True when something changed."""
    before = {"unit": ann.unit_id, "mulai": ann.current[0], "akhir": ann.current[1], "status": ann.anchor_status}
    after = {"unit": p.unit_id, "mulai": p.start, "akhir": p.end, "status": p.status}
    store.db.execute("UPDATE annotations SET unit_id = ?, cur_start = ?, cur_end = ?, cur_exact = ?, anchor_status = ?,"
                     " anchor_note = ?, anchor_candidates = ?, anchor_checked_at = ? WHERE id = ?",
                     (p.unit_id, p.start, p.end, p.exact, p.status, p.note, json.dumps(list(p.candidates)), stamp,
                      ann.id))
    store.db.execute("UPDATE annotations SET unit_id = ?, anchor_status = ? WHERE parent_id = ?",
                     (p.unit_id, p.status, ann.id))
    if before == after and p.note == ann.anchor_note:
        return False
    record(store, ann.id, actor or SYSTEM, "jangkar",
           {"dari": before, "menjadi": after, "catatan": p.note, "kutipan_baru": p.exact,
            "kandidat": list(p.candidates)}, at=stamp)
    return True


def confirm(store: Store, actor: dict | None, ann_id: str) -> Annotation:
    """Staff accept a moved or changed anchor: its current place becomes its base."""
    _require_staff(actor)
    ann = get(store, actor, ann_id)
    if ann.parent_id:
        raise AnnotationError("Balasan mengikuti jangkar utasnya.")
    if ann.anchor_status == "yatim":
        raise AnnotationError("Anotasi yatim tidak punya tempat untuk dikonfirmasi; pasang ulang ke unit yang tepat.")
    if ann.anchor_status == "utuh":
        return ann
    view = TextView(store.units(ann.doc_id))
    whole = ann.selector is None
    text = view.text(ann.unit_id, whole)
    if text is None:
        raise AnnotationError("Unit jangkar tidak ada lagi; muat ulang halaman.", 409)
    old = {"unit": ann.base_unit_id, "kutipan": ann.quote}
    sel = None if whole else make_selector(text, ann.current[0], ann.current[1])
    _rebase(store, ann, ann.unit_id, text, sel)
    record(store, ann.id, actor, "konfirmasi", {"dari": old, "menjadi": {"unit": ann.unit_id,
                                                                         "kutipan": sel.exact if sel else ""}})
    return get(store, actor, ann_id)


def reattach(store: Store, actor: dict | None, ann_id: str, unit_id: str, selector: dict | None = None) -> Annotation:
    """Staff attach an annotation (an orphan, usually) to a unit and span they chose."""
    _require_staff(actor)
    ann = get(store, actor, ann_id)
    if ann.parent_id:
        raise AnnotationError("Balasan mengikuti jangkar utasnya.")
    view = TextView(store.units(ann.doc_id))
    text = view.text(unit_id, whole=not selector)
    if text is None:
        raise AnnotationError(f"{unit_citation(unit_id)} tidak ada dalam dokumen ini.", 404)
    sel = span_selector(text, selector) if selector else None
    old = {"unit": ann.base_unit_id, "kutipan": ann.quote, "status": ann.anchor_status}
    _rebase(store, ann, unit_id, text, sel)
    record(store, ann.id, actor, "pasang", {"dari": old, "menjadi": {"unit": unit_id,
                                                                     "kutipan": sel.exact if sel else ""}})
    return get(store, actor, ann_id)


def _rebase(store: Store, ann: Annotation, unit_id: str, text: str, sel) -> None:
    row = store.document_row(ann.doc_id) or {}
    values = (sel.exact, sel.prefix, sel.suffix, sel.start, sel.end) if sel else (None,) * 5
    stamp = now()
    with store.transaction() as db:
        db.execute("UPDATE annotations SET unit_id = ?, base_unit_id = ?, base_text = ?, base_version = ?, "
                   "quote_exact = ?, quote_prefix = ?, quote_suffix = ?, pos_start = ?, pos_end = ?, cur_start = ?, "
                   "cur_end = ?, cur_exact = ?, anchor_status = 'utuh', anchor_note = '', anchor_candidates = '[]', "
                   "anchor_checked_at = ?, updated_at = ? WHERE id = ?",
                   (unit_id, unit_id, text, row.get("source_sha256") or "", *values,
                    *((sel.start, sel.end, sel.exact) if sel else (None, None, None)), stamp, stamp, ann.id))
        db.execute("UPDATE annotations SET unit_id = ?, base_unit_id = ?, anchor_status = 'utuh' WHERE parent_id = ?",
                   (unit_id, unit_id, ann.id))


def reanchor_all(store: Store) -> dict[str, int]:
    """Check every annotated document against its stored units (``jdih anotasi periksa``)."""
    docs = [r[0] for r in store.db.execute("SELECT DISTINCT doc_id FROM annotations ORDER BY doc_id")]
    for doc_id in docs:
        reanchor_document(store, doc_id)
    return counts_by_anchor(store)
