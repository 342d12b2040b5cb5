"""OCR of PDF pages without a usable text layer: poppler renders, Tesseract reads.

Pages are rendered with ``pdftoppm`` (grey, ``dpi`` dots per inch) and read by
``tesseract -l ind`` as TSV (every word with its box and confidence). Both are
subprocesses, so pages run in parallel threads (``workers``), each Tesseract
limited to one thread of its own. The TSV of a page is cached by content:
sha256 of the PDF, the page number and every setting that changes the output,
so a file is never OCR'd twice with the same settings.

Words become visual Lines with the same geometry (points from the page's
top-left) that the PDF text layer gives, so the same cleaning steps (margins,
running headers, page numbers) and the same parser apply. Tesseract splits a
two-column row ("Menimbang : a. bahwa ...") into blocks; lines whose boxes
share a row are joined again, left to right.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .lines import Line

log = logging.getLogger(__name__)

# Bump when the way a page is rendered or read changes (not the way TSV
# becomes lines: the cache keeps the raw TSV).
OCR_FORMAT = "1"
POINTS_PER_INCH = 72.0
# Words with no letter or digit and a confidence below this are specks of the
# scan (the emblem, stains), not text.
MIN_SYMBOL_CONF = 60.0
# Two Tesseract lines share a row when their vertical overlap is at least this
# share of the smaller line's height.
ROW_OVERLAP = 0.5


@dataclass(frozen=True)
class OcrOptions:
    enabled: bool = True
    lang: str = "ind"
    dpi: int = 300
    # Tesseract page segmentation 6, "one uniform block": a regulation page is
    # one column (with a label column beside it). Measured on the corpus scan,
    # the automatic layout (3) dropped the first word of paragraphs and list
    # numbers into blocks of their own.
    psm: int = 6
    workers: int = 2
    cache_dir: Path | None = None
    timeout: float = 300.0  # seconds per page

    def cache_key(self, digest: str, page: int) -> str:
        raw = json.dumps([OCR_FORMAT, digest, page, self.lang, self.dpi, self.psm, tesseract_version()])
        return hashlib.sha256(raw.encode()).hexdigest()


def default_cache(data_dir: Path) -> Path:
    """Where OCR results are cached when no folder is configured:
    ``JDIH_OCR_CACHE``, else ``ocr-cache`` under the data folder."""
    return Path(os.environ.get("JDIH_OCR_CACHE") or Path(data_dir) / "ocr-cache")


def options_from_settings(settings) -> OcrOptions:
    """OCR options from the JDIH settings (``JDIH_OCR*``); the cache defaults
    to ``ocr-cache`` under the data folder."""
    cache = settings.get("ocr_cache") or str(Path(settings["data"]) / "ocr-cache")
    return OcrOptions(enabled=settings.get("ocr", "1").lower() not in ("0", "no", "tidak", "false", "off"),
                      lang=settings.get("ocr_lang", "ind"), dpi=int(settings.get("ocr_dpi", "300")),
                      workers=max(1, int(settings.get("ocr_workers", "2"))), cache_dir=Path(cache),
                      timeout=float(settings.get("ocr_timeout", "300")))


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    exe = shutil.which("tesseract")
    if not exe:
        return ""
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else ""


def unavailable(opts: OcrOptions) -> str:
    """Why OCR cannot run here (in Indonesian), or '' when it can."""
    if not opts.enabled:
        return "OCR dimatikan (JDIH_OCR=0)"
    if not shutil.which("pdftoppm"):
        return "pdftoppm (poppler-utils) tidak terpasang"
    if not shutil.which("tesseract"):
        return "Tesseract tidak terpasang"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    if opts.lang not in langs.stdout.split():
        return f"model bahasa Tesseract '{opts.lang}' tidak terpasang (tesseract-ocr-{opts.lang})"
    return ""


class OcrError(Exception):
    pass


def ocr_pages(data: bytes, pages: list[int], sizes: dict[int, tuple[float, float]],
              opts: OcrOptions, report: Callable[[str, int, int], None] | None = None) -> dict[int, list[Line]]:
    """Lines of each page, read by OCR (cached); pages in any order. ``report``
    hears ("ocr", pages done, pages to read) as pages finish."""
    if not pages:
        return {}
    digest = hashlib.sha256(data).hexdigest()
    done, lock = [0], threading.Lock()

    def read(n: int) -> str:
        tsv = page_tsv(pdf, digest, n, opts, Path(tmp))
        if report:
            with lock:
                done[0] += 1
                report("ocr", done[0], len(pages))
        return tsv

    with tempfile.TemporaryDirectory(prefix="jdih-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        if report:
            report("ocr", 0, len(pages))
        with ThreadPoolExecutor(max_workers=max(1, opts.workers)) as pool:
            tsvs = list(pool.map(read, pages))
    out = {}
    for n, tsv in zip(pages, tsvs):
        width, height = sizes.get(n, (595.0, 842.0))
        out[n] = tsv_lines(tsv, n, width, height, opts.dpi)
    return out


def page_tsv(pdf: Path, digest: str, page: int, opts: OcrOptions, tmp: Path) -> str:
    """Tesseract's TSV of one page, from the cache or freshly read."""
    cached = _cache_path(opts, digest, page)
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    tsv = _read_page(pdf, page, opts, tmp)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".{os.getpid()}.{page}.tmp")
        part.write_text(tsv, encoding="utf-8")
        os.replace(part, cached)
    return tsv


def _cache_path(opts: OcrOptions, digest: str, page: int) -> Path | None:
    if opts.cache_dir is None:
        return None
    key = opts.cache_key(digest, page)
    return Path(opts.cache_dir) / key[:2] / f"{key}.tsv"


def _read_page(pdf: Path, page: int, opts: OcrOptions, tmp: Path) -> str:
    stem = tmp / f"p{page}"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        subprocess.run(["pdftoppm", "-r", str(opts.dpi), "-gray", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(stem)], check=True, capture_output=True,
                       timeout=opts.timeout)
        done = subprocess.run(["tesseract", f"{stem}.pgm", "stdout", "-l", opts.lang, "--psm", str(opts.psm), "tsv"],
                              check=True, capture_output=True, timeout=opts.timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"OCR halaman {page} melebihi batas waktu {opts.timeout:.0f} detik") from exc
    except subprocess.CalledProcessError as exc:
        raise OcrError(f"OCR halaman {page} gagal: {exc.stderr.decode(errors='replace')[-300:]}") from exc
    finally:
        Path(f"{stem}.pgm").unlink(missing_ok=True)
    return done.stdout.decode("utf-8", errors="replace")


@dataclass
class _Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    conf: float


def _tsv_words(tsv: str) -> dict[tuple[int, int, int], list[_Word]]:
    """Words of Tesseract's TSV, grouped by its (block, paragraph, line)."""
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or (not any(c.isalnum() for c in text) and conf < MIN_SYMBOL_CONF):
            continue
        left, top, width, height = (float(c) for c in cols[6:10])
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        lines.setdefault(key, []).append(_Word(text, left, top, left + width, top + height, conf))
    return lines


def _rows(groups: list[list[_Word]]) -> list[list[_Word]]:
    """Join Tesseract lines that share a row (a label column beside its text)."""
    boxes = sorted(groups, key=lambda ws: min(w.top for w in ws))
    rows: list[list[_Word]] = []
    for words in boxes:
        top, bottom = min(w.top for w in words), max(w.bottom for w in words)
        left, right = min(w.left for w in words), max(w.right for w in words)
        for row in rows:
            rtop, rbottom = min(w.top for w in row), max(w.bottom for w in row)
            overlap = min(bottom, rbottom) - max(top, rtop)
            apart = all(w.right <= left or w.left >= right for w in row)
            if apart and overlap >= ROW_OVERLAP * min(bottom - top, rbottom - rtop):
                row.extend(words)
                break
        else:
            rows.append(list(words))
    rows.sort(key=lambda ws: min(w.top for w in ws))
    return rows


def tsv_lines(tsv: str, page: int, width: float, height: float, dpi: int) -> list[Line]:
    """Visual lines of a page from Tesseract's TSV, in points like a text layer."""
    scale = POINTS_PER_INCH / dpi
    out = []
    for row in _rows(list(_tsv_words(tsv).values())):
        row.sort(key=lambda w: w.left)
        heights = sorted(w.bottom - w.top for w in row)
        out.append(Line(
            text=" ".join(w.text for w in row), page=page,
            x0=round(min(w.left for w in row) * scale, 1), x1=round(max(w.right for w in row) * scale, 1),
            top=round(min(w.top for w in row) * scale, 1), page_width=width, page_height=height,
            size=round(heights[len(heights) // 2] * scale, 1), ocr=True,
            conf=round(sum(w.conf for w in row) / len(row), 1)))
    return out
