"""An evaluation note's text as blocks: headings (level 1-6) and paragraphs.

Each format says what a heading is in its own way: Markdown ``#``, a Word
paragraph style ("Heading 2", "Judul 2", "Title"), HTML ``<h1>``-``<h6>``, a
short bold or larger line in a PDF. The regulation extractors keep only the
text, so notes read their formats here (reusing the same safety checks).
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from .clean import INVISIBLE
from .errors import IngestError
from .extract_text import decode

# Markdown: a heading line. Must not take "#PAW" (a hashtag) or "Pasal 5 #".
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# Markdown: a list item ("- ", "* ", "1. ", "a. "), kept as its own paragraph.
MD_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)]|[a-z][.)])\s+")
# Markdown inline markup that carries no words: **bold**, _italic_, `code`, [text](url).
MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MD_EMPHASIS_RE = re.compile(r"(?<!\w)[*_`]{1,3}|[*_`]{1,3}(?!\w)")
# Front matter: "---" lines around "key: value" lines at the top of a Markdown note.
FRONT_RE = re.compile(r"^---\s*\n(.*?)\n---\s*(?:\n|$)", re.S)
FIELD_RE = re.compile(r"^([A-Za-z_ ]{2,20}?)\s*:\s*(.*)$")
WORD_STYLE_RE = re.compile(r"^(?:heading|judul)\s*(\d)$", re.I)


@dataclass
class Block:
    text: str
    level: int = 0      # 0: paragraph, 1-6: heading


@dataclass
class NoteSource:
    blocks: list[Block]
    meta: dict
    format: str
    pages: int = 0


def _inline_md(text: str) -> str:
    return " ".join(MD_EMPHASIS_RE.sub("", MD_LINK_RE.sub(r"\1", text)).split())


def front_matter(text: str) -> tuple[dict, str]:
    m = FRONT_RE.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        f = FIELD_RE.match(line.strip())
        if f:
            meta[f.group(1).strip().lower().replace(" ", "_")] = f.group(2).strip().strip('"')
    return meta, text[m.end():]


def markdown_blocks(data: bytes) -> NoteSource:
    meta, text = front_matter(decode(data).replace("\r\n", "\n"))
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block(_inline_md(" ".join(para))))
            para.clear()

    quoting = False
    for line in text.split("\n"):
        if quoting and not line.lstrip().startswith(">"):
            flush()
        quoting = line.lstrip().startswith(">")
        heading = MD_HEADING_RE.match(line)
        if heading:
            flush()
            blocks.append(Block(_inline_md(heading.group(2)), len(heading.group(1))))
        elif not line.strip() or re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*", line):
            flush()
        elif line.lstrip().startswith(">"):
            if not quoting:
                flush()
            para.append(line.strip().lstrip(">").strip())
        elif MD_ITEM_RE.match(line):
            flush()
            para.append(line.strip())
        elif line.lstrip().startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                blocks.append(Block(_inline_md(" | ".join(c for c in cells if c))))
        else:
            para.append(line.strip())
    flush()
    return NoteSource(blocks, meta, "md")


def docx_blocks(data: bytes) -> NoteSource:
    from .extract_docx import _check_zip

    _check_zip(data)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise IngestError("Berkas DOCX rusak dan tidak dapat dibaca.", f"python-docx failed: {exc!r}") from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = " ".join(item.text.split())
            if text:
                blocks.append(Block(text, _word_level(item.style.name if item.style is not None else "")))
        elif isinstance(item, Table):
            for row in item.rows:
                cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))
                if any(cells):
                    blocks.append(Block(" | ".join(c for c in cells if c)))
    props = document.core_properties
    meta = {k: v for k, v in (("judul", props.title), ("penulis", props.author)) if v}
    return NoteSource(blocks, meta, "docx")


def _word_level(style: str) -> int:
    if style.lower() in ("title", "judul"):
        return 1
    m = WORD_STYLE_RE.match(style.strip())
    return min(6, int(m.group(1)) + 1) if m else 0


def html_blocks(data: bytes) -> NoteSource:
    from bs4 import BeautifulSoup, Comment

    from .extract_html import DROP_TAGS

    soup = BeautifulSoup(decode(data), "html.parser")
    meta = {}
    if soup.title and soup.title.get_text(strip=True):
        meta["judul"] = " ".join(soup.title.get_text().split())
    for tag in soup.find_all("meta"):
        name, content = (tag.get("name") or "").lower(), tag.get("content") or ""
        if name in ("author", "penulis", "keywords", "tag", "nomor", "tanggal", "date", "id") and content:
            meta[{"author": "penulis", "keywords": "tag", "date": "tanggal"}.get(name, name)] = content
    for tag in soup.find_all([t for t in DROP_TAGS if t != "header"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    blocks: list[Block] = []
    body = soup.body or soup
    for el in body.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "blockquote", "pre", "dt", "dd"]):
        if el.find_parent(["p", "li", "blockquote", "pre", "dd"]) is not None and el.name != "li":
            continue
        if el.name == "li" and el.find(["p", "ul", "ol"]):
            continue
        sep = " | " if el.name == "tr" else " "
        text = " ".join(el.get_text(sep).split())
        if text:
            blocks.append(Block(text, int(el.name[1]) if el.name[0] == "h" and el.name[1:].isdigit() else 0))
    return NoteSource(blocks, meta, "html")


def pdf_blocks(data: bytes, max_pages: int | None = None) -> NoteSource:
    """PDF lines grouped into paragraphs by vertical gaps; short bold or larger lines are headings."""
    from .extract_pdf import extract_pdf

    extracted = extract_pdf(io.BytesIO(data), max_pages=max_pages)
    lines = extracted.lines
    if not lines:
        raise IngestError("PDF ini tidak memiliki lapisan teks yang dapat dibaca; perlu OCR sebelum dapat diindeks.",
                          "note PDF without a text layer")
    sizes = sorted(l.size or 10 for l in lines)
    body_size = sizes[len(sizes) // 2]
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top and a.top and b.top > a.top]
    step = sorted(gaps)[len(gaps) // 4] if gaps else 14.0  # the line step inside a paragraph
    blocks: list[Block] = []
    prev: Block | None = None
    prev_line = lines[0]
    for line in lines:
        size = line.size or body_size
        heading = len(line.text) < 100 and not line.text.endswith((".", ",", ";")) and (
            size > body_size * 1.15 or line.bold)
        level = (1 if size > body_size * 1.5 else 2) if heading else 0
        near = prev is not None and line.page == prev_line.page and \
            (line.top or 0) - (prev_line.top or 0) <= step * 1.45 * max(1.0, size / body_size)
        if level and near and prev.level == level:
            prev.text = _join(prev.text, line.text)  # a heading over several lines
        elif prev is None or level or prev.level or not near or MD_ITEM_RE.match(line.text):
            prev = Block(line.text, level)
            blocks.append(prev)
        else:
            prev.text = _join(prev.text, line.text)
        prev_line = line
    return NoteSource(blocks, {}, "pdf", extracted.pages)


def _join(a: str, b: str) -> str:
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}"


def blocks_of(data: bytes, filename: str, max_pages: int | None = None) -> NoteSource:
    """The blocks of a note file; text in NFKC (PDF ligatures such as "ﬁ" become "fi")."""
    from .extract import sniff

    fmt = sniff(data, filename)
    if fmt == "pdf":
        source = pdf_blocks(data, max_pages)
    elif fmt == "docx":
        source = docx_blocks(data)
    elif fmt == "html":
        source = html_blocks(data)
    else:
        source = markdown_blocks(data)
    for b in source.blocks:
        b.text = unicodedata.normalize("NFKC", b.text).translate(INVISIBLE)
    source.meta = {k: unicodedata.normalize("NFKC", v) for k, v in source.meta.items()}
    return source
