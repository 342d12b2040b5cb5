"""From cleaned lines to a Document: metadata and the unit tree.

The parser is total: whatever the text, it returns a Document whose units
hold every line; odd text becomes a plain block, never an exception.
"""
from __future__ import annotations

import re

from jdih import ids
from jdih.model import Document, Unit

from . import patterns as P
from .body import BodyParser
from .lines import Line
from .metadata import parse_closing, parse_head, sumber, tambahan
from .penjelasan import PenjelasanParser
from .segment import segment
from .tree import TreeBuilder, add_text

LIST_ZONES = ("menimbang", "mengingat", "memperhatikan")


def _strip_label(text: str, word: str) -> str:
    return re.sub(rf"^{word}\s*:?\s*", "", text, flags=re.I)


def parse_regulation(lines: list[Line]) -> Document:
    parts = segment(lines)
    head_lines = parts.get("head")
    head = parse_head(" ".join(l.text for l in head_lines))
    doc = Document(id=head.doc_id or "tanpa-id", jenis=head.jenis_name, singkatan=head.singkatan,
                   nomor=head.nomor, tahun=head.tahun, tentang=head.tentang, judul=head.judul,
                   teu_badan=head.teu_badan, wilayah=head.wilayah)
    doc.warnings.extend(head.warnings)
    builder = TreeBuilder()

    if head_lines:
        unit = builder.open("pembukaan", "", 0, local_id="pembukaan", label="")
        for line in head_lines:
            add_text(unit, line.text, line, newline=True)

    for zone in LIST_ZONES:
        zone_lines = parts.get(zone)
        if not zone_lines:
            continue
        builder.close_to(0)
        builder.open(zone, "", 0, local_id=zone, label=zone.capitalize(), line=zone_lines[0])
        parser = BodyParser(builder, list_only=True)
        first = _strip_label(zone_lines[0].text, zone)
        if first:
            parser.feed(zone_lines[0].with_text(first))
        for line in zone_lines[1:]:
            parser.feed(line)

    menetapkan = parts.get("menetapkan")
    if menetapkan:
        builder.close_to(0)
        unit = builder.open("menetapkan", "", 0, local_id="menetapkan", label="Menetapkan", line=menetapkan[0])
        for line in menetapkan:
            t = line.text
            if P.MEMUTUSKAN_RE.match(t):
                t = P.MEMUTUSKAN_RE.match(t).group(1)
            elif P.MENETAPKAN_RE.match(t):
                t = P.MENETAPKAN_RE.match(t).group(1)
            add_text(unit, t, line)

    body = parts.get("body")
    amending = _is_amending(doc, body)
    parser = BodyParser(builder, amending=amending)
    builder.close_to(0)
    parser.parse(body)
    doc.warnings.extend(parser.anomalies)

    penutup = parts.get("penutup")
    if penutup:
        builder.close_to(0)
        unit = builder.open("penutup", "", 0, local_id="penutup", label="")
        for line in penutup:
            add_text(unit, line.text, line)
        closing = parse_closing(unit.text)
        for key, value in vars(closing).items():
            if value and not getattr(doc, key):
                setattr(doc, key, value)
    if doc.tahun is None and doc.tanggal_penetapan:
        doc.tahun = int(doc.tanggal_penetapan[:4])
        doc.warnings = [w for w in doc.warnings if "tahun" not in w]
        doc.id = ids.doc_id(doc.singkatan, doc.nomor, doc.tahun)
        doc.judul = doc.judul.replace(f"Nomor {doc.nomor}", f"Nomor {doc.nomor} Tahun {doc.tahun}")
    head_text = " ".join(l.text for l in head_lines)
    if not doc.sumber:
        doc.sumber = sumber(head_text)

    penjelasan = parts.get("penjelasan")
    if penjelasan:
        PenjelasanParser(builder).parse(penjelasan)
    if doc.sumber and ", T" not in doc.sumber:
        # The Tambahan (TLN/TBN) number is printed at the end of the Penjelasan
        # or, in Lembaran Negara layouts, in the heading.
        tail = " ".join(l.text for l in (penjelasan or [])[-3:])
        extra = tambahan(tail) or tambahan(head_text)
        if extra:
            doc.sumber += f", {extra}"

    for block in parts.lampiran:
        parse_lampiran(builder, block)

    doc.units = builder.units
    if builder.duplicates:
        doc.warnings.append("id unit ganda: " + ", ".join(sorted(set(builder.duplicates))[:10]))
    return doc


def _is_amending(doc: Document, body: list[Line]) -> bool:
    romans = [l.text for l in body if P.PASAL_ROMAN_RE.match(l.text)]
    if not romans:
        return False
    return "Pasal I" in romans and (bool(P.TITLE_PERUBAHAN_RE.search(doc.tentang)) or "Pasal II" in romans)


def parse_lampiran(builder: TreeBuilder, lines: list[Line]) -> Unit:
    m = P.LAMPIRAN_RE.match(lines[0].text)
    number = (m.group(1) or "") if m else ""
    builder.close_to(0)
    local = f"lampiran_{number.lower()}" if number else "lampiran"
    unit = builder.open("lampiran", number, 0, local_id=local, label=f"LAMPIRAN {number}".strip(), line=lines[0])
    first = (m.group(2) or "") if m else lines[0].text
    add_text(unit, first, lines[0], newline=True)
    for line in lines[1:]:
        add_text(unit, line.text, line, newline=True)
    return unit
