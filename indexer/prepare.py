"""The CPU-heavy half of ingestion: bytes -> extracted lines -> parsed document.

``prepare`` is a pure function of a file's bytes (plus the limits): it reads
nothing from the store and writes nothing but the extraction cache, so it runs
in worker processes, several at a time, while one process writes the store
and the index (``indexer.pipeline``).

Extraction results are cached by content hash under ``JDIH_DATA/cache``: a
parser upgrade, a resumed job or the publish step of an upload re-parses from
the cache instead of extracting again. The cache key carries a fingerprint of
the extraction code and library versions, so a change there never serves a
stale result; deleting the cache only costs time.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from jdih.model import Document

from .classify import Classified, classify
from .clean import clean
from .errors import IngestError, NotARegulation
from .extract import extract, sniff
from .lines import Extracted, Line
from .notes import looks_like_note, read_note
from .ocr import OCR_FORMAT, OcrOptions, tesseract_version
from .parse import parse_lampiran, parse_regulation
from .tree import TreeBuilder

log = logging.getLogger("jdih.indexer")

Report = Callable[[str, int, int], None]
# The modules whose code decides what extraction returns (the fingerprint).
EXTRACTION_MODULES = ("extract.py", "extract_pdf.py", "extract_docx.py", "extract_html.py", "extract_text.py",
                      "lines.py", "textlayer.py", "ocr.py", "errors.py")
NEEDS_OCR = ("PDF ini tidak memiliki lapisan teks yang dapat dibaca (hasil pindaian atau teks rusak); "
             "perlu OCR sebelum dapat diindeks")


@dataclass
class Limits:
    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000
    max_seconds: float = 600.0
    max_memory: int = 3 * 1024 * 1024 * 1024
    ocr: OcrOptions | None = OcrOptions()   # None: pages without a text layer stay unread

    def extraction_variant(self) -> str:
        """The limits that change what extraction returns (cache key part)."""
        if self.ocr is None or not self.ocr.enabled:
            return f"{self.max_pages}"
        o = self.ocr
        tag = json.dumps([o.lang, o.dpi, o.psm, OCR_FORMAT, tesseract_version()])
        return f"{self.max_pages}-ocr{hashlib.sha256(tag.encode()).hexdigest()[:8]}"


@dataclass
class Prepared:
    """What a file became, ready for the single writer."""

    status: str                      # peraturan | catatan | attachment | skipped | failed
    digest: str = ""
    fmt: str = ""
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    doc: Document | None = None
    kind: Classified | None = None   # an attachment's classification
    attachment: dict = field(default_factory=dict)
    attachment_text: str = ""
    error: str = ""
    detail: str = ""
    cached: bool = False


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Changes whenever the extraction code or a library it uses changes."""
    from importlib import metadata

    h = hashlib.sha256()
    here = Path(__file__).parent
    for name in EXTRACTION_MODULES:
        path = here / name
        if path.exists():
            h.update(name.encode() + b"\0" + path.read_bytes())
    for dist in ("pdfminer.six", "python-docx", "beautifulsoup4", "pypdfium2"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:16]


class ExtractionCache:
    """Extracted files (or their content errors) by sha256, one gzip'd JSON each."""

    def __init__(self, root: str | os.PathLike | None):
        self.root = Path(root) if root else None

    def _path(self, digest: str, variant: str) -> Path:
        assert self.root is not None
        return self.root / digest[:2] / f"{digest}-{fingerprint()}-{variant}.json.gz"

    def get(self, digest: str, variant: str) -> Extracted | IngestError | None:
        if self.root is None:
            return None
        path = self._path(digest, variant)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError, EOFError):
            return None
        if "error" in data:
            return IngestError(data["error"], data["detail"])
        lines = [Line(**l) for l in data.pop("lines")]
        return Extracted(lines=lines, **data)

    def put(self, digest: str, variant: str, value: Extracted | IngestError) -> None:
        if self.root is None:
            return
        if isinstance(value, IngestError):
            data = {"error": value.pesan, "detail": value.detail}
        else:
            data = asdict(value)
            data["lines"] = [{k: v for k, v in l.items() if v is not None and v is not False} for l in data["lines"]]
        path = self._path(digest, variant)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, path)


def pdf_page_count(data: bytes) -> int | None:
    """Pages a PDF declares, read from its page tree without laying any out;
    None when the file is too damaged to tell (extraction then reports it)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        count = resolve1(resolve1(doc.catalog["Pages"]).get("Count"))
        return int(count) if isinstance(count, int) else None
    except Exception:  # damaged or encrypted: extraction says which, in Indonesian
        return None


@contextmanager
def page_probe(report: Report | None, total: int) -> Iterator[None]:
    """Report each page pdfminer lays out ("ekstraksi", n, total). Used only
    inside a worker process that handles one file, so the hook is private to it."""
    if report is None:
        yield
        return
    from pdfminer.pdfinterp import PDFPageInterpreter

    original = PDFPageInterpreter.process_page
    seen = [0]

    def process_page(self, page):
        seen[0] += 1
        report("ekstraksi", seen[0], max(total, seen[0]))
        return original(self, page)

    PDFPageInterpreter.process_page = process_page
    try:
        yield
    finally:
        PDFPageInterpreter.process_page = original


def extract_cached(data: bytes, filename: str, digest: str, limits: Limits, cache: ExtractionCache,
                   report: Report | None = None, probe: bool = False) -> tuple[Extracted, bool]:
    """Extracted lines of a file, from the cache when this content was seen."""
    variant = limits.extraction_variant()
    hit = cache.get(digest, variant)
    if isinstance(hit, IngestError):
        raise hit
    if hit is not None:
        return hit, True
    total = 0
    if sniff(data, filename) == "pdf":
        total = pdf_page_count(data) or 0
        if total > limits.max_pages:
            raise IngestError(f"PDF terlalu panjang: {total} halaman (batas {limits.max_pages} halaman).",
                              f"page count {total} > limit {limits.max_pages}")
    if report:
        report("ekstraksi", 0, total)
    try:
        with page_probe(report if probe else None, total):
            extracted = extract(data, filename, max_pages=limits.max_pages, ocr=limits.ocr, report=report)
    except IngestError as exc:
        cache.put(digest, variant, exc)
        raise
    cache.put(digest, variant, extracted)
    return extracted, False


def prepare(data: bytes, filename: str, digest: str, limits: Limits, cache: ExtractionCache,
            report: Report | None = None, probe: bool = False) -> Prepared:
    """Everything that can be done without the store; never raises."""
    try:
        extracted, cached = extract_cached(data, filename, digest, limits, cache, report, probe)
        if report:
            report("parsing", 0, 0)
        return _parse(extracted, digest, cached, data, filename, limits)
    except NotARegulation as exc:
        return Prepared("skipped", digest, error=exc.pesan, detail=exc.detail)
    except IngestError as exc:
        return Prepared("failed", digest, error=exc.pesan, detail=exc.detail)
    except MemoryError:
        return Prepared("failed", digest, error="Berkas ini membutuhkan memori melebihi batas; tidak diindeks.",
                        detail="MemoryError")
    except Exception as exc:  # a bug must not stop the batch; the clerk sees a plain message
        log.exception("unexpected failure on %s", filename)
        return Prepared("failed", digest, error="Terjadi kesalahan sistem saat memproses berkas ini; "
                        "laporkan ke admin.", detail=repr(exc))


def _parse(extracted: Extracted, digest: str, cached: bool, data: bytes, filename: str, limits: Limits
           ) -> Prepared:
    base = dict(digest=digest, fmt=extracted.format, pages=extracted.pages, ocr_pages=list(extracted.ocr_pages),
                cached=cached)
    if extracted.format == "pdf" and not extracted.lines:
        raise IngestError(NEEDS_OCR + "".join(f" ({w})" for w in extracted.warnings) + ".",
                          f"no usable text layer on {len(extracted.unusable_pages)} of "
                          f"{extracted.pages} pages")
    if looks_like_note([extracted.title] + [l.text for l in extracted.lines[:40]]):
        note = read_note(data, filename, limits.max_pages)  # an evaluation note (issue 5)
        return Prepared("catatan", doc=note.doc, **dict(base, fmt=note.format, pages=note.pages))
    lines = clean(extracted.lines)
    kind = classify(lines, extracted.format)
    if kind.kind == "peraturan":
        doc = parse_regulation(lines)
        if extracted.unusable_pages:
            doc.warnings.append("halaman tanpa teks terbaca: " + ", ".join(map(str, extracted.unusable_pages)))
        if not any(u.kind in ("pasal", "diktum") for u in doc.units):
            raise NotARegulation("Tidak ada pasal atau diktum yang terbaca; tidak diindeks.", "no units")
        return Prepared("peraturan", doc=doc, **base)
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
    return Prepared("attachment", kind=kind, attachment=data, attachment_text=text, **base)
