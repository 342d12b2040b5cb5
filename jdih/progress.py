"""A progress bar on the terminal for long indexing runs.

Drawn on stderr only when stderr is a terminal, so piped output and
``--json`` stay clean. Besides the count of files done it shows what the
running jobs are doing ("uu-13-2003.pdf: mengekstrak teks halaman 12/80"),
refreshed from the job queue a few times a second by a small thread.
"""
from __future__ import annotations

import shutil
import sys
import threading
import time
from typing import TextIO

from .jobs import Job, JobQueue


class ProgressBar:
    def __init__(self, queue: JobQueue, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.queue = queue
        self.total = total
        self.done = 0
        self.pages = 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._activity = ""

    def __enter__(self) -> "ProgressBar":
        if self.enabled:
            self._thread = threading.Thread(target=self._refresh, name="jdih-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(2)
        self.clear()

    def advance(self, pages: int = 0) -> None:
        with self._lock:
            self.done += 1
            self.pages += pages
        self.draw()

    def clear(self) -> None:
        if self.enabled:
            with self._lock:
                self.stream.write("\r\033[K")
                self.stream.flush()

    def line(self) -> str:
        width = shutil.get_terminal_size((80, 20)).columns
        frac = self.done / self.total if self.total else 1.0
        bar_w = 24
        filled = int(bar_w * frac)
        rate = self.pages / max(time.monotonic() - self.started, 1e-6)
        text = (f"[{'#' * filled}{'.' * (bar_w - filled)}] {self.done}/{self.total} berkas"
                f" · {self.pages} hlm · {rate:.1f} hlm/dtk")
        if self._activity:
            text += f" · {self._activity}"
        return text[: width - 1]

    def draw(self) -> None:
        if self.enabled:
            with self._lock:
                self.stream.write("\r\033[K" + self.line())
                self.stream.flush()

    def _refresh(self) -> None:
        while not self._stop.wait(0.4):
            try:
                running = [j for j in self.queue.recent(20) if j.state == "running"]
            except Exception:  # the bar never breaks the run it shows
                running = []
            self._activity = "; ".join(activity(j) for j in running[:2])
            self.draw()


def activity(job: Job) -> str:
    return f"{job.filename[:30]}: {job.stage_label}"
