"""The ingest worker: claims queued jobs, runs ``prepare`` for each in its own
process (at most ``processes`` at once, across the cores) and stores the
results one at a time: the single writer of the store and the index.

One worker per data folder: an exclusive ``flock`` on ``JDIH_DATA/worker.lock``,
which the kernel releases when the process dies, even by SIGKILL. The worker
that takes the lock first recovers: running jobs of a dead worker go back to
the queue, spool files no job needs are deleted, and the index is reconciled
with the store (``jdih.reconcile``).

Each file gets a fresh process forked from a fork server preloaded with the
indexer, so a file that hangs, eats memory or crashes a PDF library fails
alone: the time limit (``JDIH_MAX_SECONDS``) is enforced by killing that
process, memory by an address-space limit (``JDIH_MAX_MEMORY``) inside it.
"""
from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
import resource
import socket
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from multiprocessing import connection
from pathlib import Path
from typing import Callable, Iterable, Iterator

from jdih import reconcile
from jdih.jobs import Job
from jdih.store import now

from .pipeline import Indexer, Outcome
from .prepare import ExtractionCache, Limits, Prepared, prepare

log = logging.getLogger("jdih.worker")
# Progress rows are written at most this often per job (seconds).
PROGRESS_EVERY = 0.25


@dataclass
class _Running:
    job: Job
    process: multiprocessing.process.BaseProcess
    conn: connection.Connection
    deadline: float


class _Reporter:
    """Progress from inside an extraction process, straight into the job row
    (best effort: a busy database never slows extraction down)."""

    def __init__(self, db_path: str, job_id: int, token: str):
        self.db_path, self.job_id, self.token = db_path, job_id, token
        self.conn: sqlite3.Connection | None = None
        self.last = (None, 0.0)

    def __call__(self, stage: str, done: int, total: int) -> None:
        t = time.monotonic()
        if stage == self.last[0] and t - self.last[1] < PROGRESS_EVERY:
            return
        self.last = (stage, t)
        try:
            if self.conn is None:
                self.conn = sqlite3.connect(self.db_path, timeout=1, isolation_level=None)
            self.conn.execute("UPDATE jobs SET stage = ?, done = ?, total = ?, heartbeat_at = ? "
                              "WHERE id = ? AND worker = ? AND state = 'running'",
                              (stage, done, total, now(), self.job_id, self.token))
        except sqlite3.Error as exc:
            log.debug("progress not written: %r", exc)


def _child(conn, spool: str, filename: str, digest: str, limits: Limits, cache_root: str, db_path: str,
           job_id: int, token: str) -> None:
    """Entry point of an extraction process: one file, one result."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limits.max_memory, limits.max_memory))
    except (ValueError, OSError):
        pass
    try:
        data = Path(spool).read_bytes()
    except OSError as exc:
        result = Prepared("failed", digest, error="Berkas antrian hilang; unggah ulang berkas ini.", detail=repr(exc))
    else:
        result = prepare(data, filename, digest, limits, ExtractionCache(cache_root),
                         _Reporter(db_path, job_id, token), probe=True)
        del data
    try:
        conn.send(result)
    except BrokenPipeError:
        pass  # the worker died; the cache already holds the extraction for the resumed job
    except Exception as exc:  # an unpicklable or oversized result
        conn.send(Prepared("failed", digest, error="Hasil pemrosesan berkas ini terlalu besar; tidak diindeks.",
                           detail=repr(exc)))
    finally:
        conn.close()


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["indexer.prepare", "indexer.worker"])
    return ctx


class Worker:
    def __init__(self, indexer: Indexer, processes: int = 2, name: str | None = None):
        self.indexer = indexer
        self.queue = indexer.queue
        self.store = indexer.store
        self.limits = indexer.limits
        self.processes = max(1, processes)
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.running: dict[int, _Running] = {}
        self._lock_fh = None
        self._ctx = None
        self._segments_before: set[str] | None = None  # index segments when this batch began

    # -- the lock ---------------------------------------------------------------
    def acquire(self) -> bool:
        """Become the worker of this data folder, if no one else is; recover."""
        if self._lock_fh is not None:
            return True
        fh = open(self.store.root / "worker.lock", "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(f"{self.name}\n")
        fh.flush()
        self._lock_fh = fh
        self.recover()
        return True

    def release(self) -> None:
        for r in list(self.running.values()):
            r.process.kill()
            r.process.join(5)
        self.running.clear()
        if self._lock_fh is not None:
            self._lock_fh.close()
            self._lock_fh = None

    def recover(self) -> reconcile.Report:
        requeued = self.queue.requeue_running()
        swept = self.queue.sweep_spool()
        report = reconcile.reconcile(self.store, self.indexer.index)
        if requeued or swept or report.changed:
            log.warning("recovered: %d job(s) requeued, %d spool file(s) removed, index: %d intent(s), "
                        "%d missing, %d extra", len(requeued), swept, len(report.intents), len(report.missing),
                        len(report.extra))
        return report

    # -- one turn of the loop ---------------------------------------------------
    def step(self, timeout: float = 0.3) -> list[Outcome]:
        """Start jobs on free processes, wait up to ``timeout`` for one to
        finish, store what finished; returns the outcomes stored."""
        self._fill()
        if not self.running:
            self.tidy()
            return []
        ready = connection.wait([r.conn for r in self.running.values()], timeout)
        outcomes = []
        for job_id, r in list(self.running.items()):
            if r.conn in ready:
                try:
                    result = r.conn.recv()
                except (EOFError, OSError):
                    result = self._died(r)
            elif time.monotonic() > r.deadline:
                r.process.kill()
                result = Prepared("failed", r.job.sha256 or "",
                                  error=f"Pemrosesan berkas melebihi batas waktu ({self.limits.max_seconds:.0f} "
                                        "detik); berkas terlalu berat atau rusak.",
                                  detail=f"killed after {self.limits.max_seconds} s")
            else:
                continue
            del self.running[job_id]
            r.conn.close()
            r.process.join(5)
            if self._segments_before is None:
                self._segments_before = self.indexer.index.segment_ids()
            outcomes.append(self._store(r.job, result))
        return outcomes

    def tidy(self) -> None:
        """Once the queue is empty: merge the index segments the batch wrote
        (each stored document commits a segment of its own)."""
        before, self._segments_before = self._segments_before, None
        if before is not None:
            try:
                self.indexer.index.merge_new(before)
            except Exception:  # the index is complete without it; the next batch tries again
                log.exception("merging index segments failed")

    def _fill(self) -> None:
        while len(self.running) < self.processes:
            job = self.queue.claim(self.name)
            if job is None:
                return
            self._start(job)

    def _start(self, job: Job) -> None:
        if self._ctx is None:
            self._ctx = _context()
        parent, child = self._ctx.Pipe(duplex=False)
        spool = self.queue.spool_path(job.sha256 or "-")
        args = (child, str(spool), job.filename, job.sha256 or "", self.limits, str(self.indexer.cache.root),
                str(self.store.path), job.id, job.worker)
        process = self._ctx.Process(target=_child, args=args, daemon=True, name=f"jdih-job-{job.id}")
        process.start()
        child.close()
        self.running[job.id] = _Running(job, process, parent, time.monotonic() + self.limits.max_seconds)

    def _died(self, r: _Running) -> Prepared:
        r.process.join(5)
        code = r.process.exitcode
        return Prepared("failed", r.job.sha256 or "",
                        error="Pemrosesan berkas berhenti tiba-tiba (berkas rusak atau memerlukan memori "
                              "melebihi batas); tidak diindeks.",
                        detail=f"extraction process exited with code {code}")

    def _store(self, job: Job, result: Prepared) -> Outcome:
        try:
            data = self.queue.data(job) if result.status in ("peraturan", "attachment") else b""
            return self.indexer.apply(job, result, data)
        except Exception as exc:  # the transaction rolled back; the job fails alone
            log.exception("storing job %s (%s) failed", job.id, job.filename)
            failed = Prepared("failed", job.sha256 or "", error="Terjadi kesalahan sistem saat menyimpan "
                              "berkas ini; laporkan ke admin.", detail=f"store failed: {exc!r}")
            return self.indexer.apply(job, failed, b"")

    # -- loops ----------------------------------------------------------------------
    def drain(self, job_ids: Iterable[int], progress: Callable[[int, int, Outcome], None] | None = None
              ) -> Iterator[Outcome]:
        """Yield the outcome of each job as it finishes: processed here when
        this process can be the worker, else by the worker that is."""
        remaining = set(job_ids)
        total, n = len(remaining), 0
        owner = self.acquire()
        try:
            while remaining:
                if owner:
                    self.step(0.2)
                else:
                    time.sleep(0.3)
                    owner = self.acquire()
                for job_id in sorted(self._finished(remaining)):
                    remaining.discard(job_id)
                    n += 1
                    outcome = Outcome.of(self.queue.get(job_id))
                    if progress:
                        progress(n, total, outcome)
                    yield outcome
        finally:
            if owner:
                if not self.running:
                    self.tidy()
                self.release()

    def _finished(self, job_ids: set[int]) -> list[int]:
        done = []
        ids = list(job_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            done += [r[0] for r in self.store.db.execute(
                f"SELECT id FROM jobs WHERE state = 'done' AND id IN ({marks})", chunk)]
        return done

    def serve_forever(self, stop: threading.Event, on_outcome: Callable[[Outcome], None] | None = None,
                      poll: float = 0.5) -> None:
        """Process jobs until ``stop`` is set (``jdih worker``, ``jdih serve``);
        waits for the lock while another worker holds it."""
        try:
            while not stop.is_set():
                if not self.acquire():
                    stop.wait(2.0)
                    continue
                outcomes = self.step(poll)
                for outcome in outcomes:
                    if on_outcome:
                        on_outcome(outcome)
                if not self.running and not outcomes:
                    stop.wait(poll)
        finally:
            self.release()
