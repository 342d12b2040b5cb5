"""Evaluation notes (catatan evaluasi): internal documents written by staff.

A note is recognised by what it says about itself: a title starting "Catatan
Evaluasi", or a field "tipe: Catatan Evaluasi" (front matter, or a labelled
line near the top). It becomes a Document of tipe "Catatan Evaluasi" whose
units are its sections (kind ``seksi``, id ``seksi_2`` for "2. Analisis",
else its position), never public. Metadata come from the front matter, the
file's own properties (DOCX core properties, HTML <title>/<meta>) or labelled
lines at the top ("Nomor: ...", "Tanggal: ...", "Penulis: ...", "Tag: ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from jdih.ids import id_part, slug
from jdih.model import Document, Unit
from jdih.notes import JENIS, SINGKATAN, STATUS, TIPE

from .errors import IngestError, NotARegulation
from .metadata import parse_date
from .note_blocks import FIELD_RE, Block, NoteSource, blocks_of

# A note's own title or type field. Must not match an abstract sheet's
# "CATATAN : ..." line or prose that mentions "catatan evaluasi" mid-sentence.
NOTE_TITLE_RE = re.compile(r"^\s*(?:#+\s*)?catatan\s+evaluasi\b", re.I)
NOTE_FIELD_RE = re.compile(r"^\s*(?:tipe|jenis)(?:\s+dokumen)?\s*:\s*catatan\s+evaluasi\s*$", re.I)
# A numbered heading: "2. Analisis", "II. PEMBAHASAN", "B. Usulan". Must not
# take a year or a citation ("2024. Pemilu", "Pasal 5").
HEADING_NUMBER_RE = re.compile(r"^(?P<num>\d{1,2}|[IVX]{1,5}|[A-H])[.)]\s+(?P<rest>\S.*)$")
META_KEYS = {"id": "id", "judul": "judul", "nomor": "nomor", "tanggal": "tanggal", "penulis": "penulis",
             "tag": "tag", "tags": "tag", "kata_kunci": "tag", "unit_kerja": "penulis", "instansi": "instansi",
             "status": "keterangan", "keterangan": "keterangan", "contoh": "contoh"}
TITLE_NOISE = {"catatan", "evaluasi", "tentang", "atas", "dan", "yang", "di", "ke", "dari", "untuk", "pada", "dalam"}


def looks_like_note(lines: list[str]) -> bool:
    """True when the first lines of a file say it is an evaluation note."""
    head = [l for l in lines if l.strip()][:15]
    return any(NOTE_FIELD_RE.match(l) for l in head) or any(NOTE_TITLE_RE.match(l) for l in head[:4])


@dataclass
class ReadNote:
    doc: Document
    format: str
    pages: int = 0


def read_note(data: bytes, filename: str, max_pages: int | None = None, overrides: dict | None = None) -> ReadNote:
    """A note file (Markdown, DOCX, HTML, PDF) as a Document; ``overrides`` (from a
    web form: judul, nomor, tanggal, tag, id) win over what the file says."""
    source = blocks_of(data, filename, max_pages)
    if not any(b.text.strip() for b in source.blocks):
        raise IngestError("Catatan tidak berisi teks yang dapat dibaca.", "note without text")
    doc = build_note(source, overrides or {})
    return ReadNote(doc, source.format, source.pages)


def _labelled(blocks: list[Block]) -> tuple[dict, list[Block]]:
    """'Nomor: 01/CE/2025' style lines before the first section: metadata, not text."""
    meta, rest = {}, []
    section_seen = False
    for b in blocks:
        f = FIELD_RE.match(b.text) if not b.level and not section_seen else None
        key = META_KEYS.get(f.group(1).strip().lower().replace(" ", "_")) if f else None
        if f and (key or NOTE_FIELD_RE.match(b.text)):
            if key:
                meta.setdefault(key, f.group(2).strip())
            continue
        section_seen = section_seen or b.level > 1
        rest.append(b)
    return meta, rest


def build_note(source: NoteSource, overrides: dict) -> Document:
    meta = {META_KEYS.get(k, k): v for k, v in source.meta.items() if v}
    labelled, blocks = _labelled(source.blocks)
    for k, v in labelled.items():
        meta.setdefault(k, v)
    meta.update({k: v for k, v in overrides.items() if v})
    title_block = next((b for b in blocks if b.level == 1), None)
    judul = meta.get("judul") or (title_block.text if title_block else blocks[0].text)
    if title_block is not None:
        blocks = [b for b in blocks if b is not title_block]
    tanggal = parse_date(meta.get("tanggal", "")) or (meta.get("tanggal", "") if re.fullmatch(
        r"\d{4}-\d{2}-\d{2}", meta.get("tanggal", "")) else "")
    tahun = int(tanggal[:4]) if tanggal else _year(judul)
    note_id = _note_id(meta.get("id", ""), judul, tahun)
    doc = Document(id=note_id, tipe=TIPE, jenis=JENIS, singkatan=SINGKATAN,
                   nomor=meta.get("nomor") or note_id.removeprefix("catatan-"), tahun=tahun, judul=judul,
                   tentang=judul, teu_badan=meta.get("instansi") or meta.get("penulis", ""),
                   tanggal_penetapan=tanggal, subjek=meta.get("tag", ""), status=STATUS,
                   penandatangan=meta.get("penulis", ""), sumber=meta.get("keterangan", ""))
    doc.units = sections(blocks)
    if not doc.units:
        raise NotARegulation("Catatan tidak berisi teks selain judulnya; tidak disimpan.", "note without body")
    return doc


def _year(text: str) -> int | None:
    m = re.search(r"\b(20\d{2}|19\d{2})\b", text)
    return int(m.group(1)) if m else None


def _note_id(given: str, judul: str, tahun: int | None) -> str:
    if given:
        found = slug(given)
        if not found:
            raise IngestError("Id catatan tidak sah.", f"bad note id {given!r}")
        return found if found.startswith("catatan-") else f"catatan-{found}"
    words = [w for w in slug(judul).split("-") if w not in TITLE_NOISE and not (w.isdigit() and len(w) == 4)]
    return "-".join(["catatan", *([str(tahun)] if tahun else []), *words[:5]]) or "catatan"


def sections(blocks: list[Block]) -> list[Unit]:
    """One ``seksi`` unit per top-level heading; deeper headings stay in the text.
    Text before the first heading is the section "Pengantar"."""
    levels = sorted({b.level for b in blocks if b.level})
    top = levels[0] if levels else 0
    units: list[Unit] = []
    taken: set[str] = set()
    current: Unit | None = None
    for b in blocks:
        if top and b.level == top:
            current = _section(b.text, len(units) + 1, taken)
            units.append(current)
            continue
        if current is None:
            current = Unit(id="seksi_pengantar", kind="seksi", number="", heading="Pengantar", label="")
            taken.add(current.id)
            units.append(current)
        current.text = f"{current.text}\n{b.text}" if current.text else b.text
    return units


def _section(heading: str, position: int, taken: set[str]) -> Unit:
    m = HEADING_NUMBER_RE.match(heading)
    number = m.group("num") if m else str(position)
    uid = base = f"seksi_{id_part(number)}"
    n = 2
    while uid in taken:
        uid, n = f"{base}_{n}", n + 1
    taken.add(uid)
    return Unit(id=uid, kind="seksi", number=number, heading=m.group("rest") if m else heading, label=heading)
