"""PDF text with pdfminer.six: visual lines with page numbers and geometry.

pdfminer's own text boxes come out of order for justified text (a line broken
into several boxes, list numbers in boxes of their own), and some PDFs space
their glyphs so that pdfminer inserts spaces inside words ("Men im ban g").
So this module works from the characters: it groups them into rows by their
vertical position, orders each row left to right, and puts a space only where
the PDF has a space glyph or a gap wider than a fraction of the font size.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine, LTPage
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from .errors import IngestError
from .lines import Extracted, Line
from .ocr import OcrError, OcrOptions, ocr_pages, unavailable
from .textlayer import document_is_usable, page_is_usable

log = logging.getLogger(__name__)

# A gap between two glyphs wider than this fraction of the font size is a space.
WORD_GAP = 0.18
# Glyphs smaller than this (points) are invisible markers some producers
# embed (a 1-pt "B" in front of every "Pasal" in one corpus PDF), not text.
MIN_GLYPH_SIZE = 3.0
# Glyphs whose vertical centres differ by less than this fraction of the font
# size belong to the same row.
ROW_TOLERANCE = 0.45


@dataclass
class _Glyph:
    text: str
    x0: float
    x1: float
    yc: float
    size: float
    bold: bool


def _glyphs(page: LTPage) -> list[_Glyph]:
    out = []
    for box in page:
        if not isinstance(box, LTTextContainer):
            continue
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            for ch in line:
                if isinstance(ch, LTChar):
                    size = ch.size or (ch.y1 - ch.y0) or 10.0
                    if size < MIN_GLYPH_SIZE:
                        continue
                    out.append(_Glyph(ch.get_text(), ch.x0, ch.x1, (ch.y0 + ch.y1) / 2, size,
                                      "bold" in (ch.fontname or "").lower()))
    return out


def _rows(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Cluster glyphs into rows, top to bottom."""
    rows: list[list[_Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -g.yc):
        if rows:
            row = rows[-1]
            ref = row[0]
            if abs(ref.yc - g.yc) < ROW_TOLERANCE * max(ref.size, g.size):
                row.append(g)
                continue
        rows.append([g])
    return rows


def _row_text(row: list[_Glyph]) -> str:
    row.sort(key=lambda g: g.x0)
    parts: list[str] = []
    prev = None
    for g in row:
        if prev is not None and not g.text.isspace() and parts and not parts[-1].endswith(" "):
            if g.x0 - prev.x1 > WORD_GAP * max(g.size, 1.0):
                parts.append(" ")
        parts.append(" " if g.text.isspace() else g.text)
        prev = g
    return " ".join("".join(parts).split())


def page_lines(page: LTPage, number: int) -> list[Line]:
    width, height = page.width, page.height
    lines = []
    for row in _rows(_glyphs(page)):
        text = _row_text(row)
        if not text:
            continue
        sizes = sorted(g.size for g in row)
        lines.append(Line(
            text=text, page=number,
            x0=round(min(g.x0 for g in row), 1), x1=round(max(g.x1 for g in row), 1),
            top=round(height - max(g.yc for g in row), 1),
            page_width=width, page_height=height,
            size=round(sizes[len(sizes) // 2], 1),
            bold=sum(g.bold for g in row) > len(row) / 2,
        ))
    return lines


def extract_pdf(path, max_pages: int | None = None, ocr: OcrOptions | None = None,
                data: bytes | None = None, report=None) -> Extracted:
    """Lines of a PDF. Pages without a usable text layer (scans, garbage
    layers) are read by OCR when ``ocr`` is given and Tesseract is installed;
    otherwise they are listed as unusable."""
    by_page: dict[int, list[Line]] = {}
    sizes: dict[int, tuple[float, float]] = {}
    unusable: list[int] = []
    count = 0
    try:
        for number, page in enumerate(extract_pages(path, laparams=LAParams()), start=1):
            if max_pages is not None and number > max_pages:
                raise IngestError(
                    f"PDF terlalu panjang: lebih dari {max_pages} halaman.",
                    f"page limit {max_pages} exceeded")
            count = number
            sizes[number] = (page.width, page.height)
            plines = page_lines(page, number)
            if page_is_usable(" ".join(l.text for l in plines)):
                by_page[number] = plines
            else:
                unusable.append(number)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise IngestError("PDF terkunci dengan kata sandi atau dienkripsi; buka kuncinya lalu unggah lagi.",
                          f"encrypted PDF: {exc!r}") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise IngestError("Berkas PDF rusak atau bukan PDF yang sah.", f"pdf syntax error: {exc!r}") from exc
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise IngestError("Berkas PDF rusak dan tidak dapat dibaca.", f"pdfminer failed: {exc!r}") from exc
    if count == 0:
        raise IngestError("Berkas PDF tidak memiliki halaman.", "no pages")
    if by_page and not document_is_usable(" ".join(l.text for ls in by_page.values() for l in ls)):
        # Each page passed alone, but the whole layer has no Indonesian words: garbage.
        unusable = list(range(1, count + 1))
        by_page = {}
    out = Extracted(lines=[], format="pdf", pages=count)
    if unusable and ocr is not None and data is not None:
        unusable = _ocr_into(by_page, unusable, sizes, data, ocr, out, report)
    out.unusable_pages = unusable
    out.lines = [line for n in sorted(by_page) for line in by_page[n]]
    return out


def _ocr_into(by_page: dict[int, list[Line]], pages: list[int], sizes: dict[int, tuple[float, float]],
              data: bytes, ocr: OcrOptions, out: Extracted, report=None) -> list[int]:
    """OCR the unusable pages into ``by_page``; returns the pages still unreadable."""
    reason = unavailable(ocr)
    if reason:
        out.warnings.append(f"{len(pages)} halaman perlu OCR, tetapi {reason}")
        return pages
    try:
        read = ocr_pages(data, pages, sizes, ocr, report)
    except OcrError as exc:
        log.warning("OCR failed: %s", exc)
        out.warnings.append(str(exc))
        return pages
    still = []
    for n in pages:
        lines = read.get(n, [])
        if lines and page_is_usable(" ".join(l.text for l in lines)):
            by_page[n] = lines
            out.ocr_pages.append(n)
        else:
            still.append(n)
    return still
