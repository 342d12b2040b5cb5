"""Document versions: a changed file for the same regulation (same jenis,
nomor, tahun, hence the same document id) becomes a new version, and the
version it replaces keeps its metadata and units as they were.

The current version's text lives in ``documents`` and ``units``; a row of
``document_versions`` with ``replaced_at`` empty marks it. When a version is
replaced (a new file) or removed, its record and units are copied into its
row, so history can be shown and old annotations can be re-anchored against
what they were written on. Re-parsing the same file with a newer parser is
not a new version.
"""
from __future__ import annotations

import json

from .model import Unit
from .store import Store, now

REASON_NEW_FILE = "berkas baru"
REASON_REMOVED = "dihapus"


def current(store: Store, doc_id: str) -> dict | None:
    row = store.db.execute("SELECT * FROM document_versions WHERE doc_id = ? AND replaced_at IS NULL",
                           (doc_id,)).fetchone()
    return dict(row) if row else None


def history(store: Store, doc_id: str) -> list[dict]:
    """Every version of a document, newest first (without the unit snapshots)."""
    rows = store.db.execute(
        "SELECT doc_id, version, source_sha256, filename, format, pages, parser_version, meta, created_at, "
        "replaced_at, reason FROM document_versions WHERE doc_id = ? ORDER BY version DESC", (doc_id,))
    out = []
    for r in rows:
        d = dict(r)
        d["meta"] = json.loads(d["meta"] or "{}")
        out.append(d)
    return out


def units_of(store: Store, doc_id: str, version: int) -> list[Unit] | None:
    """The units of a replaced version (None for the current one: read ``units``)."""
    row = store.db.execute("SELECT units FROM document_versions WHERE doc_id = ? AND version = ?",
                           (doc_id, version)).fetchone()
    if row is None or row["units"] is None:
        return None
    return [Unit.from_dict(u) for u in json.loads(row["units"])]


def begin_version(store: Store, doc_id: str, digest: str | None, filename: str, fmt: str, pages: int,
                  parser_version: str) -> int:
    """Record that ``digest`` is about to become the text of ``doc_id``; call
    inside the transaction that saves the document, before its units are
    replaced. Returns the version number the saved text has."""
    with store.transaction() as db:
        cur = current(store, doc_id)
        if cur is not None and cur["source_sha256"] == digest:
            db.execute("UPDATE document_versions SET parser_version = ?, pages = ? WHERE doc_id = ? AND version = ?",
                       (parser_version, pages, doc_id, cur["version"]))
            return cur["version"]
        if cur is not None:
            _close(store, cur, REASON_NEW_FILE)
        last = db.execute("SELECT max(version) FROM document_versions WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        if last is None and store.document_row(doc_id) is not None:
            # A document stored before versions were kept: its text is version 1.
            row = store.document_row(doc_id)
            db.execute("INSERT INTO document_versions (doc_id, version, source_sha256, format, pages, "
                       "parser_version, created_at) VALUES (?, 1, ?, ?, ?, ?, ?)",
                       (doc_id, row["source_sha256"], row["format"], row["pages"], row["parser_version"],
                        row["created_at"]))
            _close(store, current(store, doc_id), REASON_NEW_FILE)
            last = 1
        version = (last or 0) + 1
        db.execute("INSERT INTO document_versions (doc_id, version, source_sha256, filename, format, pages, "
                   "parser_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (doc_id, version, digest, filename, fmt, pages, parser_version, now()))
        return version


def close_current(store: Store, doc_id: str, reason: str) -> None:
    """Snapshot the current version (before the document is removed)."""
    with store.transaction():
        cur = current(store, doc_id)
        if cur is not None:
            _close(store, cur, reason)


def withdraw(store: Store, index, doc_id: str, reason: str = REASON_REMOVED) -> bool:
    """Withdraw a document: its last version is kept in the history, its
    original file stays in the store, its index entries go."""
    from . import reconcile
    from .relations import repealed_by, restore_validity

    if store.document_row(doc_id) is None:
        return False
    with store.transaction() as db:
        repealed = repealed_by(store, doc_id)
        reconcile.mark(store, [doc_id])
        close_current(store, doc_id, reason)
        db.execute("DELETE FROM relations WHERE from_doc = ? AND origin = 'teks'", (doc_id,))
        db.execute("DELETE FROM effects WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM refs WHERE doc_id = ?", (doc_id,))
        store.delete_document(doc_id)
        restored = restore_validity(store, repealed)
        reconcile.mark(store, restored)  # their index entries carry the status
    reconcile.refresh(store, index, [doc_id, *restored])
    return True


def _close(store: Store, cur: dict, reason: str) -> None:
    doc = store.get_document(cur["doc_id"])
    meta = doc.meta() if doc else {}
    units = [u.to_dict() for u in doc.units] if doc else []
    store.db.execute("UPDATE document_versions SET meta = ?, units = ?, replaced_at = ?, reason = ? "
                     "WHERE doc_id = ? AND version = ?",
                     (json.dumps(meta, ensure_ascii=False), json.dumps(units, ensure_ascii=False), now(),
                      reason, cur["doc_id"], cur["version"]))
