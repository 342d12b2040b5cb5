"""Export and import of annotations: W3C Web Annotation JSON-LD and CSV.

JSON-LD follows the Web Annotation Data Model: an ``AnnotationCollection``
whose page holds one ``Annotation`` per thread and per reply (a reply's
target is its thread, motivation ``replying``). The body carries the text
(purpose from the kind), one ``tagging`` body per tag and one ``linking``
body per link; the target is the clause's URL with a ``TextQuoteSelector``
and a ``TextPositionSelector`` on the unit's text. What the model has no term
for (visibility, status, the anchor's base text and status) is under the
``jdih:`` prefix. CSV has one row per annotation with the same content.

Import restores annotations with their ids, authors and times; an id already
in the store is skipped (never overwritten); afterwards the imported
documents are re-anchored against their current units, so nothing is lost
even when a document changed or is missing (then the annotation is yatim).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from . import annotations as A
from . import annotations_query as AQ
from .anchoring import Selector
from .notes import is_note
from .reanchor import reanchor_document
from .store import Store, now

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"jdih": "https://jdih.kpu.go.id/ns/anotasi#"}]
MOTIVATION = {"catatan": "commenting", "pertanyaan": "questioning", "usulan-perubahan": "editing",
              "rujukan": "linking"}
KIND_OF = {v: k for k, v in MOTIVATION.items()} | {"describing": "catatan", "assessing": "catatan"}
CSV_FIELDS = ["id", "induk", "dokumen", "unit", "kutipan", "awalan", "akhiran", "mulai", "akhir", "isi", "tag",
              "jenis", "visibilitas", "status", "penulis", "dibuat", "diubah", "dihapus", "dihapus_oleh", "tautan",
              "status_jangkar", "unit_jangkar", "teks_unit", "versi"]
# A spreadsheet runs a cell starting with one of these as a formula: such
# values are written with a leading apostrophe, which import removes again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ImportFormatError(Exception):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def select(store: Store, actor: dict | None, doc_id: str = "", tag: str = "",
           deleted: bool = False) -> list[A.Annotation]:
    """Threads (with replies) of a document, a tag or everything, live and (optionally) deleted."""
    out, _ = AQ.listing(store, actor, AQ.Query(doc_id=doc_id, tag=tag, limit=10**6))
    if deleted:
        gone, _ = AQ.listing(store, actor, AQ.Query(doc_id=doc_id, tag=tag, deleted=True, limit=10**6))
        out += gone
        ids = [t.id for t in out]
        replies = A._replies(store, actor, ids, deleted=True)
        for t in out:
            t.replies = replies.get(t.id, [])
    return sorted(out, key=lambda t: (t.created_at, t.id))


def _url(store: Store, base: str, doc_id: str, unit_id: str) -> str:
    if is_note(store.document_row(doc_id)):
        return f"{base}/catatan/{doc_id}" + (f"#{unit_id}" if unit_id else "")
    return f"{base}/dokumen/{doc_id}" + (f"/{unit_id}" if unit_id else "")


def _item(store: Store, ann: A.Annotation, base: str, root: A.Annotation | None = None) -> dict:
    item = {"id": f"{base}/anotasi/{ann.id}", "type": "Annotation",
            "motivation": "replying" if root else MOTIVATION[ann.kind],
            "created": ann.created_at, "modified": ann.updated_at,
            "creator": {"type": "Person", "nickname": ann.author},
            "body": [{"type": "TextualBody", "value": ann.body, "format": "text/plain", "language": "id",
                      "purpose": "replying" if root else MOTIVATION[ann.kind]}],
            "jdih:id": ann.id, "jdih:visibilitas": ann.visibility, "jdih:status": ann.status}
    if ann.deleted_at:
        item["jdih:dihapus"] = {"pada": ann.deleted_at, "oleh": ann.deleted_by}
    if root is not None:
        item["target"] = f"{base}/anotasi/{root.id}"
        item["jdih:induk"] = root.id
        return item
    item["body"] += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in ann.tags]
    item["body"] += [{"type": "SpecificResource", "source": _url(store, base, d, u), "purpose": "linking",
                      "jdih:dokumen": d, "jdih:unit": u} for d, u in ann.links]
    target = {"type": "SpecificResource", "source": _url(store, base, ann.doc_id, ann.base_unit_id),
              "jdih:dokumen": ann.doc_id, "jdih:unit": ann.base_unit_id, "jdih:teksUnit": ann.base_text,
              "jdih:versi": ann.base_version}
    if ann.selector:
        s = ann.selector
        target["selector"] = [{"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix},
                              {"type": "TextPositionSelector", "start": s.start, "end": s.end}]
    item["target"] = target
    item["jdih:jangkar"] = {"status": ann.anchor_status, "unit": ann.unit_id, "mulai": ann.current[0],
                            "akhir": ann.current[1], "catatan": ann.anchor_note}
    return item


def to_jsonld(store: Store, anns: list[A.Annotation], base: str = "") -> dict:
    base = base.rstrip("/")
    items = []
    for ann in anns:
        items.append(_item(store, ann, base))
        items += [_item(store, r, base, root=ann) for r in ann.replies]
    return {"@context": CONTEXT, "id": f"{base}/api/anotasi/ekspor", "type": "AnnotationCollection",
            "label": "Anotasi JDIH", "total": len(items), "generated": now(),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def _row(ann: A.Annotation, root: A.Annotation | None = None) -> dict:
    s = ann.selector if root is None else None
    return {
        "id": ann.id, "induk": root.id if root else "", "dokumen": ann.doc_id,
        "unit": ann.base_unit_id if root is None else "",
        "kutipan": s.exact if s else "", "awalan": s.prefix if s else "", "akhiran": s.suffix if s else "",
        "mulai": s.start if s else "", "akhir": s.end if s else "", "isi": ann.body,
        "tag": ", ".join(ann.tags), "jenis": ann.kind, "visibilitas": ann.visibility, "status": ann.status,
        "penulis": ann.author, "dibuat": ann.created_at, "diubah": ann.updated_at, "dihapus": ann.deleted_at or "",
        "dihapus_oleh": ann.deleted_by or "", "tautan": " ".join(f"{d}#{u}" if u else d for d, u in ann.links),
        "status_jangkar": ann.anchor_status if root is None else "", "unit_jangkar": ann.unit_id if root is None else "",
        "teks_unit": ann.base_text if root is None else "", "versi": ann.base_version}


def to_csv(anns: list[A.Annotation]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for ann in anns:
        writer.writerow({k: _cell(v) for k, v in _row(ann).items()})
        for r in ann.replies:
            writer.writerow({k: _cell(v) for k, v in _row(r, root=ann).items()})
    return "\ufeff" + out.getvalue()  # a BOM, so spreadsheet programs read UTF-8


# -- import ------------------------------------------------------------------

@dataclass
class Record:
    """One annotation as read from a file, before it is stored."""
    id: str
    doc_id: str
    unit_id: str
    parent_id: str | None = None
    selector: Selector | None = None
    base_text: str | None = None
    base_version: str = ""
    body: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = "catatan"
    visibility: str = "internal"
    status: str = "terbuka"
    author: str = "impor"
    created: str = ""
    updated: str = ""
    deleted: str | None = None
    deleted_by: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Report:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict:
        return {"diimpor": len(self.imported), "dilewati": len(self.skipped), "galat": self.errors[:50],
                "jangkar": self.anchors}


URL_TARGET_RE = re.compile(r"/(?:dokumen|catatan)/(?P<doc>[a-z0-9-]+)(?:[/#](?P<unit>[a-z0-9_]+))?/?$")
ANN_ID_RE = re.compile(r"(?:^|/)(?P<id>an-[0-9a-f]{6,32}|[A-Za-z0-9_.-]{1,64})$")


def _target(target) -> tuple[str, str, dict]:
    if isinstance(target, str):
        target = {"source": target}
    if isinstance(target, list):
        target = target[0] if target else {}
    doc, unit = target.get("jdih:dokumen"), target.get("jdih:unit")
    if not doc:
        m = URL_TARGET_RE.search(str(target.get("source", "")))
        if not m:
            raise ImportFormatError("sasaran (target) tidak menunjuk dokumen JDIH")
        doc, unit = m.group("doc"), m.group("unit") or ""
    return doc, unit or "", target


def _selector(target: dict) -> Selector | None:
    sels = target.get("selector") or []
    sels = sels if isinstance(sels, list) else [sels]
    quote = next((s for s in sels if s.get("type") == "TextQuoteSelector"), None)
    pos = next((s for s in sels if s.get("type") == "TextPositionSelector"), None)
    if quote is None:
        return None
    return Selector(quote.get("exact", ""), quote.get("prefix", ""), quote.get("suffix", ""),
                    int(pos["start"]) if pos else -1, int(pos["end"]) if pos else -1)


def record_from_jsonld(item: dict) -> Record:
    if item.get("type") != "Annotation":
        raise ImportFormatError("butir bukan Annotation")
    ann_id = item.get("jdih:id") or ANN_ID_RE.search(str(item.get("id", ""))).group("id")
    bodies = item.get("body") or []
    bodies = bodies if isinstance(bodies, list) else [bodies]
    text = next((b.get("value", "") for b in bodies if isinstance(b, dict) and b.get("purpose") != "tagging"
                 and b.get("type", "TextualBody") == "TextualBody"), "")
    creator = item.get("creator") or {}
    creator = creator[0] if isinstance(creator, list) and creator else creator
    deleted = item.get("jdih:dihapus") or {}
    rec = Record(id=ann_id, doc_id="", unit_id="", body=text,
                 author=(creator.get("nickname") or creator.get("name") or "impor") if isinstance(creator, dict)
                 else str(creator),
                 created=item.get("created", ""), updated=item.get("modified", item.get("created", "")),
                 visibility=item.get("jdih:visibilitas", "internal"), status=item.get("jdih:status", "terbuka"),
                 deleted=deleted.get("pada"), deleted_by=deleted.get("oleh"))
    if item.get("motivation") == "replying":
        parent = item.get("jdih:induk") or ANN_ID_RE.search(str(item.get("target", ""))).group("id")
        rec.parent_id = parent
        return rec
    rec.kind = KIND_OF.get(item.get("motivation", ""), "catatan")
    rec.tags = [b["value"] for b in bodies if isinstance(b, dict) and b.get("purpose") == "tagging"]
    for b in bodies:
        if isinstance(b, dict) and b.get("purpose") == "linking" and b.get("type") == "SpecificResource":
            d, u, _ = _target(b)
            rec.links.append((d, u))
    rec.doc_id, rec.unit_id, target = _target(item.get("target"))
    rec.selector = _selector(target)
    rec.base_text = target.get("jdih:teksUnit")
    rec.base_version = target.get("jdih:versi", "")
    return rec


def records_from_jsonld(text: str) -> list[Record]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ImportFormatError(f"Berkas bukan JSON yang sah: {exc}") from exc
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        data = (data.get("first") or {}).get("items", [])
    elif isinstance(data, dict) and data.get("type") == "AnnotationPage":
        data = data.get("items", [])
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ImportFormatError("Berkas JSON-LD tidak berisi anotasi.")
    out = []
    for n, item in enumerate(data, start=1):
        try:
            out.append(record_from_jsonld(item))
        except (ImportFormatError, AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ImportFormatError(f"Anotasi ke-{n} tidak dapat dibaca: {getattr(exc, 'pesan', exc)}") from exc
    return out


def records_from_csv(text: str) -> list[Record]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"id", "dokumen", "isi"} - set(reader.fieldnames or [])
    if missing:
        raise ImportFormatError("Kolom CSV tidak lengkap: " + ", ".join(sorted(missing)) + ".")
    out = []
    for n, raw in enumerate(reader, start=2):
        row = {k: _uncell(v or "") for k, v in raw.items() if k}
        try:
            sel = None
            if row.get("kutipan"):
                sel = Selector(row["kutipan"], row.get("awalan", ""), row.get("akhiran", ""),
                               int(row.get("mulai") or -1), int(row.get("akhir") or -1))
            links = []
            for ref in (row.get("tautan") or "").split():
                d, _, u = ref.partition("#")
                links.append((d, u))
            out.append(Record(
                id=row["id"], doc_id=row["dokumen"], unit_id=row.get("unit", ""), parent_id=row.get("induk") or None,
                selector=sel, base_text=row.get("teks_unit") or None, base_version=row.get("versi", ""),
                body=row["isi"], tags=A.clean_tags(row.get("tag", "")), kind=row.get("jenis") or "catatan",
                visibility=row.get("visibilitas") or "internal", status=row.get("status") or "terbuka",
                author=row.get("penulis") or "impor", created=row.get("dibuat", ""), updated=row.get("diubah", ""),
                deleted=row.get("dihapus") or None, deleted_by=row.get("dihapus_oleh") or None, links=links))
        except (ValueError, A.AnnotationError) as exc:
            raise ImportFormatError(f"Baris {n} tidak dapat dibaca: {getattr(exc, 'pesan', exc)}") from exc
    return out


def import_text(store: Store, text: str, fmt: str) -> Report:
    records = records_from_csv(text) if fmt == "csv" else records_from_jsonld(text)
    return import_records(store, records)


def import_records(store: Store, records: list[Record]) -> Report:
    """Store records (threads before replies); existing ids are skipped, bad records reported."""
    report = Report()
    docs = set()
    for rec in sorted(records, key=lambda r: r.parent_id is not None):
        if store.db.execute("SELECT 1 FROM annotations WHERE id = ?", (rec.id,)).fetchone():
            report.skipped.append(rec.id)
            continue
        try:
            _insert(store, rec)
        except (A.AnnotationError, ImportFormatError) as exc:
            report.errors.append(f"{rec.id}: {getattr(exc, 'pesan', exc)}")
            continue
        report.imported.append(rec.id)
        docs.add(rec.doc_id)
    for doc_id in sorted(docs):
        reanchor_document(store, doc_id)
    report.anchors = AQ.counts_by_anchor(store)
    return report


def _insert(store: Store, rec: Record) -> None:
    A._check_fields(rec.body, rec.kind, rec.visibility, rec.status)
    stamp = now()
    if rec.parent_id:
        parent = store.db.execute("SELECT doc_id, unit_id, base_unit_id FROM annotations WHERE id = ?",
                                  (rec.parent_id,)).fetchone()
        if parent is None:
            raise ImportFormatError(f"utas induk {rec.parent_id} tidak ada")
        rec.doc_id, rec.unit_id = parent["doc_id"], parent["unit_id"]
    base_text = rec.base_text
    if base_text is None and not rec.parent_id:
        base_text = _current_text(store, rec)
    sel = rec.selector
    if sel and sel.start < 0:  # a quote without a position: where it stands in the unit text
        at = (base_text or "").find(sel.exact)
        sel = Selector(sel.exact, sel.prefix, sel.suffix, at, at + len(sel.exact) if at >= 0 else -1)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO annotations (id, doc_id, unit_id, parent_id, base_unit_id, base_text, base_version, "
            "quote_exact, quote_prefix, quote_suffix, pos_start, pos_end, cur_start, cur_end, cur_exact, body, kind, "
            "visibility, status, author, created_at, updated_at, deleted_at, deleted_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec.id, rec.doc_id, rec.unit_id, rec.parent_id, rec.unit_id, base_text or "", rec.base_version,
             *((sel.exact, sel.prefix, sel.suffix, sel.start, sel.end) if sel else (None,) * 5),
             *((sel.start, sel.end, sel.exact) if sel else (None,) * 3),
             rec.body, rec.kind, rec.visibility, rec.status, rec.author, rec.created or stamp,
             rec.updated or rec.created or stamp, rec.deleted, rec.deleted_by))
        A._write_tags_links(db, rec.id, A.clean_tags(rec.tags), [l for l in rec.links if l[0]])
        A.record(store, rec.id, {"name": "impor", "role": "sistem"}, "impor", {"dokumen": rec.doc_id,
                                                                                "unit": rec.unit_id}, at=stamp)
        A._index_text(store, rec.id)


def _current_text(store: Store, rec: Record) -> str:
    """A foreign annotation without the unit text it was made on: take today's text (whole unit: full text)."""
    from .anchoring import TextView
    text = TextView(store.units(rec.doc_id)).text(rec.unit_id, whole=rec.selector is None)
    return text or ""
