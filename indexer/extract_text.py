"""Plain text and Markdown: one Line per line, with Markdown emphasis removed."""
from __future__ import annotations

import re

from .errors import IngestError
from .lines import Extracted, Line

# Markdown markup that carries no words: heading hashes, emphasis runs, and the
# "__ __" / "_._" debris left by converters. Must not touch "pkpu_19" style
# identifiers inside words, so underscores are removed only at word edges.
MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_EMPHASIS_RE = re.compile(r"(?<!\w)[_*]{1,3}|[_*]{1,3}(?!\w)")
# Page breaks some converters leave inside a flattened line (form feed, the
# SOH control character): a page break is a line break.
PAGE_BREAK_RE = re.compile(r"[\x01\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def strip_markdown(text: str) -> str:
    text = MD_HEADING_RE.sub("", text)
    return MD_EMPHASIS_RE.sub("", text)


def extract_text(data: bytes, markdown: bool = False) -> Extracted:
    if b"\x00" in data[:4096]:
        raise IngestError("Berkas teks berisi data biner; periksa apakah jenis berkasnya benar.",
                          "NUL bytes in a text file")
    text = decode(data)
    lines = []
    for raw in PAGE_BREAK_RE.sub("\n", text).splitlines():
        t = strip_markdown(raw) if markdown else raw
        lines.append(Line(text=t))
    return Extracted(lines=lines, format="md" if markdown else "txt")
