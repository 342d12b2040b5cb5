"""The durable ingest job queue, kept in the store.

A job is one input file. Its bytes wait in the spool (``JDIH_DATA/antrian``,
named by sha256, written with fsync before the job row exists) until a worker
has stored the result; the job row moves ``queued -> running -> done`` and
carries what the clerk sees: the stage (``antri``, ``ekstraksi`` page 12/80,
``ocr``, ``parsing``, ``penyimpanan``, ``selesai``, ``gagal``), the outcome
(``indexed`` / ``unchanged`` / ``skipped`` / ``failed``), an Indonesian message
and an English detail for the log.

A claim carries a token (worker id and attempt); progress written under an old
token (by an extraction process orphaned when its worker was killed) is
ignored. A worker that starts while holding the worker lock puts every
``running`` job back in the queue: a killed worker's job resumes.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
import uuid
from dataclasses import dataclass, fields
from pathlib import Path

from .store import Store, now, sha256

# What a clerk reads for each stage of a job (web page, terminal).
STAGES = {
    "antri": "menunggu giliran",
    "ekstraksi": "mengekstrak teks",
    "ocr": "OCR halaman pindaian",
    "parsing": "mengurai struktur",
    "penyimpanan": "menyimpan dan mengindeks",
    "tinjau": "menunggu tinjauan metadata",
    "selesai": "selesai",
    "gagal": "gagal",
}
STATUS_LABELS = {"indexed": "terindeks", "unchanged": "tidak berubah", "skipped": "dilewati",
                 "failed": "gagal", "": "diproses"}
# A job whose worker died this many times while storing it is not tried again
# (a file that kills the worker itself must not stop the queue forever).
# Deaths during extraction do not count: extraction runs in its own process,
# so the worker dying then was not the file's doing.
MAX_CRASHES = 5
# Characters kept in a stored file name; everything else becomes "_".
UNSAFE_NAME_RE = re.compile(r"[^\w.\- ()]+")


@dataclass
class Job:
    id: int
    batch: str
    source: str
    path: str
    filename: str
    sha256: str | None
    size: int
    state: str
    stage: str
    done: int
    total: int
    status: str
    doc_id: str | None
    role: str | None
    error: str
    detail: str
    publish: int
    attempts: int
    crashes: int
    worker: str
    created_by: str
    created_at: str
    started_at: str | None
    finished_at: str | None
    heartbeat_at: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> "Job":
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def stage_label(self) -> str:
        label = STAGES.get(self.stage, self.stage)
        if self.stage in ("ekstraksi", "ocr") and self.total:
            label += f" halaman {self.done}/{self.total}"
        return label

    def to_json(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["stage_label"] = self.stage_label
        return d


def safe_filename(name: str) -> str:
    """A file name safe to store and show: no folders (``../``), no control
    characters, at most 150 characters, never empty."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").split("/")[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = UNSAFE_NAME_RE.sub("_", name).strip(" .")
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 140] + "." + ext[:9]) if dot and len(ext) < 10 else name[:150]
    return name or "berkas"


def human_size(n: int) -> str:
    """'2,8 MB', '9,8 KB': sizes as a clerk reads them (Indonesian decimal comma)."""
    for unit, scale in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".", ",")
    return f"{n} byte"


def new_batch() -> str:
    return uuid.uuid4().hex[:12]


class JobQueue:
    def __init__(self, store: Store):
        self.store = store
        self.spool = store.root / "antrian"

    # -- spool ---------------------------------------------------------------
    def spool_path(self, digest: str) -> Path:
        return self.spool / digest

    def _spool(self, data: bytes) -> str:
        digest = sha256(data)
        path = self.spool_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{digest}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        return digest

    def data(self, job: Job) -> bytes:
        return self.spool_path(job.sha256).read_bytes() if job.sha256 else b""

    def release_spool(self, digest: str | None) -> None:
        """Delete a spooled file once no unfinished job needs it."""
        if not digest:
            return
        busy = self.store.db.execute("SELECT 1 FROM jobs WHERE sha256 = ? AND state != 'done' LIMIT 1",
                                     (digest,)).fetchone()
        if not busy:
            self.spool_path(digest).unlink(missing_ok=True)

    # -- adding jobs -----------------------------------------------------------
    def enqueue(self, data: bytes, filename: str, *, source: str, path: str = "", batch: str = "",
                publish: bool = True, created_by: str = "") -> int:
        """Queue a file; its bytes are durable in the spool before the row exists."""
        digest = self._spool(data) if data else None
        return self._insert(batch or new_batch(), source, path, filename, digest, len(data), publish,
                            created_by)

    def add_finished(self, filename: str, *, source: str, status: str, path: str = "", batch: str = "",
                     digest: str | None = None, size: int = 0, doc_id: str | None = None,
                     role: str | None = None, error: str = "", detail: str = "", created_by: str = "") -> int:
        """A job decided before any work: a file too large to read, a duplicate,
        a file unchanged since it was last indexed."""
        job_id = self._insert(batch or new_batch(), source, path, filename, digest, size, True, created_by)
        self.finish(job_id, status, doc_id=doc_id, role=role, error=error, detail=detail)
        return job_id

    def _insert(self, batch: str, source: str, path: str, filename: str, digest: str | None, size: int,
                publish: bool, created_by: str) -> int:
        cur = self.store.db.execute(
            "INSERT INTO jobs (batch, source, path, filename, sha256, size, publish, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (batch, source, path, safe_filename(filename), digest, size, int(publish), created_by, now()))
        return int(cur.lastrowid)

    def submit(self, data: bytes, filename: str, *, source: str, max_bytes: int, batch: str,
               path: str = "", publish: bool = True, created_by: str = "",
               parser_version: str | None = None) -> int:
        """Queue a file unless it is decided already (empty, too large, a
        duplicate upload, unchanged since indexed by ``parser_version``);
        returns the job id."""
        common = dict(source=source, path=path, batch=batch, created_by=created_by)
        if not data:
            return self.add_finished(filename, status="failed", error="Berkas kosong (0 byte).",
                                     detail="empty file", **common)
        if len(data) > max_bytes:
            return self.too_large(filename, len(data), max_bytes, **common)
        digest = sha256(data)
        seen = self._seen(digest, parser_version)
        if seen is not None:
            doc_id, role, when = seen
            if source == "upload":
                where = f" sebagai {doc_id}" if doc_id else ""
                return self.add_finished(
                    filename, status="failed", digest=digest, size=len(data), doc_id=doc_id, role=role,
                    error=f"Duplikat: berkas yang sama sudah diunggah{where} ({when}); tidak diproses lagi.",
                    detail=f"duplicate upload of {digest}", **common)
            return self.add_finished(filename, status="unchanged", digest=digest, size=len(data), doc_id=doc_id,
                                     role=role, **common)
        return self.enqueue(data, filename, publish=publish, **common)

    def too_large(self, filename: str, size: int, max_bytes: int, **common) -> int:
        return self.add_finished(filename, status="failed", size=size,
                                 error=f"Berkas terlalu besar ({human_size(size)}; batas {human_size(max_bytes)}).",
                                 detail=f"size {size} > limit {max_bytes}", **common)

    def _seen(self, digest: str, parser_version: str | None) -> tuple[str | None, str | None, str] | None:
        """(doc_id, role, when) if this content waits in the queue, or is
        stored already (indexed by ``parser_version`` when one is given)."""
        if self.active_for(digest) is not None:
            return (None, None, "masih dalam antrian")
        last = self.store.last_ingest(digest)
        if not last or last["status"] not in ("indexed", "skipped"):
            return None
        if parser_version is not None and last["detail"] != parser_version:
            return None
        doc_id = self.store.document_for_file(digest)
        if last["status"] == "indexed" and not doc_id:
            return None  # indexed once, since removed: index it again
        return (doc_id or last["doc_id"], last["role"], last["at"][:10])

    # -- the worker's side ---------------------------------------------------------
    def claim(self, worker: str) -> Job | None:
        """The oldest queued job, now running under this worker's token."""
        with self.store.transaction() as db:
            row = db.execute("SELECT id, attempts FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1").fetchone()
            if row is None:
                return None
            token = f"{worker}:{row['attempts'] + 1}"
            stamp = now()
            db.execute("UPDATE jobs SET state = 'running', stage = 'ekstraksi', done = 0, total = 0, "
                       "attempts = attempts + 1, worker = ?, started_at = ?, heartbeat_at = ? WHERE id = ?",
                       (token, stamp, stamp, row["id"]))
        return self.get(row["id"])

    def progress(self, job_id: int, stage: str, done: int = 0, total: int = 0, token: str | None = None) -> None:
        sql = "UPDATE jobs SET stage = ?, done = ?, total = ?, heartbeat_at = ? WHERE id = ? AND state = 'running'"
        args: list = [stage, done, total, now(), job_id]
        if token is not None:
            sql += " AND worker = ?"
            args.append(token)
        self.store.db.execute(sql, args)

    def finish(self, job_id: int, status: str, *, doc_id: str | None = None, role: str | None = None,
               error: str = "", detail: str = "", stage: str | None = None, pages: int = 0) -> None:
        stage = stage or ("gagal" if status == "failed" else "selesai")
        self.store.db.execute(
            "UPDATE jobs SET state = 'done', stage = ?, status = ?, doc_id = ?, role = ?, error = ?, detail = ?, "
            "finished_at = ?, done = max(done, ?), total = max(total, ?) WHERE id = ?",
            (stage, status, doc_id, role, error, detail, now(), pages, pages, job_id))

    def requeue_running(self) -> list[int]:
        """Put the jobs of a dead worker back in the queue (called by the worker
        that holds the lock, at start). A job the worker died storing
        MAX_CRASHES times fails instead."""
        requeued = []
        with self.store.transaction() as db:
            rows = db.execute("SELECT id, stage, crashes FROM jobs WHERE state = 'running'").fetchall()
            for r in rows:
                crashes = r["crashes"] + (r["stage"] == "penyimpanan")
                if crashes >= MAX_CRASHES:
                    db.execute("UPDATE jobs SET crashes = ? WHERE id = ?", (crashes, r["id"]))
                    self.finish(r["id"], "failed", error="Berkas ini berulang kali menghentikan pemroses; "
                                "laporkan ke admin.", detail=f"worker died {crashes} times storing this job")
                else:
                    db.execute("UPDATE jobs SET state = 'queued', stage = 'antri', done = 0, total = 0, "
                               "crashes = ? WHERE id = ?", (crashes, r["id"]))
                    requeued.append(r["id"])
        return requeued

    def sweep_spool(self) -> int:
        """Delete spooled files no unfinished job refers to (left by a crash
        between a job's commit and the deletion of its file)."""
        if not self.spool.exists():
            return 0
        wanted = {r[0] for r in self.store.db.execute("SELECT sha256 FROM jobs WHERE state != 'done'")}
        n = 0
        for path in self.spool.iterdir():
            if path.name.split(".")[0] not in wanted:
                path.unlink(missing_ok=True)
                n += 1
        return n

    # -- reading -------------------------------------------------------------
    def get(self, job_id: int) -> Job | None:
        row = self.store.db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.from_row(row) if row else None

    def batch(self, batch: str) -> list[Job]:
        rows = self.store.db.execute("SELECT * FROM jobs WHERE batch = ? ORDER BY id", (batch,))
        return [Job.from_row(r) for r in rows]

    def recent(self, limit: int = 50, created_by: str | None = None) -> list[Job]:
        sql, args = "SELECT * FROM jobs", []
        if created_by is not None:
            sql += " WHERE created_by = ?"
            args.append(created_by)
        rows = self.store.db.execute(sql + " ORDER BY id DESC LIMIT ?", [*args, limit])
        return [Job.from_row(r) for r in rows]

    def pending(self) -> int:
        return self.store.db.execute("SELECT count(*) FROM jobs WHERE state != 'done'").fetchone()[0]

    def counts(self) -> dict[str, int]:
        rows = self.store.db.execute("SELECT state, status, count(*) FROM jobs GROUP BY state, status")
        out: dict[str, int] = {}
        for state, status, n in rows:
            key = status if state == "done" else state
            out[key] = out.get(key, 0) + n
        return out

    def active_for(self, digest: str) -> Job | None:
        row = self.store.db.execute("SELECT * FROM jobs WHERE sha256 = ? AND state != 'done' ORDER BY id LIMIT 1",
                                    (digest,)).fetchone()
        return Job.from_row(row) if row else None

    def wait(self, job_ids: list[int], timeout: float | None = None, poll: float = 0.2) -> list[Job]:
        """Block until the jobs are done (processed by whichever worker holds
        the lock); returns them."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            jobs = [self.get(j) for j in job_ids]
            if all(j is not None and j.state == "done" for j in jobs):
                return jobs
            if deadline is not None and time.monotonic() > deadline:
                return jobs
            time.sleep(poll)
