"""Dispatch a file to its extractor by content (magic bytes), not only by name."""
from __future__ import annotations

import io
import os

from .errors import IngestError
from .extract_docx import extract_docx
from .extract_html import extract_html
from .extract_pdf import extract_pdf
from .extract_text import extract_text
from .lines import Extracted
from .ocr import OcrOptions

TEXT_EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".text": "txt"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}


def sniff(data: bytes, filename: str) -> str:
    """The format of a file: pdf, docx, html, md, txt; raises for others."""
    ext = os.path.splitext(filename)[1].lower()
    head = data[:1024].lstrip()
    if not data:
        raise IngestError("Berkas kosong (0 byte).", "empty file")
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if ext == ".pdf":
        raise IngestError("Berkas bernama .pdf tetapi isinya bukan PDF.", "no %PDF- header")
    if data.startswith(b"PK\x03\x04"):
        if ext == ".docx" or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        raise IngestError("Arsip ZIP yang bukan DOCX tidak dapat diindeks.", "zip that is not docx")
    if ext == ".docx":
        raise IngestError("Berkas bernama .docx tetapi isinya bukan DOCX.", "no zip header")
    if ext == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError("Format Word lama (.doc) belum didukung; simpan sebagai .docx atau PDF.",
                          "legacy OLE .doc")
    lowered = head[:200].lower()
    if ext in HTML_EXTENSIONS or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if ext in TEXT_EXTENSIONS:
        return TEXT_EXTENSIONS[ext]
    if ext == ".json":
        raise IngestError("Berkas JSON tidak diindeks (hanya PDF, DOCX, HTML, TXT, dan MD).",
                          "json is not an accepted input format")
    raise IngestError(f"Jenis berkas '{ext or 'tanpa ekstensi'}' tidak didukung "
                      "(hanya PDF, DOCX, HTML, TXT, dan MD).", f"unsupported extension {ext!r}")


def extract(data: bytes, filename: str, max_pages: int | None = None, ocr: OcrOptions | None = None,
            report=None) -> Extracted:
    """Lines of a file. PDF pages without a usable text layer are read by OCR
    when ``ocr`` options are given (``report`` hears the OCR progress)."""
    fmt = sniff(data, filename)
    if fmt == "pdf":
        return extract_pdf(io.BytesIO(data), max_pages=max_pages, ocr=ocr, data=data, report=report)
    if fmt == "docx":
        return extract_docx(data)
    if fmt == "html":
        return extract_html(data)
    return extract_text(data, markdown=(fmt == "md"))
