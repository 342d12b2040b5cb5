"""A watched inbox folder (``jdih index --watch DIR``): the folder mirrors part
of the collection.

Every ``interval`` seconds the folder is scanned (polling works on network
shares, where change notifications do not). A file is queued once its size and
modification time have stayed the same over two scans (a file still being
copied is left alone); a changed file is queued again and becomes a new
version of its regulation; unchanged content is recognised by its sha256 and
costs nothing. A file that has been gone for two scans withdraws the document
it was the current text of (its history is kept). A folder that vanished or
suddenly holds no files at all (an unmounted share) withdraws nothing.
"""
from __future__ import annotations

import logging
from pathlib import Path

from .pipeline import ACCEPTED, Indexer

log = logging.getLogger("jdih.watch")
Stamp = tuple[int, int]  # size, mtime in ns


class Watcher:
    def __init__(self, indexer: Indexer, folder: str | Path):
        self.indexer = indexer
        self.folder = Path(folder).resolve()
        self.seen: dict[Path, Stamp] = {}        # stamps of the previous scan
        self.queued: dict[Path, Stamp] = {}      # stamps last queued
        self.missing: dict[str, int] = {}        # path -> scans it has been absent
        self.had_files = False

    def files(self) -> dict[Path, Stamp] | None:
        if not self.folder.is_dir():
            return None
        out = {}
        for f in self.folder.rglob("*"):
            if f.is_file() and f.suffix.lower() in ACCEPTED and not f.name.startswith("."):
                try:
                    st = f.stat()
                except OSError:
                    continue
                out[f] = (st.st_size, st.st_mtime_ns)
        return out

    def scan(self) -> list[int]:
        """One look at the folder: queue what is new or changed and stable,
        withdraw what is gone; returns the ids of the jobs queued."""
        current = self.files()
        if current is None or (not current and self.had_files):
            log.warning("watched folder %s is missing or empty; nothing withdrawn", self.folder)
            return []
        self.had_files = self.had_files or bool(current)
        jobs = []
        batch = f"watch-{self.folder.name}"[:40]
        for path, stamp in sorted(current.items()):
            if self.seen.get(path) == stamp and self.queued.get(path) != stamp:
                jobs.append(self.indexer.submit_path(path, batch=batch, source="watch"))
                self.queued[path] = stamp
        self.seen = current
        self._withdraw_missing({str(p) for p in current})
        return jobs

    def _withdraw_missing(self, present: set[str]) -> None:
        for path, doc_id, digest in self._indexed_here():
            if path in present:
                self.missing.pop(path, None)
                continue
            self.missing[path] = self.missing.get(path, 0) + 1
            row = self.indexer.store.document_row(doc_id)
            if self.missing[path] >= 2 and row and row["source_sha256"] == digest:
                log.warning("%s is gone from the watched folder: withdrawing %s", path, doc_id)
                self.indexer.remove(doc_id)
                self.missing.pop(path, None)

    def _indexed_here(self) -> list[tuple[str, str, str]]:
        """(path, doc_id, sha256) of the latest indexed regulation job of each
        path under the folder."""
        rows = self.indexer.store.db.execute(
            "SELECT path, doc_id, sha256 FROM jobs WHERE id IN (SELECT max(id) FROM jobs WHERE source = 'watch' "
            "AND path LIKE ? AND status IN ('indexed', 'unchanged') AND role = 'peraturan' GROUP BY path)",
            (str(self.folder) + "/%",))
        return [(r[0], r[1], r[2]) for r in rows if r[1]]
