"""DOCX with python-docx: paragraphs and table rows in document order.

A DOCX is a zip: the archive is checked for decompression bombs (a huge
uncompressed size or ratio) before python-docx opens it.
"""
from __future__ import annotations

import io
import zipfile

from .errors import IngestError
from .lines import Extracted, Line

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                        and info.file_size > 10 * 1024 * 1024:
                    raise IngestError("Berkas DOCX mencurigakan (isi terkompresi berlebihan) dan ditolak.",
                                      f"zip member {info.filename} ratio too high")
            if total > MAX_UNCOMPRESSED:
                raise IngestError("Berkas DOCX terlalu besar setelah dibuka dan ditolak.",
                                  f"uncompressed size {total} > {MAX_UNCOMPRESSED}")
    except zipfile.BadZipFile as exc:
        raise IngestError("Berkas DOCX rusak atau bukan DOCX yang sah.", f"bad zip: {exc}") from exc


def extract_docx(data: bytes) -> Extracted:
    _check_zip(data)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError("Berkas DOCX rusak dan tidak dapat dibaca.", f"python-docx failed: {exc!r}") from exc
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            for part in block.text.splitlines():
                lines.append(Line(text=part))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                lines.append(Line(text=" ".join(cells)))
    return Extracted(lines=lines, format="docx")
