"""The metadata record of a document as JDIH sites show it (DOMAIN.md sections 2 and 4).

Labels of the record, relations seen from both sides with their labels, the
abstract in its structured form and the files one can download. Everything
here is read from the store; ``public_only`` hides whatever touches an
unpublished document (its id, its title, even the fact that it exists).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .abstrak import Abstrak, from_sheet
from .ids import short_citation, slug
from .model import DOC_FIELDS
from .store import Store

# The record's fields in the order JDIH KPU, JDIH BPK and ILDIS show them.
META_LABELS: tuple[tuple[str, str], ...] = (
    ("tipe", "Tipe Dokumen"), ("judul", "Judul"), ("teu_badan", "T.E.U. Badan"), ("nomor", "Nomor"),
    ("jenis", "Bentuk"), ("singkatan", "Singkatan Jenis"), ("tahun", "Tahun"),
    ("tempat_penetapan", "Tempat Penetapan"), ("tanggal_penetapan", "Tanggal Penetapan"),
    ("tanggal_pengundangan", "Tanggal Pengundangan"), ("sumber", "Sumber"), ("subjek", "Subjek"),
    ("status", "Status"), ("bahasa", "Bahasa"), ("bidang_hukum", "Bidang Hukum"),
    ("penandatangan", "Penandatangan"), ("pemrakarsa", "Pemrakarsa"),
)
STATUSES = ("Berlaku", "Tidak Berlaku")
TIPE_EVALUASI = "Catatan Evaluasi"


@dataclass(frozen=True)
class RelationKind:
    key: str        # stored in relations.kind
    active: str     # shown on the document the relation is stored from
    passive: str    # shown on the document it points to


# DOMAIN.md section 4: stored once, shown from both sides.
RELATION_KINDS: tuple[RelationKind, ...] = (
    RelationKind("mencabut", "Mencabut", "Dicabut dengan"),
    RelationKind("mencabut_sebagian", "Mencabut sebagian", "Dicabut sebagian dengan"),
    RelationKind("mengubah", "Mengubah", "Diubah dengan"),
    RelationKind("mengubah_sebagian", "Mengubah sebagian", "Diubah sebagian dengan"),
    RelationKind("melaksanakan", "Melaksanakan", "Dilaksanakan dengan"),
    RelationKind("menetapkan", "Menetapkan", "Ditetapkan dengan"),
    RelationKind("dasar_hukum", "Dasar hukum", "Menjadi dasar hukum bagi"),
    RelationKind("uji_materi", "Menguji materi", "Diuji materi dengan"),
    RelationKind("terkait", "Terkait", "Terkait"),
)
RELATIONS_BY_KEY = {k.key: k for k in RELATION_KINDS}
# Relations whose target is no longer in force (DOMAIN.md section 4).
REPEALING = ("mencabut",)


def relation_key(kind: str) -> str:
    """'Mencabut Sebagian' / 'mencabut-sebagian' -> 'mencabut_sebagian'."""
    return slug(kind).replace("-", "_")


def relation_kind(kind: str) -> RelationKind:
    key = relation_key(kind)
    known = RELATIONS_BY_KEY.get(key)
    if known is not None:
        return known
    label = kind.replace("_", " ").strip().capitalize() or "Relasi"
    return RelationKind(key, label, f"{label} (oleh)")


def doc_label(row: dict) -> str:
    """'UU 2/2011' for a regulation, the title for anything else."""
    if row.get("singkatan") and row.get("nomor"):
        return short_citation(row["singkatan"], row["nomor"], row.get("tahun"))
    return row.get("judul") or row["id"]


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
DATE_FIELDS = ("tanggal_penetapan", "tanggal_pengundangan")


def tanggal(iso: str) -> str:
    """'2025-12-30' -> '30 Desember 2025'; anything else unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso
    return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def meta_rows(row: dict, empty: str = "-") -> list[tuple[str, str, str]]:
    """(field, label, value) of every field of the record for people to read:
    ``empty`` when unknown, dates in Indonesian."""
    out = []
    for key, label in META_LABELS:
        value = row.get(key)
        text = str(value) if value not in ("", None) else empty
        out.append((key, label, tanggal(text) if key in DATE_FIELDS else text))
    return out


def is_published(row: dict | None) -> bool:
    """Published, and not an internal evaluation note (those are never public)."""
    return row is not None and bool(row["public"]) and row.get("tipe") != TIPE_EVALUASI


# The columns lists, facets, statistics and the feed use: not the abstract,
# the warnings or the page lists, which a long list does not need.
LIST_COLUMNS = (*DOC_FIELDS, "public", "source_sha256", "format", "created_at", "updated_at", "views", "downloads")


def published(store: Store) -> list[dict]:
    """Every published document (newest year first), with LIST_COLUMNS."""
    rows = store.db.execute(f"SELECT {', '.join(LIST_COLUMNS)} FROM documents WHERE public = 1 AND tipe != ? "
                            "ORDER BY tahun DESC, id", (TIPE_EVALUASI,))
    return [dict(r, public=bool(r["public"])) for r in rows]


def visible(row: dict | None, public_only: bool) -> bool:
    return row is not None and (is_published(row) or not public_only)


def relations(store: Store, doc_id: str, public_only: bool = True) -> list[dict]:
    """The document's relations from its own side: one dict per relation with
    ``label`` (as shown on this document), the other document (``doc_id``,
    ``title``, ``cite``, ``url`` when it is shown) or a free-text ``ref``.
    A relation to or from a document the viewer may not see is left out."""
    out = []
    for rel in store.relations(doc_id):
        kind = relation_kind(rel["kind"])
        outgoing = rel["from_doc"] == doc_id
        other_id = rel["to_doc"] if outgoing else rel["from_doc"]
        other = store.document_row(other_id) if other_id else None
        if other is not None and not visible(other, public_only):
            continue
        if other is None and not outgoing:
            continue  # stored from a document that no longer exists
        item = {"id": rel["id"], "kind": kind.key, "label": kind.active if outgoing else kind.passive,
                "direction": "keluar" if outgoing else "masuk", "origin": rel["origin"],
                "ref": rel["to_ref"], "note": rel["note"], "doc_id": None, "title": "", "cite": "", "url": None}
        if other is not None:
            item.update(doc_id=other["id"], title=other["judul"], cite=doc_label(other),
                        url=f"/dokumen/{other['id']}")
        elif not rel["to_ref"]:
            item["ref"] = other_id  # a regulation not (yet) in the collection
        out.append(item)
    order = {k.key: i for i, k in enumerate(RELATION_KINDS)}
    out.sort(key=lambda r: (order.get(r["kind"], 99), r["direction"], r["id"]))
    return out


def grouped(rels: list[dict]) -> list[tuple[str, list[dict]]]:
    """Relations grouped by their label, in the order of RELATION_KINDS."""
    groups: dict[str, list[dict]] = {}
    for r in rels:
        groups.setdefault(r["label"], []).append(r)
    return list(groups.items())


def abstract(store: Store, row: dict) -> Abstrak | None:
    """The abstract staff wrote, else the one read from an attached abstrak sheet."""
    written = Abstrak.from_json(row.get("abstrak") or "")
    if written is not None and not written.empty():
        return written
    for att in store.attachments(row["id"]):
        if att["role"] == "abstrak" and att["text"]:
            sheet = from_sheet(att["text"])
            if sheet is not None and not sheet.empty():
                return sheet
    return None


ATTACHMENT_LABELS = {"abstrak": "Abstrak", "metadata": "Rekaman metadata JDIH", "lampiran": "Lampiran"}


def files(store: Store, row: dict) -> list[dict]:
    """Downloadable files: the original text first, then the attachments."""
    out = []
    if row.get("source_sha256"):
        info = store.file_info(row["source_sha256"]) or {}
        out.append({"role": "naskah", "label": "Naskah peraturan", "url": f"/berkas/{row['id']}",
                    "filename": download_name(row["id"], info.get("filename", "")), "format": row.get("format", "")})
    for att in store.attachments(row["id"]):
        out.append({"role": att["role"], "label": ATTACHMENT_LABELS.get(att["role"], att["role"].capitalize()),
                    "url": f"/berkas/{row['id']}/{att['sha256']}",
                    "filename": download_name(f"{row['id']}-{att['role']}", att["filename"]),
                    "format": att["filename"].rsplit(".", 1)[-1].lower() if "." in att["filename"] else ""})
    return out


def download_name(stem: str, original: str) -> str:
    """The name a download is served under: our id, the original extension."""
    ext = original.rsplit(".", 1)[-1].lower() if "." in original else "bin"
    return f"{stem}.{ext}"
