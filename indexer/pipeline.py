"""Files in, documents out: every input file is a job in the store's queue.

``submit_*`` turns a file into a job (or decides it at once: too large, empty,
unchanged since it was indexed, a duplicate upload). Worker processes run
``prepare`` (extract -> clean -> classify -> parse, see ``indexer.prepare``)
in parallel; ``apply`` is the single writer: it stores a job's result and
finishes the job in ONE store transaction, then derives the index entries.
A crash before the commit leaves the job queued again and nothing stored; a
crash after it leaves an index intent that ``jdih.reconcile`` replays.

Every input ends as an Outcome: ``indexed``, ``unchanged`` (same content seen
before with the same parser), ``skipped`` (readable but not a regulation) or
``failed`` (with a message for the clerk and a detail for the log). One bad
file never stops a batch.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from jdih import reconcile, versions
from jdih.jobs import Job, JobQueue, new_batch
from jdih.model import Document
from jdih.notes import NoteError, save_note
from jdih.reanchor import reanchor_document
from jdih.relations import save_extras
from jdih.search import SearchIndex
from jdih.store import Store

from .ocr import default_cache
from .prepare import ExtractionCache, Limits, Prepared, prepare
from .relations import text_extras

log = logging.getLogger("jdih.indexer")

# Bump when extraction, cleaning or parsing changes what a file becomes:
# files indexed by an older parser are parsed again instead of "unchanged"
# (from the extraction cache when only parsing changed).
PARSER_VERSION = "2026.11.4"
ACCEPTED = (".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".markdown")
METADATA_FIELDS = ("subjek", "bidang_hukum", "pemrakarsa", "penandatangan", "teu_badan", "status",
                   "tanggal_penetapan", "tanggal_pengundangan", "sumber", "bahasa", "tempat_penetapan")
__all__ = ["Indexer", "Limits", "Outcome", "PARSER_VERSION", "expand", "apply_record"]


@dataclass
class Outcome:
    path: str
    status: str  # indexed | unchanged | skipped | failed
    doc_id: str | None = None
    error: str = ""
    detail: str = ""
    role: str = "peraturan"
    pages: int = 0
    job_id: int | None = None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, job: Job) -> "Outcome":
        role = job.role or ("lainnya" if job.status == "skipped" else "peraturan")
        return cls(job.path or job.filename, job.status, job.doc_id, job.error, job.detail, role, job.total,
                   job.id)


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
    def __init__(self, store: Store, index: SearchIndex, limits: Limits | None = None, processes: int = 2):
        self.store = store
        self.index = index
        self.limits = limits or Limits()
        if self.limits.ocr is not None and self.limits.ocr.cache_dir is None:
            ocr = replace(self.limits.ocr, cache_dir=default_cache(store.root))
            self.limits = replace(self.limits, ocr=ocr)
        self.processes = processes
        self.queue = JobQueue(store)
        self.cache = ExtractionCache(store.root / "cache" / "ekstraksi")

    # -- files become jobs ---------------------------------------------------
    def submit_path(self, path: Path, *, batch: str, source: str = "cli") -> int:
        try:
            size = path.stat().st_size
            if size > self.limits.max_bytes:
                return self._too_large(path.name, size, batch=batch, source=source, path=str(path))
            data = path.read_bytes()
        except OSError as exc:
            return self.queue.add_finished(path.name, source=source, path=str(path), batch=batch, status="failed",
                                           error="Berkas tidak dapat dibaca.", detail=repr(exc))
        return self.submit_bytes(data, path.name, batch=batch, source=source, path=str(path))

    def submit_bytes(self, data: bytes, filename: str, *, batch: str, source: str, path: str = "",
                     publish: bool = True, created_by: str = "") -> int:
        """Queue a file unless it is decided already; returns the job id."""
        return self.queue.submit(data, filename, source=source, max_bytes=self.limits.max_bytes, batch=batch,
                                 path=path, publish=publish, created_by=created_by, parser_version=PARSER_VERSION)

    def _too_large(self, filename: str, size: int, **common) -> int:
        return self.queue.too_large(filename, size, self.limits.max_bytes, **common)

    # -- the single writer -----------------------------------------------------
    def apply(self, job: Job, result: Prepared, data: bytes) -> Outcome:
        """Store a prepared file and finish its job in one transaction, then
        derive the index entries it changed."""
        self.queue.progress(job.id, "penyimpanan")
        touched: list[str] = []
        with self.store.transaction():
            if result.status in ("failed", "skipped"):
                self._finish(job, result, result.status, None, "lainnya" if result.status == "skipped" else None)
            elif result.status == "catatan":
                self._save_note(job, result, data)
                touched.append(result.doc.id)
            elif result.status == "peraturan":
                doc = result.doc
                assert doc is not None
                reconcile.mark(self.store, [doc.id])
                self.store.put_file(data, job.filename, result.fmt)
                public = None if self.store.document_row(doc.id) else bool(job.publish)
                others = self.save(doc, result.digest, result.fmt, result.pages, result.ocr_pages,
                                   filename=job.filename, public=public)
                self._finish(job, result, "indexed", doc.id, "peraturan")
                touched += [doc.id] + others
            else:
                target = self._attach(job, result, data)
                if self.store.document_row(target):
                    touched.append(target)
                self._finish(job, result, "indexed", target, result.kind.kind)
        if touched:
            reconcile.refresh(self.store, self.index, touched)
        self.queue.release_spool(job.sha256)
        if result.status == "failed":
            log.warning("failed %s: %s", job.path or job.filename, result.detail)
        return Outcome.of(self.queue.get(job.id))

    def _save_note(self, job: Job, result: Prepared, data: bytes) -> None:
        """An evaluation note (issue 5): stored unpublished with its citations linked."""
        doc = result.doc
        reconcile.mark(self.store, [doc.id])
        try:
            save_note(self.store, self.index, doc, data=data, filename=job.filename, fmt=result.fmt,
                      pages=result.pages, parser_version=PARSER_VERSION)
        except NoteError as exc:
            result.status, result.error, result.detail = "failed", exc.pesan, f"note not saved: {exc.pesan}"
            self._finish(job, result, "failed", None, None)
            return
        self._finish(job, result, "indexed", doc.id, "catatan")

    def _finish(self, job: Job, result: Prepared, status: str, doc_id: str | None, role: str | None) -> None:
        # the ingest history keeps the parser version in ``detail`` (unchanged detection)
        self.store.record_ingest(job.path or job.filename, result.digest or None, status, doc_id, role,
                                 result.error, PARSER_VERSION if status != "failed" else result.detail)
        self.queue.finish(job.id, status, doc_id=doc_id, role=role, error=result.error, detail=result.detail,
                          pages=result.pages,
                          stage="tinjau" if status == "indexed" and not job.publish and role == "peraturan"
                          else None)

    def save(self, doc: Document, digest: str | None, fmt: str, pages: int, ocr_pages: list[int],
             filename: str = "", public: bool | None = None) -> list[str]:
        """Store a parsed document (inside the caller's transaction): its
        attachments, a new version when the file changed, and the relations,
        amendment effects and cross-references of its text. Staff corrections
        of metadata (jdih/editing.py) are re-applied by ``save_document``.
        Returns the other documents whose index entries these changed (the
        targets of its amendments), already marked for the index."""
        with self.store.transaction():
            claimed = self.store.claim_attachments(doc)
            for att in claimed:
                if att["role"] == "metadata":
                    apply_record(doc, att["data"].get("fields", {}))
            versions.begin_version(self.store, doc.id, digest, filename, fmt, pages, PARSER_VERSION)
            old_units = self.store.units(doc.id)
            self.store.save_document(doc, source_sha256=digest, fmt=fmt, pages=pages, ocr_pages=ocr_pages,
                                     parser_version=PARSER_VERSION, public=public)
            self.store.materialize_attachment_units(doc.id)
            reanchor_document(self.store, doc.id, old_units)  # annotations follow the new units (issue 5)
            others = [d for d in save_extras(self.store, doc.id, *text_extras(doc)) if d != doc.id]
            reconcile.mark(self.store, others)
        return others

    def reindex(self, doc_id: str) -> None:
        reconcile.refresh(self.store, self.index, [doc_id])

    def _attach(self, job: Job, result: Prepared, data: bytes) -> str:
        kind = result.kind
        assert kind is not None
        self.store.put_file(data, job.filename, result.fmt)
        target = self.store.resolve_cite(kind.cite)
        if self.store.document_row(target):
            reconcile.mark(self.store, [target])
        self.store.put_attachment(target, kind.kind, result.digest, job.filename, result.attachment_text,
                                  result.attachment)
        if self.store.document_row(target):
            if kind.kind == "metadata":
                doc = self.store.get_document(target)
                apply_record(doc, kind.fields)
                self.store.update_metadata(target, {k: getattr(doc, k) for k in METADATA_FIELDS})
            old_units = self.store.units(target)
            self.store.materialize_attachment_units(target)
            reanchor_document(self.store, target, old_units)
        return target

    def remove(self, doc_id: str, reason: str = versions.REASON_REMOVED) -> bool:
        return versions.withdraw(self.store, self.index, doc_id, reason)

    # -- running jobs ---------------------------------------------------------
    def process_inline(self, job: Job) -> Outcome:
        """Run one claimed job in this process (no worker processes)."""
        data = self.queue.data(job)
        result = prepare(data, job.filename, job.sha256 or "", self.limits, self.cache)
        return self.apply(job, result, data)

    def ingest_bytes(self, data: bytes, filename: str, display: str | None = None, *, publish: bool = True,
                     source: str = "cli") -> Outcome:
        """Ingest one file now, in this process (tests, small tools)."""
        job_id = self.submit_bytes(data, filename, batch=new_batch(), source=source, path=display or filename,
                                   publish=publish)
        return self._finish_now(job_id)

    def ingest_path(self, path: Path) -> Outcome:
        return self._finish_now(self.submit_path(Path(path), batch=new_batch()))

    def _finish_now(self, job_id: int) -> Outcome:
        job = self.queue.get(job_id)
        if job.state == "queued":
            with self.store.transaction() as db:
                db.execute("UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = 'inline' "
                           "WHERE id = ? AND state = 'queued'", (job_id,))
            return self.process_inline(self.queue.get(job_id))
        return Outcome.of(self.queue.wait([job_id])[0])

    def run(self, paths: Iterable[str], progress: Callable[[int, int, Outcome], None] | None = None
            ) -> Iterator[Outcome]:
        """Queue every file under ``paths`` as one batch and yield each outcome
        as its job finishes, processed by the worker processes of this
        process, or by the worker that already runs on this data folder."""
        from .worker import Worker

        batch = new_batch()
        job_ids = [self.submit_path(p, batch=batch) for p in expand(paths)]
        yield from Worker(self, processes=self.processes).drain(job_ids, progress)


def apply_record(doc: Document, fields: dict) -> None:
    """A JDIH metadata record fills what the text did not say (subjek, bidang
    hukum, ...); what the text says about itself (dates, sumber) wins."""
    for key in METADATA_FIELDS:
        value = (fields.get(key) or "").strip()
        if value and not getattr(doc, key, ""):
            setattr(doc, key, value)
    if fields.get("status") in ("Berlaku", "Tidak Berlaku"):
        doc.status = fields["status"]
