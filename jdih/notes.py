"""Evaluation notes (catatan evaluasi) in the store: internal documents.

A note is a Document of tipe "Catatan Evaluasi" stored with ``public = 0``
(so the search index holds it as a staff-only entry and no public page,
feed or search shows it), with its sections as units (kind ``seksi``).
Citations inside a note ("Pasal 426 ayat (1) huruf b UU 7/2017") are kept
in ``note_citations`` so the note links to each clause and each clause can
say "dibahas dalam catatan ...". Reading the file (Markdown, DOCX, HTML,
PDF) is the indexer's job (``indexer/notes.py``); this module stores.
"""
from __future__ import annotations

from .crossrefs import existing_unit, targets
from .model import Document, Tree
from .reanchor import reanchor_document
from .search import SearchIndex
from .store import Store

TIPE = "Catatan Evaluasi"
JENIS = "Catatan Evaluasi"
SINGKATAN = "Catatan"
STATUS = "Internal"


class NoteError(Exception):
    def __init__(self, pesan: str, status: int = 400):
        super().__init__(pesan)
        self.pesan = pesan
        self.status = status


def is_note(row: dict | None) -> bool:
    return bool(row) and row.get("tipe") == TIPE


def save_note(store: Store, index: SearchIndex, doc: Document, *, data: bytes, filename: str, fmt: str,
              pages: int = 0, parser_version: str = "") -> dict[str, int]:
    """Store (or replace) a note, never public; link its citations; re-anchor its
    annotations; index it as a staff-only entry. Returns anchor counts."""
    existing = store.document_row(doc.id)
    if existing is not None and not is_note(existing):
        raise NoteError(f"Id '{doc.id}' sudah dipakai dokumen lain; beri catatan id lain.", 409)
    digest = store.put_file(data, filename, fmt)
    old_units = store.units(doc.id)
    store.save_document(doc, source_sha256=digest, fmt=fmt, pages=pages, parser_version=parser_version,
                        public=False)
    refresh_citations(store, doc.id)
    counts = reanchor_document(store, doc.id, old_units)
    stored = store.get_document(doc.id)
    index.update_documents([(stored, False)])
    return counts


def refresh_citations(store: Store, note_id: str) -> int:
    rows = []
    for unit in store.units(note_id):
        for field, text in (("heading", unit.heading), ("text", unit.text)):
            for t in targets(store, text or ""):
                if t.doc_id is None or t.doc_id == note_id:
                    continue
                for unit_id in t.unit_ids or [""]:
                    rows.append((note_id, unit.id, field, len(rows), t.start, t.end, t.text, t.doc_id, unit_id))
    with store.transaction() as db:
        db.execute("DELETE FROM note_citations WHERE note_id = ?", (note_id,))
        db.executemany("INSERT INTO note_citations (note_id, note_unit, field, ord, start, end, text, doc_id, unit_id)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def citations_in(store: Store, note_id: str) -> dict[tuple[str, str], list[dict]]:
    """The citations of a note by (unit id, field), one per span, with the unit
    of the stored text each one links to (None: the document has no such clause
    or is not in the collection)."""
    out: dict[tuple[str, str], list[dict]] = {}
    seen = set()
    for r in store.db.execute("SELECT * FROM note_citations WHERE note_id = ? ORDER BY ord", (note_id,)):
        key = (r["note_unit"], r["field"], r["start"])
        if key in seen:
            continue
        seen.add(key)
        row = store.document_row(r["doc_id"])
        target = existing_unit(store, r["doc_id"], r["unit_id"]) if row and r["unit_id"] else None
        out.setdefault((r["note_unit"], r["field"]), []).append(
            dict(start=r["start"], end=r["end"], text=r["text"], doc_id=r["doc_id"], unit_id=r["unit_id"],
                 known=row is not None, public=bool(row and row["public"]), target=target,
                 exact=bool(target) and target == r["unit_id"]))
    return out


def discussed_in(store: Store, doc_id: str) -> dict[str, list[dict]]:
    """Notes citing clauses of a document, by the unit of the stored text they
    point at (the cited unit, else its nearest stored ancestor; '' = the document)."""
    out: dict[str, list[dict]] = {}
    rows = store.db.execute(
        "SELECT c.note_id, c.note_unit, c.unit_id, d.judul FROM note_citations c JOIN documents d "
        "ON d.id = c.note_id WHERE c.doc_id = ? ORDER BY d.tanggal_penetapan DESC, c.note_id, c.ord", (doc_id,))
    tree = Tree(store.units(doc_id))
    for r in rows:
        unit = r["unit_id"]
        while unit and unit not in tree.by_id:
            unit = unit.rpartition("__")[0]
        entry = {"note_id": r["note_id"], "judul": r["judul"], "note_unit": r["note_unit"]}
        bucket = out.setdefault(unit, [])
        if all(e["note_id"] != entry["note_id"] for e in bucket):
            bucket.append(entry)
    return out


def notes_for_unit(store: Store, doc_id: str, unit_id: str) -> list[dict]:
    """Notes discussing a clause or any of its parts (for the clause's own page)."""
    found: dict[str, dict] = {}
    for unit, entries in discussed_in(store, doc_id).items():
        if unit == unit_id or unit.startswith(unit_id + "__"):
            for e in entries:
                found.setdefault(e["note_id"], e)
    return list(found.values())


def list_notes(store: Store) -> list[dict]:
    rows = store.db.execute("SELECT * FROM documents WHERE tipe = ? ORDER BY tanggal_penetapan DESC, id", (TIPE,))
    out = []
    for r in rows:
        d = dict(r)
        d["sections"] = store.db.execute("SELECT count(*) FROM units WHERE doc_id = ?", (r["id"],)).fetchone()[0]
        d["citations"] = store.db.execute("SELECT count(DISTINCT doc_id || unit_id) FROM note_citations "
                                          "WHERE note_id = ?", (r["id"],)).fetchone()[0]
        out.append(d)
    return out
