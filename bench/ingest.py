"""Ingestion on the corpus: first-time pages/s with 1 and 2 worker processes
beside poppler's ``pdftotext`` and raw pdfminer.six on the same PDFs; the
second run with nothing changed; a 100-page PDF from queue to searchable;
adding one document to an index of 100,000 clause units.

Targets on the 2-core machine (issue 7): >= 35 pages/s end-to-end with 2
workers, a 100-page text PDF searchable <= 10 s, unchanged re-run < 2 s, one
added document < 5 s.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from indexer.pipeline import Indexer
from indexer.worker import Worker
from jdih.jobs import JobQueue, new_batch
from jdih.model import Unit
from jdih.settings import Settings
from jdih.site import Site

from ._timing import median, timed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# Text PDFs (scans and the garbled layer excluded: they measure nothing here).
SKIP = ("-SCAN", "-GARBLED")
BIG_PDF = "perda-kab-banjarnegara-8-2025-perubahan-pajak-daerah-retribusi-daerah.pdf"


def text_pdfs(quick: bool) -> list[Path]:
    pdfs = sorted(p for p in CORPUS.glob("*.pdf") if not any(s in p.name for s in SKIP))
    return pdfs[:5] if quick else pdfs


def pages_of(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return next((int(l.split()[-1]) for l in out.splitlines() if l.startswith("Pages:")), 0)


def site_at(folder: Path) -> Site:
    return Site.open(Settings.load(data=str(folder)))


def ingest(files: list[Path], processes: int) -> tuple[float, float]:
    """Seconds until every file of ``files`` is stored and searchable in a
    fresh store with ``processes`` workers, and until the run returns (after
    the worker merged the batch's index segments)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = site_at(Path(tmp))
        start = time.perf_counter()
        outcomes, searchable = [], 0.0
        for outcome in Indexer(site.store, site.index, processes=processes).run([str(f) for f in files]):
            outcomes.append(outcome)
            searchable = time.perf_counter() - start
        elapsed = time.perf_counter() - start
        assert all(o.status != "failed" for o in outcomes), [o.error for o in outcomes if o.status == "failed"]
        assert len(site.index.searcher().leaf_searchers()) == 1
        site.store.close()
        return searchable, elapsed


def pdftotext(files: list[Path]) -> float:
    start = time.perf_counter()
    for f in files:
        subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, check=True)
    return time.perf_counter() - start


def pdfminer_raw(files: list[Path]) -> float:
    from pdfminer.high_level import extract_text

    start = time.perf_counter()
    for f in files:
        extract_text(str(f))
    return time.perf_counter() - start


def unchanged_rerun(quick: bool) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        site = site_at(Path(tmp))
        paths = [str(p) for p in text_pdfs(True)] if quick else [str(CORPUS)]
        list(Indexer(site.store, site.index).run(paths))
        runs = timed(lambda: list(Indexer(site.store, site.index).run(paths)), repeat=3)
        n = len(JobQueue(site.store).recent(10_000))
        site.store.close()
        return median(runs), n


def upload_to_searchable() -> tuple[float, int]:
    """Queue the 127-page PDF as an upload; a running worker takes it; seconds
    until a search finds one of its Pasal."""
    with tempfile.TemporaryDirectory() as tmp:
        site = site_at(Path(tmp))
        indexer = Indexer(site.store, site.index, processes=2)
        worker = Worker(indexer, processes=2)
        assert worker.acquire()
        data = (CORPUS / BIG_PDF).read_bytes()
        start = time.perf_counter()
        job = indexer.queue.submit(data, BIG_PDF, source="upload", max_bytes=len(data), batch=new_batch())
        while indexer.queue.get(job).state != "done":
            worker.step(0.05)
        hits = site.searcher.search("perda 8/2025 pasal 1", public_only=False)["hits"]
        elapsed = time.perf_counter() - start
        worker.release()
        assert hits and hits[0]["doc"]["id"] == "perda-kab-banjarnegara-8-2025"
        site.store.close()
        return elapsed, pages_of(CORPUS / BIG_PDF)


def big_index(folder: Path, target_units: int) -> int:
    """A store and index of about ``target_units`` clause units: copies of the
    corpus regulations under their own ids (real text, real structure)."""
    site = site_at(folder)
    seed = tempfile.mkdtemp()
    base = site_at(Path(seed))
    list(Indexer(base.store, base.index).run([str(CORPUS / n) for n in (
        "uu-17-2014-md3.md", "uu-15-2011-penyelenggara-pemilu.md", "uu-12-2011-pembentukan-peraturan-perundang-undangan.md",
        "uu-1-2015-penetapan-perppu-1-2014-pilkada.md", "uu-8-2015-pilkada-perubahan.md")]))
    docs = [base.store.get_document(d) for d in base.store.document_ids()]
    units, copy = 0, 0
    while units < target_units:
        batch = []
        for doc in docs:
            doc.id = f"{doc.id.rsplit('-salinan', 1)[0]}-salinan-{copy}"
            doc.units = [Unit(**u.to_dict()) for u in doc.units]
            site.store.save_document(doc, source_sha256=None, fmt="md")
            batch.append((doc, True))
            units += len(doc.units)
        site.index.update_documents(batch)
        copy += 1
    base.store.close()
    shutil.rmtree(seed, ignore_errors=True)
    site.store.close()
    return units


def add_one(folder: Path) -> float:
    site = site_at(folder)
    start = time.perf_counter()
    out = Indexer(site.store, site.index).ingest_path(CORPUS / "uu-2-2008-partai-politik.md")
    elapsed = time.perf_counter() - start
    assert out.status == "indexed"
    assert site.searcher.search("uu 2/2008 pasal 2")["hits"][0]["doc"]["id"] == "uu-2-2008"
    site.store.close()
    return elapsed


def run(args) -> str:
    quick = getattr(args, "quick", False)
    files = text_pdfs(quick)
    pages = sum(pages_of(f) for f in files)
    one, two = ingest(files, 1), ingest(files, 2)
    rows = [("pdftotext (poppler), 1 process", pdftotext(files)),
            ("pdfminer.six extract_text, 1 process", pdfminer_raw(files)),
            ("JDIH ingest end-to-end, 1 worker process: all searchable", one[0]),
            ("JDIH ingest end-to-end, 1 worker process: with the segment merge", one[1]),
            ("JDIH ingest end-to-end, 2 worker processes: all searchable", two[0]),
            ("JDIH ingest end-to-end, 2 worker processes: with the segment merge", two[1])]
    base = rows[1][1]
    out = [f"First-time ingest of {len(files)} text PDFs of the corpus ({pages} pages):", "",
           "| what | seconds | pages/s | × pdfminer.six |", "|---|---:|---:|---:|"]
    out += [f"| {name} | {t:.1f} | {pages / t:.1f} | {base / t:.2f} |" for name, t in rows]
    t, n = unchanged_rerun(quick)
    out += ["", f"Second run with nothing changed ({'5 PDFs' if quick else 'whole corpus/'}): "
                f"median of 3 = **{t:.2f} s** (target < 2 s)."]
    if not quick:
        t, big_pages = upload_to_searchable()
        out.append(f"A {big_pages}-page text PDF from upload to searchable (worker running, 2 processes): "
                   f"**{t:.1f} s** (target for 100 pages <= 10 s).")
    with tempfile.TemporaryDirectory() as tmp:
        target = 20_000 if quick else 100_000
        units = big_index(Path(tmp), target)
        t = add_one(Path(tmp))
        out.append(f"Adding one document (UU 2/2008, 311 units) to an index of {units:,} clause units: "
                   f"**{t:.2f} s** (target < 5 s).")
    out.append("")
    out.append("OCR time per page: `python -m bench ocr` (text PDFs only here).")
    return "\n".join(out)
