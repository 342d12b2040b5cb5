"""Files in, documents out: extract -> clean -> classify -> parse -> store -> index.

Every input ends as an Outcome: ``indexed``, ``unchanged`` (same content seen
before with the same parser), ``skipped`` (readable but not a regulation) or
``failed`` (with a message for the clerk and a detail for the log). One bad
file never stops a batch.
"""
from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from jdih.model import Document
from jdih.notes import save_note
from jdih.reanchor import reanchor_document
from jdih.search import SearchIndex
from jdih.store import Store, sha256

from .classify import Classified, classify
from .clean import clean
from .errors import IngestError, NotARegulation
from .extract import extract
from .notes import looks_like_note, read_note
from .parse import parse_lampiran, parse_regulation
from .tree import TreeBuilder

log = logging.getLogger("jdih.indexer")

# Bump when extraction, cleaning or parsing changes what a file becomes:
# files indexed by an older parser are parsed again instead of "unchanged".
PARSER_VERSION = "2026.11.1"
ACCEPTED = (".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".markdown")
METADATA_FIELDS = ("subjek", "bidang_hukum", "pemrakarsa", "penandatangan", "teu_badan", "status",
                   "tanggal_penetapan", "tanggal_pengundangan", "sumber", "bahasa", "tempat_penetapan")


@dataclass
class Outcome:
    path: str
    status: str  # indexed | unchanged | skipped | failed
    doc_id: str | None = None
    error: str = ""
    detail: str = ""
    role: str = "peraturan"
    pages: int = 0

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Limits:
    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000


def expand(paths: Iterable[str]) -> list[Path]:
    """Files named, and the accepted files inside folders named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ACCEPTED
                          and not f.name.startswith("."))
        else:
            out.append(p)
    return out


class Indexer:
    def __init__(self, store: Store, index: SearchIndex, limits: Limits | None = None):
        self.store = store
        self.index = index
        self.limits = limits or Limits()

    def run(self, paths: Iterable[str], progress: Callable[[int, int, Outcome], None] | None = None
            ) -> Iterator[Outcome]:
        files = expand(paths)
        for n, path in enumerate(files, start=1):
            outcome = self.ingest_path(path)
            if progress:
                progress(n, len(files), outcome)
            yield outcome

    def ingest_path(self, path: Path) -> Outcome:
        try:
            size = path.stat().st_size
            if size > self.limits.max_bytes:
                raise IngestError(f"Berkas terlalu besar ({size // (1024 * 1024)} MB; batas "
                                  f"{self.limits.max_bytes // (1024 * 1024)} MB).", f"size {size}")
            data = path.read_bytes()
        except IngestError as exc:
            return self._failed(str(path), None, exc)
        except OSError as exc:
            return self._failed(str(path), None, IngestError("Berkas tidak dapat dibaca.", repr(exc)))
        return self.ingest_bytes(data, path.name, display=str(path))

    def ingest_bytes(self, data: bytes, filename: str, display: str | None = None) -> Outcome:
        display = display or filename
        digest = sha256(data) if data else None
        if digest:
            last = self.store.last_ingest(digest)
            if last and last["detail"] == PARSER_VERSION and last["status"] in ("indexed", "skipped") and (
                    last["status"] == "skipped" or self.store.document_for_file(digest)):
                out = Outcome(display, "unchanged", last["doc_id"], role=last["role"] or "peraturan")
                self.store.record_ingest(display, digest, "unchanged", last["doc_id"], out.role)
                return out
        try:
            outcome = self._ingest(data, filename, display, digest)
        except NotARegulation as exc:
            log.info("skipped %s: %s", display, exc.detail)
            outcome = Outcome(display, "skipped", error=exc.pesan, detail=exc.detail, role="lainnya")
        except IngestError as exc:
            return self._failed(display, digest, exc)
        except Exception as exc:  # a bug must not stop the batch; the clerk sees a plain message
            log.exception("unexpected failure on %s", display)
            return self._failed(display, digest, IngestError(
                "Terjadi kesalahan sistem saat memproses berkas ini; laporkan ke admin.", repr(exc)))
        self.store.record_ingest(display, digest, outcome.status, outcome.doc_id, outcome.role,
                                 outcome.error, PARSER_VERSION)
        return outcome

    def _failed(self, display: str, digest: str | None, exc: IngestError) -> Outcome:
        log.warning("failed %s: %s", display, exc.detail)
        self.store.record_ingest(display, digest, "failed", error=exc.pesan, detail=exc.detail)
        return Outcome(display, "failed", error=exc.pesan, detail=exc.detail)

    def _ingest(self, data: bytes, filename: str, display: str, digest: str | None) -> Outcome:
        extracted = extract(data, filename, max_pages=self.limits.max_pages)
        if extracted.format == "pdf" and not extracted.lines:
            raise IngestError(
                "PDF ini tidak memiliki lapisan teks yang dapat dibaca (hasil pindaian atau teks rusak); "
                "perlu OCR sebelum dapat diindeks.",
                f"no usable text layer on {len(extracted.unusable_pages)} of {extracted.pages} pages")
        if looks_like_note([extracted.title] + [l.text for l in extracted.lines[:40]]):
            return self._note(data, filename, display)  # an evaluation note (issue 5)
        lines = clean(extracted.lines)
        kind = classify(lines, extracted.format)
        assert digest is not None
        if kind.kind == "peraturan":
            doc = parse_regulation(lines)
            if extracted.unusable_pages:
                doc.warnings.append("halaman tanpa teks terbaca: " + ", ".join(map(str, extracted.unusable_pages)))
            if not any(u.kind in ("pasal", "diktum") for u in doc.units):
                raise NotARegulation("Tidak ada pasal atau diktum yang terbaca; tidak diindeks.", "no units")
            self.store.put_file(data, filename, extracted.format)
            self.save(doc, digest, extracted.format, extracted.pages, extracted.ocr_pages)
            return Outcome(display, "indexed", doc.id, pages=extracted.pages)
        self.store.put_file(data, filename, extracted.format)
        return self._attach(kind, lines, digest, filename, display)

    def _note(self, data: bytes, filename: str, display: str) -> Outcome:
        note = read_note(data, filename, self.limits.max_pages)
        save_note(self.store, self.index, note.doc, data=data, filename=filename, fmt=note.format,
                  pages=note.pages, parser_version=PARSER_VERSION)
        return Outcome(display, "indexed", note.doc.id, role="catatan", pages=note.pages)

    # -- documents and their attachments ------------------------------------
    def save(self, doc: Document, digest: str | None, fmt: str, pages: int, ocr_pages: list[int]) -> None:
        claimed = self.store.claim_attachments(doc)
        for att in claimed:
            if att["role"] == "metadata":
                apply_record(doc, att["data"].get("fields", {}))
        old_units = self.store.units(doc.id)
        self.store.save_document(doc, source_sha256=digest, fmt=fmt, pages=pages, ocr_pages=ocr_pages,
                                 parser_version=PARSER_VERSION)
        self.store.materialize_attachment_units(doc.id)
        reanchor_document(self.store, doc.id, old_units)  # annotations follow the new units (issue 5)
        self.reindex(doc.id)

    def reindex(self, doc_id: str) -> None:
        doc = self.store.get_document(doc_id)
        if doc is not None:
            row = self.store.document_row(doc_id)
            self.index.update_documents([(doc, row["public"])])

    def _attach(self, kind: Classified, lines, digest: str, filename: str, display: str) -> Outcome:
        data: dict = {"cite": kind.cite}
        text = kind.text
        if kind.kind == "metadata":
            data["fields"] = kind.fields
            text = "\n".join(f"{k}: {v}" for k, v in kind.fields.items())
        elif kind.kind == "lampiran":
            builder = TreeBuilder()
            parse_lampiran(builder, lines)
            data["units"] = [u.to_dict() for u in builder.units]
            text = builder.units[0].text if builder.units else ""
        target = self.store.resolve_cite(kind.cite)
        self.store.put_attachment(target, kind.kind, digest, filename, text, data)
        if self.store.document_row(target):
            if kind.kind == "metadata":
                doc = self.store.get_document(target)
                apply_record(doc, kind.fields)
                self.store.update_metadata(target, {k: getattr(doc, k) for k in METADATA_FIELDS})
            old_units = self.store.units(target)
            self.store.materialize_attachment_units(target)
            reanchor_document(self.store, target, old_units)
            self.reindex(target)
        return Outcome(display, "indexed", target, role=kind.kind)


def apply_record(doc: Document, fields: dict) -> None:
    """A JDIH metadata record fills what the text did not say (subjek, bidang
    hukum, ...); what the text says about itself (dates, sumber) wins."""
    for key in METADATA_FIELDS:
        value = (fields.get(key) or "").strip()
        if value and not getattr(doc, key, ""):
            setattr(doc, key, value)
    if fields.get("status") in ("Berlaku", "Tidak Berlaku"):
        doc.status = fields["status"]
