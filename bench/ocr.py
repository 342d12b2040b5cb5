"""OCR time per page on the corpus scans (no cache), 1 and 2 workers.

Pages: the 4 pages of the scanned PP 46/2009 and the first pages of the
Perpres 87/2014 whose text layer is garbage (12, or 4 with --quick). Reported:
the median seconds per page with one worker (render + Tesseract, pages one
after another) and the wall time per page with two workers; the baseline is
one worker in the same process. Tesseract runs single-threaded in each worker.
"""
from __future__ import annotations

import time
from pathlib import Path

from indexer.ocr import OcrOptions, page_tsv, tesseract_version, unavailable

from ._timing import median

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SCAN = "pp-46-2009-batas-pertanggungjawaban-kerugian-nuklir-SCAN.pdf"
GARBLED = "perpres-87-2014-pelaksanaan-uu-12-2011-GARBLED-TEXT-LAYER.pdf"


def _pages(quick: bool) -> list[tuple[Path, int]]:
    return [(CORPUS / SCAN, n) for n in range(1, 5)] + [(CORPUS / GARBLED, n) for n in range(1, 5 if quick else 13)]


def _one_by_one(pages, opts, tmp: Path) -> list[float]:
    out = []
    for path, n in pages:
        t = time.perf_counter()
        page_tsv(path, "bench", n, opts, tmp)
        out.append(time.perf_counter() - t)
    return out


def _parallel(pages, opts, tmp: Path) -> float:
    from concurrent.futures import ThreadPoolExecutor
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda p: page_tsv(p[0], "bench", p[1], opts, tmp), pages))
    return time.perf_counter() - t


def run(args) -> str:
    import tempfile

    opts = OcrOptions(cache_dir=None, workers=1)
    reason = unavailable(opts)
    if reason:
        return f"OCR tidak dapat diukur: {reason}."
    pages = _pages(getattr(args, "quick", False))
    with tempfile.TemporaryDirectory() as tmp:
        single = _one_by_one(pages, opts, Path(tmp))
        wall2 = _parallel(pages, opts, Path(tmp))
    one = median(single)
    two = wall2 / len(pages)
    return "\n".join([
        f"{tesseract_version()}, -l {opts.lang}, {opts.dpi} dpi, --psm {opts.psm}; {len(pages)} pages "
        f"(4 of the scan, {len(pages) - 4} of the garbled text layer), no cache.",
        "",
        "| workers | seconds per page | ratio to 1 worker |",
        "|---:|---:|---:|",
        f"| 1 | {one:.2f} (median; p. scan {median(single[:4]):.2f}, garbled {median(single[4:]):.2f}) | 1.00 |",
        f"| 2 | {two:.2f} (wall time / pages) | {two / one:.2f} |",
    ])
