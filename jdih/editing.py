"""Staff editing of a document's record: extracted metadata is a proposal.

Staff correct fields (kept as overrides the indexer re-applies after every
re-parse, with the extracted value beside them), write the abstract, set
subjek, bidang hukum and status, add and remove relations, and publish or
withdraw a document. Every change is written to the audit log; bad input
changes nothing and comes back as Indonesian messages per field.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from . import abstrak as abstrak_mod
from .audit import audit
from .record import META_LABELS, RELATION_KINDS, RELATIONS_BY_KEY, REPEALING, STATUSES, TIPE_EVALUASI
from .site import Site
from .store import now

# The fields staff edit, with their labels (the record's, plus "Tentang").
FIELDS: tuple[tuple[str, str], ...] = (*META_LABELS[:2], ("tentang", "Tentang"), *META_LABELS[2:])
LABELS = dict(FIELDS)
TIPE_CHOICES = ("Peraturan Perundang-undangan", "Monografi", "Artikel", "Putusan", TIPE_EVALUASI)
DATE_FIELDS = ("tanggal_penetapan", "tanggal_pengundangan")
MAX_LEN = {"judul": 2000, "tentang": 2000, "subjek": 1000, "sumber": 500}
DEFAULT_MAX = 300
# Control characters other than tab and new line: never stored.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class EditError(ValueError):
    """A change refused as a whole; the message is for the staff member."""


@dataclass
class Result:
    changed: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (old, new)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _document(site: Site, doc_id: str) -> dict:
    row = site.store.document_row(doc_id)
    if row is None:
        raise EditError("Dokumen tidak ditemukan.")
    return row


def _reindex(site: Site, *doc_ids: str) -> None:
    pairs = []
    for doc_id in doc_ids:
        doc = site.store.get_document(doc_id)
        if doc is not None:
            pairs.append((doc, site.store.document_row(doc_id)["public"]))
    site.index.update_documents(pairs)


def clean_value(name: str, raw: str) -> tuple[str, str | None]:
    """(value, error) of one field as typed."""
    value = CONTROL_RE.sub("", raw or "").replace("\r\n", "\n").strip()
    if name != "subjek":
        value = re.sub(r"\s+", " ", value)
    if len(value) > MAX_LEN.get(name, DEFAULT_MAX):
        return value, f"Terlalu panjang (paling banyak {MAX_LEN.get(name, DEFAULT_MAX)} karakter)."
    if name == "judul" and not value:
        return value, "Judul wajib diisi."
    if name == "tahun" and not (value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100):
        return value, "Tahun harus 4 angka, mis. 2017."
    if name in DATE_FIELDS and value:
        try:
            date.fromisoformat(value)
        except ValueError:
            return value, "Tanggal harus berformat TTTT-BB-HH, mis. 2017-08-16."
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value, "Tanggal harus berformat TTTT-BB-HH, mis. 2017-08-16."
    if name == "status" and value not in STATUSES:
        return value, "Status harus Berlaku atau Tidak Berlaku."
    return value, None


def update_fields(site: Site, doc_id: str, form: dict, actor: str) -> Result:
    """Apply the fields present in ``form``; nothing is saved if any is invalid."""
    row = _document(site, doc_id)
    result = Result()
    values = {}
    for name, _ in FIELDS:
        if name not in form:
            continue
        value, error = clean_value(name, form[name])
        if error:
            result.errors[name] = error
        values[name] = value
    tipe = values.get("tipe", row["tipe"])
    if tipe == TIPE_EVALUASI and row["public"]:
        result.errors["tipe"] = "Catatan evaluasi adalah dokumen internal: tarik dahulu dari publikasi."
    if result.errors:
        return result
    for name, value in values.items():
        old = "" if row[name] is None else str(row[name])
        if value != old:
            result.changed[name] = (old, value)
    if result.changed:
        _save_overrides(site, doc_id, row, result.changed, actor)
        audit(site.store, actor, "metadata-ubah", f"dokumen:{doc_id}",
              {"perubahan": {k: {"lama": o, "baru": n} for k, (o, n) in result.changed.items()}})
        _reindex(site, doc_id)
    return result


def _save_overrides(site: Site, doc_id: str, row: dict, changed: dict[str, tuple[str, str]], actor: str) -> None:
    store = site.store
    stamp = now()
    for name, (old, new) in changed.items():
        store.db.execute(
            "INSERT INTO metadata_overrides (doc_id, field, value, extracted, actor, at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(doc_id, field) DO UPDATE SET value = excluded.value, actor = excluded.actor, "
            "at = excluded.at", (doc_id, name, new, old, actor, stamp))
    store.update_metadata(doc_id, {k: (int(n) if k == "tahun" else n) for k, (_, n) in changed.items()})


def overrides(site: Site, doc_id: str) -> dict[str, dict]:
    """{field: {"value", "extracted", "actor", "at"}} of the staff's corrections."""
    rows = site.store.db.execute("SELECT * FROM metadata_overrides WHERE doc_id = ? ORDER BY field", (doc_id,))
    return {r["field"]: {k: r[k] for k in ("value", "extracted", "actor", "at")} for r in rows}


def revert_field(site: Site, doc_id: str, name: str, actor: str) -> str:
    """Drop a correction: the field goes back to the extracted value."""
    row = _document(site, doc_id)
    found = overrides(site, doc_id).get(name)
    if found is None:
        raise EditError(f"{LABELS.get(name, name)} tidak pernah diubah staf.")
    site.store.db.execute("DELETE FROM metadata_overrides WHERE doc_id = ? AND field = ?", (doc_id, name))
    value = found["extracted"]
    site.store.update_metadata(doc_id, {name: int(value) if name == "tahun" and value.isdigit() else value})
    audit(site.store, actor, "metadata-kembalikan", f"dokumen:{doc_id}",
          {"bidang": name, "lama": str(row[name] or ""), "baru": value})
    _reindex(site, doc_id)
    return value


def set_published(site: Site, doc_id: str, public: bool, actor: str) -> bool:
    """Publish or withdraw; returns whether anything changed."""
    row = _document(site, doc_id)
    if public and row["tipe"] == TIPE_EVALUASI:
        raise EditError("Catatan evaluasi adalah dokumen internal dan tidak dapat diterbitkan.")
    if bool(row["public"]) == public:
        return False
    site.store.db.execute("UPDATE documents SET public = ?, updated_at = ? WHERE id = ?", (int(public), now(), doc_id))
    audit(site.store, actor, "terbitkan" if public else "tarik-terbitan", f"dokumen:{doc_id}", {})
    _reindex(site, doc_id)
    return True


def set_abstrak(site: Site, doc_id: str, form: dict, actor: str) -> Result:
    """Store the abstract staff wrote (all parts empty: back to the attached sheet)."""
    row = _document(site, doc_id)
    written, errors = abstrak_mod.validate(form)
    result = Result(errors=errors)
    if errors:
        return result
    new = "" if written.empty() else written.to_json()
    if new == (row["abstrak"] or ""):
        return result
    site.store.db.execute("UPDATE documents SET abstrak = ?, updated_at = ? WHERE id = ?", (new, now(), doc_id))
    result.changed["abstrak"] = (row["abstrak"] or "", new)
    audit(site.store, actor, "abstrak-ubah", f"dokumen:{doc_id}",
          {"lama": json.loads(row["abstrak"]) if (row["abstrak"] or "").startswith("{") else row["abstrak"] or "",
           "baru": json.loads(new) if new else ""})
    return result


RELATION_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (f"{direction}:{k.key}", label) for k in RELATION_KINDS
    for direction, label in (("keluar", k.active), ("masuk", k.passive))
    if direction == "keluar" or k.passive != k.active)


def add_relation(site: Site, doc_id: str, choice: str, other_id: str, ref: str, note: str, actor: str) -> int:
    """Record a relation seen from ``doc_id``: 'keluar:mengubah' (this document
    amends the other) or 'masuk:mengubah' (it is amended by the other). The
    other side is a document of the collection or, for 'keluar', a free-text
    reference to a regulation not in the collection. Returns the relation id."""
    _document(site, doc_id)
    direction, _, kind = (choice or "").partition(":")
    if kind not in RELATIONS_BY_KEY or direction not in ("keluar", "masuk"):
        raise EditError("Jenis relasi tidak dikenal.")
    other_id, ref, note = (other_id or "").strip(), clean_value("ref", ref)[0], clean_value("note", note)[0]
    if other_id and site.store.document_row(other_id) is None:
        raise EditError("Dokumen tujuan tidak ditemukan.")
    if other_id == doc_id:
        raise EditError("Dokumen tidak dapat berelasi dengan dirinya sendiri.")
    if not other_id and (direction == "masuk" or not ref):
        raise EditError("Pilih dokumen dari koleksi" + (" atau tulis rujukannya." if direction == "keluar" else "."))
    from_doc, to_doc = (doc_id, other_id) if direction == "keluar" else (other_id, doc_id)
    store = site.store
    existing = store.db.execute("SELECT id, origin FROM relations WHERE from_doc = ? AND kind = ? AND to_doc = ? "
                                "AND to_ref = ?", (from_doc, kind, to_doc, ref if not to_doc else "")).fetchone()
    if existing is not None and existing["origin"] != "ditolak":
        raise EditError("Relasi ini sudah tercatat.")
    if existing is not None:
        store.db.execute("UPDATE relations SET origin = 'staf', note = ? WHERE id = ?", (note, existing["id"]))
        rel_id = existing["id"]
    else:
        rel_id = store.db.execute("INSERT INTO relations (from_doc, kind, to_doc, to_ref, origin, note) "
                                  "VALUES (?, ?, ?, ?, 'staf', ?)",
                                  (from_doc, kind, to_doc, ref if not to_doc else "", note)).lastrowid
    audit(store, actor, "relasi-tambah", f"dokumen:{doc_id}",
          {"id": rel_id, "dari": from_doc, "jenis": kind, "ke": to_doc or ref, "catatan": note})
    if kind in REPEALING and to_doc:
        repealed = store.document_row(to_doc)
        if repealed["status"] != "Tidak Berlaku":
            update_fields(site, to_doc, {"status": "Tidak Berlaku"}, actor)
    return rel_id


def remove_relation(site: Site, doc_id: str, rel_id: int, actor: str) -> None:
    """Remove a relation touching ``doc_id``. One the parser found stays as a
    'ditolak' tombstone, so re-indexing does not bring it back."""
    rel = site.store.db.execute("SELECT * FROM relations WHERE id = ? AND (from_doc = ? OR to_doc = ?) "
                                "AND origin != 'ditolak'", (rel_id, doc_id, doc_id)).fetchone()
    if rel is None:
        raise EditError("Relasi tidak ditemukan.")
    if rel["origin"] == "teks":
        site.store.db.execute("UPDATE relations SET origin = 'ditolak' WHERE id = ?", (rel_id,))
    else:
        site.store.db.execute("DELETE FROM relations WHERE id = ?", (rel_id,))
    audit(site.store, actor, "relasi-hapus", f"dokumen:{doc_id}",
          {"id": rel_id, "dari": rel["from_doc"], "jenis": rel["kind"], "ke": rel["to_doc"] or rel["to_ref"],
           "asal": rel["origin"]})
